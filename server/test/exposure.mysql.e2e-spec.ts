import { exposureSuite } from './support/exposure.suite.js';

exposureSuite('mysql');
