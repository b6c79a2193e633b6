/** Jest runs Nest 12 (ESM-only) in ESM mode: node --experimental-vm-modules, ts-jest with useESM, `.js` suffixes mapped away. */
export default {
  testEnvironment: 'node',
  rootDir: '.',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts', '**/*.e2e-spec.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: '<rootDir>/tsconfig.json' }],
  },
  testTimeout: 60000,
  // Every answer is checked against docs/openapi.json; the last file checks every operation was met (test/support/contract.ts).
  globalSetup: '<rootDir>/test/support/contract-run.mjs',
  testSequencer: '<rootDir>/test/support/contract-sequencer.mjs',
};
