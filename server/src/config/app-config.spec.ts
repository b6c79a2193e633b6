import { describe, expect, it } from '@jest/globals';
import { loadConfig } from './app-config.js';

describe('CLOCK_OFFSET_MS (test only)', () => {
  it('shifts the clock of a test server, either way', () => {
    expect(loadConfig({ NODE_ENV: 'test', CLOCK_OFFSET_MS: '86400000' }).clockOffsetMs).toBe(86_400_000);
    expect(loadConfig({ NODE_ENV: 'test', CLOCK_OFFSET_MS: '-1500' }).clockOffsetMs).toBe(-1500);
    expect(loadConfig({ NODE_ENV: 'test' }).clockOffsetMs).toBe(0);
  });

  it('is refused in production and in development', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 's3cret', CLOCK_OFFSET_MS: '1000' })).toThrow(/CLOCK_OFFSET_MS is a test-only setting/);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 's3cret', CLOCK_OFFSET_MS: '0' })).toThrow(/CLOCK_OFFSET_MS/);
    expect(() => loadConfig({ CLOCK_OFFSET_MS: '1000' })).toThrow(/NODE_ENV=development/);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 's3cret' }).clockOffsetMs).toBe(0);
  });

  it('must be a whole number of milliseconds', () => {
    expect(() => loadConfig({ NODE_ENV: 'test', CLOCK_OFFSET_MS: '1.5' })).toThrow(/CLOCK_OFFSET_MS: expected an integer, got "1.5"/);
    expect(() => loadConfig({ NODE_ENV: 'test', CLOCK_OFFSET_MS: 'tomorrow' })).toThrow(/CLOCK_OFFSET_MS/);
  });
});
