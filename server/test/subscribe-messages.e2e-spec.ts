import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PRIVACY_POLICY_VERSION } from '@linli/shared';
import { FakeClock } from '../src/common/clock.js';
import { DeliveryService } from '../src/notifications/delivery.service.js';
import { seedDemoIfEmpty } from '../src/seed/demo-seed.js';
import { startFakeWechat, type FakeWechat } from './support/fake-wechat.js';
import { assertServerBuilt, startServerProcess } from './support/server-process.js';
import { Api, createTestDatabase, startApp, type Dialect, type TestApp } from './support/test-app.js';

const MINUTE = 60_000;

/** One generic 事项进度提醒 template for every kind, and a template of its own for new dispatches. */
const TEMPLATES = {
  '*': { id: 'TPL-PROGRESS', fields: { thing1: 'title', phrase2: 'status', time3: 'time', thing4: 'note', name5: 'handler' } },
  dispatched: { id: 'TPL-DISPATCH', fields: { thing1: 'title', thing2: 'note', thing3: 'place', time4: 'time' } },
  resolved: { id: 'TPL-RESOLVED', fields: { thing1: 'note', time2: 'time' } },
};

const wechatEnv = (fake: FakeWechat, extra: Record<string, string> = {}) => ({
  WECHAT_APPID: 'wx-test-appid',
  WECHAT_SECRET: 'test-secret',
  WECHAT_BASE_URL: fake.baseUrl,
  WECHAT_TEMPLATES: JSON.stringify(TEMPLATES),
  WECHAT_TIMEOUT_MS: '500',
  DELIVERY_INTERVAL_MS: '0',
  ...extra,
});

/**
 * The demo district twice over one database: `people` (no WeChat appid, so the dev login works) is where
 * the tests act as residents and staff; `sender` is a server configured with the fake WeChat, whose
 * delivery worker the tests run by hand (DELIVERY_INTERVAL_MS=0).
 */
async function setUp(dialect: Dialect) {
  const fake = await startFakeWechat();
  const db = await createTestDatabase(dialect);
  const clock = new FakeClock();
  const people = await startApp(db.env, clock);
  await seedDemoIfEmpty(people.ds, clock.now());
  const api = new Api(people.url);
  await api.loadUsers();
  const sender = await startApp({ ...db.env, ...wechatEnv(fake) }, clock);
  const setOpenid = (name: string, openid: string | null) => people.ds.query(`UPDATE users SET openid = ${openid === null ? 'NULL' : `'${openid}'`} WHERE name = '${name}'`);
  const rows = (ticketId: number) =>
    people.ds.query(`SELECT userId, type, audience, deliveryStatus, deliveryReason, deliveryAttempts FROM notifications WHERE ticketId = ${ticketId} ORDER BY id`) as Promise<
      { userId: number; type: string; audience: string; deliveryStatus: string; deliveryReason: string | null; deliveryAttempts: number }[]
    >;
  return {
    fake,
    clock,
    api,
    people,
    sender,
    setOpenid,
    rows,
    deliver: () => sender.app.get(DeliveryService).deliverDue(),
    close: async () => {
      await sender.close();
      await people.close();
      await db.drop();
      await fake.close();
    },
  };
}

for (const dialect of ['mysql', 'sqlite'] as const) {
  describe(`subscribe messages through a fake WeChat (${dialect})`, () => {
    let t: Awaited<ReturnType<typeof setUp>>;
    beforeAll(async () => {
      t = await setUp(dialect);
      // Nobody has an openid yet: whatever the seed left waiting is skipped, and WeChat hears nothing.
      await t.deliver();
      expect(t.fake.messages).toEqual([]);
    });
    afterAll(() => t?.close());

    it('sends a dispatch to the grid worker as a subscribe message that opens the worker page', async () => {
      await t.setOpenid('赵敏', 'o_zhaomin');
      const r = await t.api.as('王秀英', 'POST', '/tickets', { categoryId: 1, description: '楼道里堆满了旧家具和纸箱，影响大家通行，请尽快清理', buildingId: 1 });
      expect(r.status).toBe(201);
      expect(r.body.handler.name).toBe('赵敏');
      const outcome = await t.deliver();
      expect(outcome).toMatchObject({ sent: 1, unknown: 0, failed: 0 });
      // By hand: reported at 02:00 UTC = 10:00 in Beijing; the note is cut to 19 characters and "…".
      expect(t.fake.messages).toEqual([
        {
          touser: 'o_zhaomin',
          template_id: 'TPL-DISPATCH',
          page: `worker/ticket/index?id=${r.body.id}`,
          data: {
            thing1: { value: '新派单：环境卫生' },
            thing2: { value: '楼道里堆满了旧家具和纸箱，影响大家通行…' },
            thing3: { value: '青和居第一网格' },
            time4: { value: '2026年11月23日 10:00' },
          },
          miniprogram_state: 'formal',
          lang: 'zh_CN',
        },
      ]);
      expect(await t.rows(r.body.id)).toEqual([{ userId: t.api.userId('赵敏'), type: 'dispatched', audience: 'handler', deliveryStatus: 'sent', deliveryReason: null, deliveryAttempts: 1 }]);
      // Delivery leaves the inbox alone: the notice is still there, unread.
      const inbox = await t.api.as('赵敏', 'GET', '/notifications?unread=true');
      expect(inbox.body.items[0]).toMatchObject({ type: 'dispatched', ticketId: r.body.id, readAt: null });
      // A second pass sends nothing again.
      await t.deliver();
      expect(t.fake.messages).toHaveLength(1);
    });

    it('records 43101 (no subscription left) as skipped and does not try again', async () => {
      t.fake.messages.length = 0;
      await t.setOpenid('王秀英', 'o_43101_wang');
      const r = await t.api.as('王秀英', 'POST', '/tickets', { categoryId: 1, description: '小区门口的垃圾桶满了', buildingId: 1 });
      await t.deliver(); // the dispatch to 赵敏
      expect((await t.api.as('赵敏', 'POST', `/tickets/${r.body.id}/accept`)).status).toBe(200);
      await t.deliver();
      const toWang = t.fake.messages.filter((m) => m.touser === 'o_43101_wang');
      expect(toWang).toHaveLength(1);
      expect(toWang[0]).toMatchObject({ template_id: 'TPL-PROGRESS', page: `pages/ticket/index?id=${r.body.id}` });
      // The resident reads the handler's name on their own ticket; the status is the kind's label.
      expect(toWang[0].data).toEqual({
        thing1: { value: '您的报事已受理' },
        phrase2: { value: '已受理' },
        time3: { value: '2026年11月23日 10:00' },
        thing4: { value: '工作人员已接单，正在处理' },
        name5: { value: '赵敏' },
      });
      expect((await t.rows(r.body.id)).find((x) => x.type === 'accepted')).toMatchObject({ deliveryStatus: 'skipped', deliveryReason: '43101' });
      t.clock.advanceMinutes(60);
      await t.deliver();
      expect(t.fake.messages.filter((m) => m.touser === 'o_43101_wang')).toHaveLength(1);
    });

    it('records 47003 as skipped with the field WeChat refused', async () => {
      await t.setOpenid('孙浩', 'o_47003_sun');
      const r = await t.api.as('李建国', 'POST', '/tickets', { categoryId: 1, description: '三栋楼下有人乱扔垃圾', buildingId: 3 });
      expect(r.body.handler.name).toBe('孙浩');
      await t.deliver();
      expect(await t.rows(r.body.id)).toEqual([expect.objectContaining({ deliveryStatus: 'skipped', deliveryReason: '47003 thing1' })]);
    });

    it('marks a send that timed out as unknown and never sends it again', async () => {
      await t.setOpenid('赵敏', 'o_slow_zhao');
      const before = t.fake.messages.length;
      const r = await t.api.as('王秀英', 'POST', '/tickets', { categoryId: 1, description: '楼顶水箱漏水', buildingId: 2 });
      const outcome = await t.deliver();
      expect(outcome).toMatchObject({ unknown: 1, sent: 0 });
      expect(await t.rows(r.body.id)).toEqual([expect.objectContaining({ deliveryStatus: 'unknown', deliveryReason: 'timeout', deliveryAttempts: 1 })]);
      t.clock.advanceMinutes(120);
      await t.deliver();
      expect(t.fake.messages.slice(before).filter((m) => m.touser === 'o_slow_zhao')).toHaveLength(1);
      await t.setOpenid('赵敏', 'o_zhaomin');
    });

    it('retries a busy answer after 30 s, 2, 8 and 32 minutes, then records it failed', async () => {
      await t.setOpenid('吴磊', 'o_busy_wu');
      const r = await t.api.as('王秀英', 'POST', '/tickets', { categoryId: 1, description: '五栋门禁坏了', buildingId: 5 });
      expect(r.body.handler.name).toBe('吴磊');
      const sends = () => t.fake.messages.filter((m) => m.touser === 'o_busy_wu').length;
      await t.deliver();
      expect([sends(), (await t.rows(r.body.id))[0]]).toEqual([1, expect.objectContaining({ deliveryStatus: 'pending', deliveryReason: '-1', deliveryAttempts: 1 })]);
      // Each wait, a second short: nothing; then the retry.
      for (const [waitSeconds, attempt] of [[30, 2], [120, 3], [480, 4], [1920, 5]] as const) {
        t.clock.set(new Date(t.clock.now().getTime() + (waitSeconds - 1) * 1000));
        await t.deliver();
        expect(sends()).toBe(attempt - 1);
        t.clock.set(new Date(t.clock.now().getTime() + 1000));
        await t.deliver();
        expect(sends()).toBe(attempt);
      }
      expect((await t.rows(r.body.id))[0]).toMatchObject({ deliveryStatus: 'failed', deliveryReason: '-1', deliveryAttempts: 5 });
      t.clock.advanceMinutes(24 * 60);
      await t.deliver();
      expect(sends()).toBe(5);
    });

    it('counts outcomes per kind for the committee of that community only', async () => {
      const stats = await t.api.as('黄丽华', 'GET', '/stats/notifications?communityId=1');
      expect(stats.status).toBe(200);
      // Counted by hand from the tests above: dispatches sent (赵敏 twice), skipped 47003 (孙浩), unknown (the timeout),
      // failed (吴磊's busy one); accepted: skipped 43101.
      const byKind = Object.fromEntries(stats.body.byKind.map((k: { kind: string }) => [k.kind, k]));
      expect(byKind.dispatched).toMatchObject({ label: '新派单', sent: 2, skipped: 1, unknown: 1, failed: 1, pending: 0, sending: 0 });
      expect(byKind.accepted).toMatchObject({ label: '已受理', skipped: 1, sent: 0 });
      expect(stats.body.total).toMatchObject({ sent: 2, skipped: 2, unknown: 1, failed: 1 });
      expect((await t.api.as('何志刚', 'GET', '/stats/notifications?communityId=1')).status).toBe(403);
      expect((await t.api.as('王秀英', 'GET', '/stats/notifications?communityId=1')).status).toBe(403);
      expect((await t.api.as('黄丽华', 'GET', '/stats/notifications?communityId=999')).status).toBe(404);
    });
  });
}

describe('template ids the app requests', () => {
  let fake: FakeWechat;
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let people: TestApp;
  let sender: TestApp;
  beforeAll(async () => {
    fake = await startFakeWechat();
    db = await createTestDatabase('sqlite');
    people = await startApp(db.env);
    await seedDemoIfEmpty(people.ds, people.clock.now());
    await people.close();
    sender = await startApp({ ...db.env, ...wechatEnv(fake) });
  });
  afterAll(async () => {
    await sender?.close();
    await db?.drop();
    await fake?.close();
  });

  it('answers from WECHAT_TEMPLATES: each template once, in the order of the kinds', async () => {
    // A token for a seeded user, through the only login a WeChat-configured server has.
    await sender.ds.query(`UPDATE users SET openid = 'o_wang' WHERE name = '王秀英'`);
    const login = await new Api(sender.url).request('POST', '/auth/wechat-login', { body: { code: 'wang', consentVersion: PRIVACY_POLICY_VERSION } });
    const auth = { authorization: `Bearer ${login.body.token}` };
    const api = new Api(sender.url);
    // A reporter hears of accepted (*), resolved (its own), rejected and merged (*).
    expect((await api.request('GET', '/notifications/subscriptions?for=report', { headers: auth })).body).toEqual({ templateIds: ['TPL-PROGRESS', 'TPL-RESOLVED'] });
    // A handler hears of new dispatches (its own), then the rest through *.
    expect((await api.request('GET', '/notifications/subscriptions?for=accept', { headers: auth })).body).toEqual({ templateIds: ['TPL-DISPATCH', 'TPL-PROGRESS'] });
    expect((await api.request('GET', '/notifications/subscriptions?for=rate', { headers: auth })).status).toBe(400);
    expect((await api.request('GET', '/notifications/subscriptions?for=report')).status).toBe(401);
  });
});

describe('subscribe messages from two workers on one MariaDB', () => {
  it('sends each of 60 rows exactly once, and both workers take a share', async () => {
    const t = await setUp('mysql');
    const second = await startApp({ ...(await dbEnvOf(t.people)), ...wechatEnv(t.fake) }, t.clock);
    try {
      await t.deliver();
      await t.setOpenid('赵敏', 'o_zhaomin');
      const zhao = t.api.userId('赵敏');
      const now = t.clock.now();
      for (let i = 0; i < 60; i++) {
        await t.people.ds.query(
          'INSERT INTO notifications (userId, type, title, body, ticketId, communityId, audience, createdAt, readAt, deliveryStatus, deliverAfter, deliveryAttempts) VALUES (?, ?, ?, ?, NULL, 1, NULL, ?, NULL, ?, ?, 0)',
          [zhao, 'queued', '待派单', `第${i}件`, now, 'pending', now],
        );
      }
      t.fake.sendDelayMs = 25;
      const [a, b] = await Promise.all([t.deliver(), second.app.get(DeliveryService).deliverDue()]);
      // A short batch ends a pass; under SKIP LOCKED a row the other worker was passing over may be left to the next tick.
      const rest = await t.deliver();
      expect(a.sent + b.sent + rest.sent).toBe(60);
      expect(a.sent).toBeGreaterThan(0);
      expect(b.sent).toBeGreaterThan(0);
      const notes = t.fake.messages.map((m) => m.data.thing4.value).sort();
      expect(notes).toEqual(Array.from({ length: 60 }, (_, i) => `第${i}件`).sort());
      const [{ n }] = await t.people.ds.query("SELECT COUNT(*) AS n FROM notifications WHERE body LIKE '第%件' AND deliveryStatus = 'sent'");
      expect(Number(n)).toBe(60);
    } finally {
      await second.close();
      await t.close();
    }
  });
});

/** The database settings of a running test app (a second server on the same database). */
async function dbEnvOf(app: TestApp): Promise<Record<string, string>> {
  return { DATABASE_URL: app.config.databaseUrl!, UPLOAD_DIR: app.config.uploadDir };
}

describe('a worker that dies between sending and writing the outcome', () => {
  it('leaves the row sending; after the claim timeout it becomes unknown and is never sent again', async () => {
    assertServerBuilt();
    const fake = await startFakeWechat();
    const db = await createTestDatabase('mysql');
    const prep = await startApp(db.env);
    await seedDemoIfEmpty(prep.ds, prep.clock.now());
    await prep.ds.query(`UPDATE users SET openid = 'o_hold_zhao' WHERE name = '赵敏'`);
    const [{ id: zhao }] = await prep.ds.query(`SELECT id FROM users WHERE name = '赵敏'`);
    await prep.close();
    // Rows a real server process would see due now (its clock is the real one).
    const now = new Date();
    const prepared = await startApp(db.env, new FakeClock(now));
    await prepared.ds.query(
      'INSERT INTO notifications (userId, type, title, body, ticketId, communityId, audience, createdAt, readAt, deliveryStatus, deliverAfter, deliveryAttempts) VALUES (?, ?, ?, ?, NULL, 1, NULL, ?, NULL, ?, ?, 0)',
      [zhao, 'queued', '待派单', '有一件报事需要人工派单', now, 'pending', now],
    );
    const [{ id: rowId }] = await prepared.ds.query("SELECT MAX(id) AS id FROM notifications WHERE body = '有一件报事需要人工派单'");
    await prepared.close();

    const server = await startServerProcess({ NODE_ENV: 'test', LOG_LEVEL: 'info', SEED_DEMO: 'false', SWEEP_INTERVAL_MS: '0', ...db.env, ...wechatEnv(fake, { DELIVERY_INTERVAL_MS: '100', WECHAT_TIMEOUT_MS: '60000' }) });
    const recovery = await startApp({ ...db.env, ...wechatEnv(fake) }, new FakeClock(new Date(now.getTime() + 30 * MINUTE)));
    try {
      const deadline = Date.now() + 20_000;
      while (fake.heldCount() === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(fake.heldCount()).toBe(1);
      // The process dies while WeChat has the message and has not answered.
      server.child.kill('SIGKILL');
      await new Promise((r) => server.child.once('exit', r));
      fake.releaseHeld();
      const [row] = await recovery.ds.query(`SELECT deliveryStatus, deliveryClaimedAt FROM notifications WHERE id = ${rowId}`);
      expect(row.deliveryStatus).toBe('sending');
      // Thirty minutes on, another process finds the dead claim: unknown, and WeChat gets nothing more.
      const outcome = await recovery.app.get(DeliveryService).deliverDue();
      expect(outcome.abandoned).toBe(1);
      const [after] = await recovery.ds.query(`SELECT deliveryStatus, deliveryReason FROM notifications WHERE id = ${rowId}`);
      expect(after).toEqual({ deliveryStatus: 'unknown', deliveryReason: 'claim_expired' });
      await recovery.app.get(DeliveryService).deliverDue();
      expect(fake.messages.filter((m) => m.touser === 'o_hold_zhao')).toHaveLength(1);
    } finally {
      await server.stop();
      await recovery.close();
      await db.drop();
      await fake.close();
    }
  });
});
