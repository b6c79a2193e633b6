import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import mysql from 'mysql2/promise';
import { DataSource } from 'typeorm';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createApp } from '../../src/app.factory.js';
import { loadConfig, type AppConfig } from '../../src/config/app-config.js';
import { FakeClock } from '../../src/common/clock.js';
import { seedDemoIfEmpty } from '../../src/seed/demo-seed.js';
import { checkAnswer } from './contract.js';
import { startFakeWechat } from './fake-wechat.js';

export type Dialect = 'mysql' | 'sqlite';
export const MYSQL_SERVER = process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';

/** A database of its own for one test file: created here, dropped by `drop`. */
export async function createTestDatabase(dialect: Dialect): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
  const name = `linli_test_${process.pid}_${randomBytes(3).toString('hex')}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-test-'));
  const uploads = { UPLOAD_DIR: path.join(dir, 'uploads') };
  if (dialect === 'sqlite') {
    return { env: { ...uploads, SQLITE_PATH: path.join(dir, 'linli.sqlite') }, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const conn = await mysql.createConnection(`${MYSQL_SERVER}/mysql`);
  await conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await conn.end();
  return {
    env: { ...uploads, DATABASE_URL: `${MYSQL_SERVER}/${name}` },
    drop: async () => {
      const c = await mysql.createConnection(`${MYSQL_SERVER}/mysql`);
      await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await c.end();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface TestApp {
  app: NestExpressApplication;
  url: string;
  clock: FakeClock;
  config: AppConfig;
  ds: DataSource;
  close: () => Promise<void>;
}

/** The real API over real HTTP on an ephemeral port, with a clock the test moves. */
export async function startApp(env: Record<string, string>, clock = new FakeClock()): Promise<TestApp> {
  const config = loadConfig({
    NODE_ENV: 'test',
    SWEEP_INTERVAL_MS: '0',
    // Suites without WeChat read the texts they write on the board; content security has its own test with a (fake) WeChat.
    // Production refuses to publish unchecked text, so a production app here holds it, as a real one would.
    UNCHECKED_TEXT: env.NODE_ENV === 'production' ? 'hold' : 'publish',
    RATE_LIMIT_TICKETS_PER_MINUTE: '1000',
    RATE_LIMIT_BOOKINGS_PER_MINUTE: '1000',
    RATE_LIMIT_LOGIN_PER_MINUTE: '1000',
    // Tokens expire by the same clock the tests move by weeks; token expiry has its own test (auth-token.e2e-spec.ts).
    JWT_TTL_SECONDS: String(365 * 86_400),
    H5_DIR: '/nonexistent',
    // Apps a test starts in production mode would log every request into the test output.
    LOG_LEVEL: 'silent',
    ...env,
  });
  const app = await createApp(config, { clock });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { app, url: `http://127.0.0.1:${port}/api`, clock, config, ds: app.get(DataSource), close: () => app.close() };
}

/** A database, the demo district seeded at the fake clock's time, and the API on it. */
export async function startSeededApp(dialect: Dialect, extraEnv: Record<string, string> = {}) {
  const db = await createTestDatabase(dialect);
  const t = await startApp({ ...db.env, ...extraEnv });
  await seedDemoIfEmpty(t.ds, t.clock.now());
  const api = new Api(t.url);
  await api.loadUsers();
  return {
    ...t,
    api,
    db,
    close: async () => {
      await t.close();
      await db.drop();
    },
  };
}

/** The seeded app with its WeChat calls going to a fake WeChat, keeping the demo's dev login (DEV_LOGIN=true). */
export async function startSeededAppWithWechat(dialect: Dialect) {
  const wechat = await startFakeWechat();
  const app = await startSeededApp(dialect, { WECHAT_APPID: 'wx-test-appid', WECHAT_SECRET: 'test-secret', WECHAT_BASE_URL: wechat.baseUrl, DEV_LOGIN: 'true' });
  return {
    ...app,
    wechat,
    close: async () => {
      await app.close();
      await wechat.close();
    },
  };
}

export interface Reply<T = any> {
  status: number;
  body: T;
}

/**
 * The tests' one HTTP client: logs in as demo users by name, and checks every answer against
 * docs/openapi.json (a status or body the document does not describe fails the test).
 */
export class Api {
  private users = new Map<string, number>();
  private tokens = new Map<string, string>();

  constructor(readonly url: string) {}

  async loadUsers(): Promise<void> {
    const r = await this.request('GET', '/auth/dev-users');
    for (const u of r.body) this.users.set(u.name, u.id);
  }

  userId(name: string): number {
    const id = this.users.get(name);
    if (!id) throw new Error(`no demo user ${name}`);
    return id;
  }

  async token(name: string): Promise<string> {
    if (!this.tokens.has(name)) {
      const r = await this.request('POST', '/auth/dev-login', { body: { userId: this.userId(name) } });
      if (r.status !== 200) throw new Error(`login ${name}: ${r.status} ${JSON.stringify(r.body)}`);
      this.tokens.set(name, r.body.token);
    }
    return this.tokens.get(name)!;
  }

  async as<T = any>(name: string | null, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply<T>> {
    return this.request(method, path, { body, headers: { ...(await this.auth(name)), ...headers } });
  }

  /** POST /files as a user: the form goes as multipart/form-data. */
  async upload(name: string | null, form: FormData): Promise<Reply> {
    return this.form(name, '/files', form);
  }

  /** A multipart POST to any path as a user (a file and its form fields). */
  async form(name: string | null, path: string, form: FormData): Promise<Reply> {
    return this.request('POST', path, { raw: form, headers: await this.auth(name) });
  }

  async request(method: string, path: string, opts: { body?: unknown; headers?: Record<string, string>; raw?: BodyInit } = {}): Promise<Reply> {
    const res = await fetch(this.url + path, {
      method,
      headers: { ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}), ...opts.headers },
      body: opts.raw ?? (opts.body !== undefined ? JSON.stringify(opts.body) : undefined),
    });
    const type = res.headers.get('content-type') ?? '';
    const bytes = Buffer.from(await res.arrayBuffer());
    const body = type.includes('json') ? JSON.parse(bytes.toString('utf8')) : type.startsWith('text/') ? bytes.toString('utf8') : bytes;
    checkAnswer(method, path, res.status, type, body);
    return { status: res.status, body };
  }

  private async auth(name: string | null): Promise<Record<string, string>> {
    return name ? { authorization: `Bearer ${await this.token(name)}` } : {};
  }
}
