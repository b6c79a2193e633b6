import { accountsSuite } from './support/accounts.suite.js';

accountsSuite('mysql');
