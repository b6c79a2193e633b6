import fs from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { COVERAGE_LOG_ENV, OPERATIONS } from './support/contract.js';

/**
 * Runs after every other test file (support/contract-sequencer.mjs). Each answer the suite received
 * was checked against docs/openapi.json as it came; this checks that every documented operation
 * answered with success at least once, so that each success schema has met a real answer.
 */
describe('the contract, across the whole suite', () => {
  const fullRun = process.env.LINLI_CONTRACT_FULL_RUN === '1';
  (fullRun ? it : it.skip)('every documented operation answered with success at least once', () => {
    const lines = fs.readFileSync(process.env[COVERAGE_LOG_ENV]!, 'utf8').split('\n').filter(Boolean);
    const succeeded = new Set(lines.map((l) => l.split('\t')).filter(([, status]) => status.startsWith('2')).map(([key]) => key));
    expect(OPERATIONS.map((op) => op.key).filter((key) => !succeeded.has(key))).toEqual([]);
  });
});
