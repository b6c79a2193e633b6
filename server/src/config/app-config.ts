/**
 * The one place that reads configuration. Everything else receives an AppConfig.
 * Every variable is listed in .env.example and the README.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const serverRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  /** mysql://user:pass@host:3306/db — when absent, the embedded SQLite file is used. */
  databaseUrl: string | null;
  sqlitePath: string;
  jwtSecret: string;
  jwtTtlSeconds: number;
  wechat: { appId: string | null; secret: string | null; baseUrl: string };
  uploadDir: string;
  maxUploadBytes: number;
  h5Dir: string;
  /** Seed the demo district on start when the database has no users. */
  seedDemo: boolean;
  /** How often this process sweeps for due escalations and auto-closes; 0 turns it off. */
  sweepIntervalMs: number;
  rateLimits: { loginPerMinute: number; ticketsPerMinute: number };
  logLevel: string;
  /**
   * Test only: milliseconds added to the real time by the server's Clock, so a test can
   * run real server processes in a moved time. Refused unless NODE_ENV=test.
   */
  clockOffsetMs: number;
}

function int(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`Expected a non-negative integer, got "${value}"`);
  return n;
}

function signedInt(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new Error(`${name}: expected an integer, got "${value}"`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const nodeEnv = env.NODE_ENV === 'production' ? 'production' : env.NODE_ENV === 'test' ? 'test' : 'development';
  const jwtSecret = env.JWT_SECRET ?? (nodeEnv === 'production' ? '' : 'linli-dev-secret-change-me');
  if (!jwtSecret) throw new Error('JWT_SECRET must be set in production');
  const clockOffset = env.CLOCK_OFFSET_MS ?? '';
  // A server whose clock is not the real one would set wrong deadlines and escalate on a false time.
  if (clockOffset !== '' && nodeEnv !== 'test') throw new Error(`CLOCK_OFFSET_MS is a test-only setting and is refused with NODE_ENV=${nodeEnv}`);
  return {
    env: nodeEnv,
    port: int(env.PORT, 3000),
    databaseUrl: env.DATABASE_URL || null,
    sqlitePath: path.resolve(env.SQLITE_PATH || path.join(serverRoot, 'data', 'linli.sqlite')),
    jwtSecret,
    jwtTtlSeconds: int(env.JWT_TTL_SECONDS, 7 * 24 * 3600),
    wechat: {
      appId: env.WECHAT_APPID || null,
      secret: env.WECHAT_SECRET || null,
      baseUrl: (env.WECHAT_BASE_URL || 'https://api.weixin.qq.com').replace(/\/$/, ''),
    },
    uploadDir: path.resolve(env.UPLOAD_DIR || path.join(serverRoot, 'data', 'uploads')),
    maxUploadBytes: int(env.MAX_UPLOAD_BYTES, 5 * 1024 * 1024),
    h5Dir: path.resolve(env.H5_DIR || path.join(serverRoot, '..', 'miniapp', 'dist', 'h5')),
    seedDemo: env.SEED_DEMO !== 'false',
    sweepIntervalMs: int(env.SWEEP_INTERVAL_MS, 30_000),
    rateLimits: {
      loginPerMinute: int(env.RATE_LIMIT_LOGIN_PER_MINUTE, 20),
      ticketsPerMinute: int(env.RATE_LIMIT_TICKETS_PER_MINUTE, 10),
    },
    logLevel: env.LOG_LEVEL || (nodeEnv === 'test' ? 'silent' : 'info'),
    clockOffsetMs: clockOffset === '' ? 0 : signedInt(clockOffset, 'CLOCK_OFFSET_MS'),
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
