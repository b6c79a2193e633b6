import { describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from './app-config.js';

const SECRET = 'a'.repeat(16) + 'b'.repeat(16) + 'c'.repeat(8);

describe('CLOCK_OFFSET_MS (test only)', () => {
  it('shifts the clock of a test server, either way', () => {
    expect(loadConfig({ NODE_ENV: 'test', CLOCK_OFFSET_MS: '86400000' }).clockOffsetMs).toBe(86_400_000);
    expect(loadConfig({ NODE_ENV: 'test', CLOCK_OFFSET_MS: '-1500' }).clockOffsetMs).toBe(-1500);
    expect(loadConfig({ NODE_ENV: 'test' }).clockOffsetMs).toBe(0);
  });

  it('is refused in production and in development', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: SECRET, CLOCK_OFFSET_MS: '1000' })).toThrow(/CLOCK_OFFSET_MS is a test-only setting/);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: SECRET, CLOCK_OFFSET_MS: '0' })).toThrow(/CLOCK_OFFSET_MS/);
    expect(() => loadConfig({ CLOCK_OFFSET_MS: '1000' })).toThrow(/NODE_ENV=development/);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: SECRET }).clockOffsetMs).toBe(0);
  });

  it('must be a whole number of milliseconds', () => {
    expect(() => loadConfig({ NODE_ENV: 'test', CLOCK_OFFSET_MS: '1.5' })).toThrow(/CLOCK_OFFSET_MS: expected an integer, got "1.5"/);
    expect(() => loadConfig({ NODE_ENV: 'test', CLOCK_OFFSET_MS: 'tomorrow' })).toThrow(/CLOCK_OFFSET_MS/);
  });
});

describe('JWT_SECRET', () => {
  it('must be set in production and on MySQL, where every process must share it', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET must be set in production/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://root@127.0.0.1:3306/linli' })).toThrow(/JWT_SECRET must be set when DATABASE_URL is set/);
  });

  it('refuses the values published in the repository, in every environment, and short ones', () => {
    for (const NODE_ENV of ['production', 'development', 'test']) {
      expect(() => loadConfig({ NODE_ENV, JWT_SECRET: 'replace-with-a-long-random-secret' })).toThrow(/published in the repository/);
      expect(() => loadConfig({ NODE_ENV, JWT_SECRET: 'linli-dev-secret-change-me' })).toThrow(/published in the repository/);
    }
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 's3cret' })).toThrow(/at least 32 characters/);
  });

  it('embedded: made at random on first start and kept beside the SQLite file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-secret-'));
    const env = { SQLITE_PATH: path.join(dir, 'linli.sqlite') };
    const first = loadConfig(env).jwtSecret;
    expect(first).toMatch(/^[0-9a-f]{96}$/);
    expect(loadConfig(env).jwtSecret).toBe(first);
    expect(fs.statSync(path.join(dir, 'jwt-secret')).mode & 0o777).toBe(0o600);
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-secret-'));
    expect(loadConfig({ SQLITE_PATH: path.join(other, 'linli.sqlite') }).jwtSecret).not.toBe(first);
    fs.rmSync(dir, { recursive: true });
    fs.rmSync(other, { recursive: true });
  });
});

describe('TRUST_PROXY', () => {
  it('believes no forwarded address unless proxies are named', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).trustProxy).toEqual([]);
    expect(loadConfig({ NODE_ENV: 'test', TRUST_PROXY: '10.0.0.5, 10.0.1.0/24' }).trustProxy).toEqual(['10.0.0.5', '10.0.1.0/24']);
  });
});

describe('DEV_LOGIN', () => {
  it('is off unless set to true', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).devLogin).toBe(false);
    expect(loadConfig({ NODE_ENV: 'test', DEV_LOGIN: '1' }).devLogin).toBe(false);
    expect(loadConfig({ NODE_ENV: 'development', DEV_LOGIN: 'true' }).devLogin).toBe(true);
  });

  it('stops a production server from starting', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), DEV_LOGIN: 'true' })).toThrow(/DEV_LOGIN .* refused with NODE_ENV=production/);
  });
});

describe('UNCHECKED_TEXT', () => {
  it('the npm start demo shows unchecked text; tests and production hold it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-unchecked-'));
    expect(loadConfig({ SQLITE_PATH: path.join(dir, 'db.sqlite') }).uncheckedText).toBe('publish');
    expect(loadConfig({ NODE_ENV: 'test' }).uncheckedText).toBe('hold');
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: SECRET }).uncheckedText).toBe('hold');
    fs.rmSync(dir, { recursive: true });
  });
});
