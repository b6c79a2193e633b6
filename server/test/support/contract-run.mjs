/**
 * Jest's global setup: one log per run, in which every test file's API client writes the operation
 * each answer belonged to; test/contract-coverage.e2e-spec.ts (sorted last) reads it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export default function contractRun(globalConfig) {
  const log = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'linli-contract-')), 'answers.log');
  fs.writeFileSync(log, '');
  process.env.LINLI_CONTRACT_LOG = log;
  // Only a run of every test can be expected to have exercised every operation.
  const filtered =
    (globalConfig.testPathPatterns?.patterns?.length ?? 0) > 0 ||
    Boolean(globalConfig.testNamePattern) ||
    globalConfig.onlyChanged ||
    globalConfig.onlyFailures ||
    globalConfig.findRelatedTests ||
    Boolean(globalConfig.shard);
  process.env.LINLI_CONTRACT_FULL_RUN = filtered ? '' : '1';
}
