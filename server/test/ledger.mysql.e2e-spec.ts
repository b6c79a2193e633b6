import { ledgerSuite } from './support/ledger.suite.js';

ledgerSuite('mysql');
