import { auditExportsSuite } from './support/audit-exports.suite.js';

auditExportsSuite('sqlite');
