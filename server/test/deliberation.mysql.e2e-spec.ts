import { deliberationSuite } from './support/deliberation.suite.js';

deliberationSuite('mysql');
