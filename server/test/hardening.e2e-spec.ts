import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { HousekeepingService } from '../src/housekeeping/housekeeping.service.js';
import { createTestDatabase, startApp, startSeededApp, type Dialect } from './support/test-app.js';
import { PNG } from './support/ticket-loop.suite.js';

/** Findings of the outside probe that are not about whose data is whose (docs/security.md). */
describe('requests an attacker shapes', () => {
  let ctx: Awaited<ReturnType<typeof startSeededApp>>;
  beforeAll(async () => {
    ctx = await startSeededApp('sqlite', { RATE_LIMIT_LOGIN_PER_MINUTE: '3' });
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it('a rotated X-Forwarded-For does not dodge the login limit when no proxy is trusted', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await ctx.api.request('POST', '/auth/dev-login', { body: { userId: 1 }, headers: { 'x-forwarded-for': `203.0.113.${i}` } });
      statuses.push(r.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    ctx.clock.advanceMinutes(1); // the next tests log in from the same address
  });

  it('refuses deeply nested JSON before validating it: 400 JSON_TOO_DEEP, even without login', async () => {
    const deep = '{"code":' + '['.repeat(5000) + ']'.repeat(5000) + '}';
    const r = await ctx.api.request('POST', '/auth/wechat-login', { raw: deep, headers: { 'content-type': 'application/json' } });
    expect(r).toMatchObject({ status: 400, body: { code: 'JSON_TOO_DEEP' } });
    // Brackets inside strings are text, not nesting.
    const text = await ctx.api.as('王秀英', 'POST', '/tickets', { categoryId: 1, description: '门口积水' + '['.repeat(40), buildingId: 1 });
    expect(text.status).toBe(201);
  });

  it('a huge page is a 400, not a database error, on the public board too', async () => {
    expect(await ctx.api.request('GET', '/public/tickets?communityId=1&page=99999999999')).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    expect((await ctx.api.request('GET', '/public/tickets?communityId=1&page=1000')).status).toBe(200);
  });

  it('accepts only real calendar dates: week dates and 30 February are 400', async () => {
    for (const bad of ['2026-W05', '2026-02-30', '2026-11-23T24:00:00Z', 'yesterday']) {
      const r = await ctx.api.as('黄丽华', 'GET', `/tickets?scope=community&from=${bad}`);
      expect({ bad, status: r.status }).toEqual({ bad, status: 400 });
    }
    expect((await ctx.api.as('黄丽华', 'GET', '/tickets?scope=community&from=2026-02-28&to=2026-11-23T08:00:00%2B08:00')).status).toBe(200);
  });

  it('health says up, and nothing about what runs behind it', async () => {
    expect(await ctx.api.request('GET', '/health')).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect(JSON.stringify((await ctx.api.request('GET', '/health')).body)).not.toMatch(/sqlite|mysql|mariadb/i);
  });
});

describe('in production', () => {
  it('serves no API docs unless asked to', async () => {
    const db = await createTestDatabase('sqlite');
    const secret = { JWT_SECRET: 'x'.repeat(40) };
    const prod = await startApp({ ...db.env, ...secret, NODE_ENV: 'production' });
    const withDocs = await startApp({ ...db.env, ...secret, NODE_ENV: 'production', API_DOCS: 'true' });
    try {
      expect((await fetch(`${prod.url}/docs`)).status).toBe(404);
      expect((await fetch(`${prod.url}/docs/openapi.json`)).status).toBe(404);
      expect((await fetch(`${prod.url}/auth/dev-users`)).status).toBe(404);
      expect((await fetch(`${withDocs.url}/docs`)).status).toBe(200);
    } finally {
      await prod.close();
      await withDocs.close();
      await db.drop();
    }
  });
});

for (const dialect of ['mysql', 'sqlite'] as Dialect[]) {
  describe(`uploads on ${dialect}`, () => {
    let ctx: Awaited<ReturnType<typeof startSeededApp>>;
    beforeAll(async () => {
      ctx = await startSeededApp(dialect, { RATE_LIMIT_UPLOADS_PER_MINUTE: '4', UPLOADS_PER_DAY: '6' });
    });
    afterAll(async () => {
      await ctx?.close();
    });
    const upload = async (who: string) => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(PNG)], { type: 'image/png' }), 'p.png');
      const r = await fetch(`${ctx.url}/files`, { method: 'POST', headers: { authorization: `Bearer ${await ctx.api.token(who)}` }, body: form });
      return { status: r.status, body: (await r.json()) as { id: number; url: string; code?: string } };
    };

    it('a per-user rate and a daily quota, counted in the database', async () => {
      const first = [];
      for (let i = 0; i < 5; i++) first.push(await upload('王秀英'));
      expect(first.map((r) => r.status)).toEqual([201, 201, 201, 201, 429]);
      expect(first[4].body.code).toBe('RATE_LIMITED');
      expect((await upload('李建国')).status).toBe(201); // per user
      ctx.clock.advanceMinutes(2);
      expect((await upload('王秀英')).status).toBe(201);
      expect((await upload('王秀英')).status).toBe(201);
      ctx.clock.advanceMinutes(2);
      expect(await upload('王秀英')).toMatchObject({ status: 429, body: { code: 'UPLOAD_QUOTA_EXCEEDED' } }); // 6 today
      ctx.clock.advanceMinutes(24 * 60);
      expect((await upload('王秀英')).status).toBe(201);
    });

    it('photos nobody attached are removed after a day; attached ones stay', async () => {
      const used = await upload('李建国');
      const abandoned = await upload('李建国');
      const report = await ctx.api.as('李建国', 'POST', '/tickets', { categoryId: 1, description: '漏水', buildingId: 3, photoIds: [used.body.id] });
      expect(report.status).toBe(201);
      ctx.clock.advanceMinutes(25 * 60);
      await ctx.app.get(HousekeepingService).run();
      const base = ctx.url.replace('/api', '');
      expect((await fetch(base + used.body.url)).status).toBe(200);
      expect((await fetch(base + abandoned.body.url)).status).toBe(404);
      expect(fs.existsSync(path.join(ctx.config.uploadDir, abandoned.body.url.split('/').pop()!))).toBe(false);
    });
  });
}
