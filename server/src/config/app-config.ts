/**
 * The one place that reads configuration. Everything else receives an AppConfig.
 * Every variable is listed in .env.example and the README.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSubscribeTemplates, type SubscribeTemplates } from '../notifications/subscribe-templates.js';

const serverRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  /** mysql://user:pass@host:3306/db — when absent, the embedded SQLite file is used. */
  databaseUrl: string | null;
  sqlitePath: string;
  jwtSecret: string;
  jwtTtlSeconds: number;
  wechat: {
    appId: string | null;
    secret: string | null;
    baseUrl: string;
    /** How long a call to WeChat may take before it is given up (a subscribe message then counts as `unknown`). */
    timeoutMs: number;
    /** Subscribe-message templates per notification kind (WECHAT_TEMPLATES; `*` for the rest). */
    templates: SubscribeTemplates;
    /** `formal` | `trial` | `developer`: which version of the mini-program a subscribe message opens. */
    miniprogramState: 'formal' | 'trial' | 'developer';
    /** 消息推送 (safe mode): the Token and the 43-character EncodingAESKey set in WeChat's console. */
    pushToken: string | null;
    pushAesKey: string | null;
  };
  /** Where the public reaches this API (https://host, no trailing slash): WeChat fetches photos to check from here. */
  publicBaseUrl: string | null;
  /**
   * DEV_LOGIN=true keeps the dev login (log in as any seeded user) even with a WeChat appid, so tests
   * and demos can mix dev users with a (fake) WeChat. Without a WeChat appid it is on anyway outside
   * production; production refuses to start with it.
   */
  devLogin: boolean;
  uploadDir: string;
  h5Dir: string;
  /** Seed the demo district on start when the database has no users. */
  seedDemo: boolean;
  /** How often this process sweeps for due escalations and auto-closes; 0 turns it off. */
  sweepIntervalMs: number;
  /**
   * How many due tickets one sweep transaction claims (and holds locked) at a time; a pass repeats
   * batches until nothing is due. Smaller batches hold locks for less time and spread a backlog over
   * every sweeping process.
   */
  sweepBatch: number;
  /**
   * Without a WeChat appid nothing can check what users write: `hold` keeps it off the public board until
   * a committee member releases it; `publish` (dev, demo and tests only) shows it unchecked.
   */
  uncheckedText: 'hold' | 'publish';
  /** How often this process sends the outbox as WeChat subscribe messages; 0 turns it off. */
  deliveryIntervalMs: number;
  rateLimits: { loginPerMinute: number; ticketsPerMinute: number; bookingsPerMinute: number; uploadsPerMinute: number; uploadsPerDay: number };
  /** Where login and report rate limits are counted so every process shares them; null: in each process. */
  redisUrl: string | null;
  /**
   * The reverse proxies whose X-Forwarded-For is believed (Express' `trust proxy`: addresses, CIDRs or
   * names such as `loopback`), comma-separated. Empty: the client address is the socket's, whatever a
   * header says, so a rotated header cannot dodge a rate limit.
   */
  trustProxy: string[];
  /** Swagger UI and the OpenAPI JSON at /api/docs: on outside production, off in it unless API_DOCS=true. */
  apiDocs: boolean;
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

/** Secrets published in this repository (.env.example, and an old built-in default): never accepted. */
export const PUBLISHED_SECRETS = ['replace-with-a-long-random-secret', 'change-me', 'linli-dev-secret-change-me'];
export const JWT_SECRET_MIN_LENGTH = 32;

/**
 * The token signing secret. Production and any deployment on MySQL (several processes must share it)
 * must set JWT_SECRET. The embedded default makes a random one on first start and keeps it beside its
 * SQLite file; tests get a random one per process.
 */
function jwtSecretOf(env: NodeJS.ProcessEnv, nodeEnv: AppConfig['env'], sqlitePath: string): string {
  const given = env.JWT_SECRET;
  if (given !== undefined && given !== '') {
    if (PUBLISHED_SECRETS.includes(given)) throw new Error('JWT_SECRET is a value published in the repository; set a long random secret of your own');
    if (given.length < JWT_SECRET_MIN_LENGTH) throw new Error(`JWT_SECRET must be at least ${JWT_SECRET_MIN_LENGTH} characters`);
    return given;
  }
  if (nodeEnv === 'production') throw new Error('JWT_SECRET must be set in production');
  if (nodeEnv === 'test') return randomBytes(32).toString('hex');
  if (env.DATABASE_URL) throw new Error('JWT_SECRET must be set when DATABASE_URL is set: every process must sign with the same secret');
  const file = path.join(path.dirname(sqlitePath), 'jwt-secret');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    try {
      fs.writeFileSync(file, randomBytes(48).toString('hex'), { mode: 0o600, flag: 'wx' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e; // another process made it first
    }
  }
  return fs.readFileSync(file, 'utf8').trim();
}

function pushAesKey(value: string | undefined): string | null {
  if (!value) return null;
  if (!/^[A-Za-z0-9+/]{43}$/.test(value)) throw new Error('WECHAT_PUSH_AES_KEY must be the 43-character EncodingAESKey from WeChat\'s console');
  return value;
}

function miniprogramState(value: string | undefined): AppConfig['wechat']['miniprogramState'] {
  if (value === undefined || value === '') return 'formal';
  if (value === 'formal' || value === 'trial' || value === 'developer') return value;
  throw new Error(`WECHAT_MINIPROGRAM_STATE: expected formal, trial or developer, got "${value}"`);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const nodeEnv = env.NODE_ENV === 'production' ? 'production' : env.NODE_ENV === 'test' ? 'test' : 'development';
  const clockOffset = env.CLOCK_OFFSET_MS ?? '';
  // A server whose clock is not the real one would set wrong deadlines and escalate on a false time.
  if (clockOffset !== '' && nodeEnv !== 'test') throw new Error(`CLOCK_OFFSET_MS is a test-only setting and is refused with NODE_ENV=${nodeEnv}`);
  const devLogin = env.DEV_LOGIN === 'true';
  if (devLogin && nodeEnv === 'production') throw new Error('DEV_LOGIN lets anyone log in as any user and is refused with NODE_ENV=production');
  const sqlitePath = path.resolve(env.SQLITE_PATH || path.join(serverRoot, 'data', 'linli.sqlite'));
  const jwtSecret = jwtSecretOf(env, nodeEnv, sqlitePath);
  // The demo (`npm start`, development) has no WeChat to check with and no one to release held text: it shows it.
  const uncheckedText = env.UNCHECKED_TEXT || (nodeEnv === 'development' ? 'publish' : 'hold');
  if (uncheckedText !== 'hold' && uncheckedText !== 'publish') throw new Error(`UNCHECKED_TEXT: expected hold or publish, got "${uncheckedText}"`);
  // Published unchecked text is never acceptable where real people read it.
  if (uncheckedText === 'publish' && nodeEnv === 'production') throw new Error('UNCHECKED_TEXT=publish is refused with NODE_ENV=production');
  return {
    env: nodeEnv,
    port: int(env.PORT, 3000),
    databaseUrl: env.DATABASE_URL || null,
    sqlitePath,
    jwtSecret,
    jwtTtlSeconds: int(env.JWT_TTL_SECONDS, 7 * 24 * 3600),
    wechat: {
      appId: env.WECHAT_APPID || null,
      secret: env.WECHAT_SECRET || null,
      baseUrl: (env.WECHAT_BASE_URL || 'https://api.weixin.qq.com').replace(/\/$/, ''),
      timeoutMs: int(env.WECHAT_TIMEOUT_MS, 5000),
      templates: parseSubscribeTemplates(env.WECHAT_TEMPLATES),
      miniprogramState: miniprogramState(env.WECHAT_MINIPROGRAM_STATE),
      pushToken: env.WECHAT_PUSH_TOKEN || null,
      pushAesKey: pushAesKey(env.WECHAT_PUSH_AES_KEY),
    },
    publicBaseUrl: env.PUBLIC_BASE_URL ? env.PUBLIC_BASE_URL.replace(/\/$/, '') : null,
    devLogin,
    uploadDir: path.resolve(env.UPLOAD_DIR || path.join(serverRoot, 'data', 'uploads')),
    h5Dir: path.resolve(env.H5_DIR || path.join(serverRoot, '..', 'miniapp', 'dist', 'h5')),
    seedDemo: env.SEED_DEMO !== 'false',
    sweepIntervalMs: int(env.SWEEP_INTERVAL_MS, 30_000),
    sweepBatch: Math.max(1, int(env.SWEEP_BATCH, 200)),
    deliveryIntervalMs: int(env.DELIVERY_INTERVAL_MS, 5_000),
    uncheckedText,
    rateLimits: {
      loginPerMinute: int(env.RATE_LIMIT_LOGIN_PER_MINUTE, 20),
      ticketsPerMinute: int(env.RATE_LIMIT_TICKETS_PER_MINUTE, 10),
      bookingsPerMinute: int(env.RATE_LIMIT_BOOKINGS_PER_MINUTE, 20),
      uploadsPerMinute: int(env.RATE_LIMIT_UPLOADS_PER_MINUTE, 20),
      uploadsPerDay: int(env.UPLOADS_PER_DAY, 100),
    },
    redisUrl: env.REDIS_URL || null,
    trustProxy: (env.TRUST_PROXY ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    apiDocs: nodeEnv !== 'production' || env.API_DOCS === 'true',
    logLevel: env.LOG_LEVEL || (nodeEnv === 'test' ? 'silent' : 'info'),
    clockOffsetMs: clockOffset === '' ? 0 : signedInt(clockOffset, 'CLOCK_OFFSET_MS'),
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
