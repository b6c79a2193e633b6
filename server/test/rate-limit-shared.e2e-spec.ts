import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import { seedDemoIfEmpty } from '../src/seed/demo-seed.js';
import { assertServerBuilt, startServerProcess, type ServerProcess } from './support/server-process.js';
import { Api, createTestDatabase, startApp } from './support/test-app.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/0';

/**
 * Two real server processes (`node dist/main.js`) with REDIS_URL: the report limit (4 a minute per user)
 * is one budget for both, where per-process counters would allow 4 in each.
 */
describe('rate limits shared across processes through Redis', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let redis: Redis;
  const servers: ServerProcess[] = [];

  beforeAll(async () => {
    assertServerBuilt();
    redis = new Redis(REDIS_URL);
    // Counts a run of this test left in the current minute would be counted again.
    const old = await redis.keys('linli:rl:*');
    if (old.length) await redis.del(...old);
    db = await createTestDatabase('mysql');
    const prep = await startApp(db.env);
    await seedDemoIfEmpty(prep.ds, new Date());
    await prep.close();
    const env = {
      NODE_ENV: 'test',
      DATABASE_URL: db.env.DATABASE_URL,
      UPLOAD_DIR: db.env.UPLOAD_DIR,
      JWT_SECRET: 'rate-limit-test-secret-of-forty-characters',
      SEED_DEMO: 'false',
      SWEEP_INTERVAL_MS: '0',
      DELIVERY_INTERVAL_MS: '0',
      UNCHECKED_TEXT: 'publish',
      REDIS_URL,
      RATE_LIMIT_TICKETS_PER_MINUTE: '4',
    };
    servers.push(await startServerProcess(env), await startServerProcess(env));
  }, 120_000);

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await redis?.quit();
    await db?.drop();
  });

  it('counts one budget for both processes, and a resent report with its key is not counted twice', async () => {
    const [a, b] = servers.map((s) => new Api(s.url));
    await a.loadUsers();
    const token = await a.token('王秀英');
    // The windows are the clock's minutes: start with time to spare in this one.
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 45_000) await new Promise((r) => setTimeout(r, 60_500 - intoMinute));
    const report = (via: Api, key: string) =>
      via.request('POST', '/tickets', { body: { categoryId: 1, description: `共享限流测试 ${key}`, buildingId: 1 }, headers: { authorization: `Bearer ${token}`, 'Idempotency-Key': key } });

    const statuses = [];
    statuses.push((await report(a, 'shared-limit-1')).status);
    statuses.push((await report(b, 'shared-limit-2')).status);
    statuses.push((await report(a, 'shared-limit-3')).status);
    // The phone resends its third report through the other process: the same ticket, not counted again.
    const resent = await report(b, 'shared-limit-3');
    statuses.push(resent.status);
    statuses.push((await report(b, 'shared-limit-4')).status);
    const limited = await report(a, 'shared-limit-5');
    statuses.push(limited.status);
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
    expect(limited.body.code).toBe('RATE_LIMITED');
  });
});
