import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PRIVACY_POLICY_VERSION } from '@linli/shared';
import { loadConfig } from '../src/config/app-config.js';
import { seedDemoIfEmpty } from '../src/seed/demo-seed.js';
import { startFakeWechat, type FakeWechat } from './support/fake-wechat.js';
import { Api, createTestDatabase, startApp, type TestApp } from './support/test-app.js';

/**
 * Content security against the fake WeChat, whose msgSecCheck answers by the text: 违规 → risky,
 * 待审 → review, 故障 → busy (unavailable), else pass. Users log in through WeChat (the fake gives
 * openid o_<code>), which also records the visit msgSecCheck needs.
 */
describe('content security (msgSecCheck) through a fake WeChat', () => {
  let fake: FakeWechat;
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let app: TestApp;
  const api = () => new Api(app.url);
  const tokens = new Map<string, string>();
  const as = (name: string, method: string, path: string, body?: unknown) => api().request(method, path, { body, headers: { authorization: `Bearer ${tokens.get(name)}` } });
  const login = async (name: string, code: string) => {
    const r = await api().request('POST', '/auth/wechat-login', { body: { code, consentVersion: PRIVACY_POLICY_VERSION } });
    expect(r.status).toBe(200);
    tokens.set(name, r.body.token);
  };
  const holds = (ticketId: number) => app.ds.query(`SELECT field, reason, text, releasedAt FROM content_holds WHERE ticketId = ${ticketId}`);
  const board = async () => (await api().request('GET', '/public/tickets?communityId=1&pageSize=50')).body.items.map((t: { id: number }) => t.id);

  beforeAll(async () => {
    fake = await startFakeWechat();
    db = await createTestDatabase('mysql');
    const seeding = await startApp(db.env);
    await seedDemoIfEmpty(seeding.ds, seeding.clock.now());
    for (const [name, openid] of [['王秀英', 'o_wang'], ['李建国', 'o_li'], ['赵敏', 'o_zhao'], ['黄丽华', 'o_huang'], ['何志刚', 'o_he'], ['郭丽', 'o_guo'], ['罗老师', 'o_luo']]) {
      await seeding.ds.query(`UPDATE users SET openid = '${openid}' WHERE name = '${name}'`);
    }
    await seeding.close();
    app = await startApp({ ...db.env, WECHAT_APPID: 'wx-test-appid', WECHAT_SECRET: 'test-secret', WECHAT_BASE_URL: fake.baseUrl, DELIVERY_INTERVAL_MS: '0' });
    for (const [name, code] of [['王秀英', 'wang'], ['李建国', 'li'], ['赵敏', 'zhao'], ['黄丽华', 'huang'], ['何志刚', 'he'], ['郭丽', 'guo'], ['罗老师', 'luo']]) await login(name, code);
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
    await fake?.close();
  });

  const report = (description: string, who = '王秀英') => as(who, 'POST', '/tickets', { categoryId: 1, description, buildingId: 1 });

  it('publishes a text WeChat passes, after checking it with the author’s openid as a forum post', async () => {
    const r = await report('楼道灯坏了很久没人修');
    expect(r.status).toBe(201);
    expect(fake.secChecks.at(-1)).toEqual({ version: 2, openid: 'o_wang', scene: 3, content: '楼道灯坏了很久没人修' });
    expect(await holds(r.body.id)).toEqual([]);
  });

  it('a token WeChat has renewed is refused once, fetched again and shared through the database, and the check goes through', async () => {
    const tokenFetches = () => fake.calls.filter((c) => c.startsWith('/cgi-bin/token')).length;
    expect((await report('小区门口的路灯不亮了')).status).toBe(201);
    const fetched = tokenFetches();
    fake.renewToken(); // another process (or WeChat itself) renewed it: the one this process keeps is refused with 40001
    const r = await report('小区门口的路灯还是不亮');
    expect(r.status).toBe(201);
    expect(tokenFetches()).toBe(fetched + 1);
    expect(fake.secChecks.at(-1)).toMatchObject({ content: '小区门口的路灯还是不亮' });
    expect(await holds(r.body.id)).toEqual([]); // checked and passed, not held as "WeChat unavailable"
    const [row] = await app.ds.query("SELECT accessToken FROM wechat_tokens WHERE appId = 'wx-test-appid'");
    expect(row.accessToken).toBe('fake-access-token-1'); // the renewed token is shared through the database
  });

  it('refuses a risky text with 422 CONTENT_RISKY naming the field, and stores nothing', async () => {
    const [{ n: before }] = await app.ds.query('SELECT COUNT(*) AS n FROM tickets');
    const r = await report('这里有违规内容的描述');
    expect(r.status).toBe(422);
    expect(r.body).toMatchObject({ code: 'CONTENT_RISKY', message: expect.stringContaining('问题描述') });
    const [{ n: after }] = await app.ds.query('SELECT COUNT(*) AS n FROM tickets');
    expect(Number(after)).toBe(Number(before));
  });

  it('stores a text WeChat wants reviewed, holds it off the board until the committee releases it', async () => {
    const r = await report('楼下这件事待审一下');
    expect(r.status).toBe(201);
    // The author reads their own words as written.
    expect(r.body.description).toBe('楼下这件事待审一下');
    expect(await holds(r.body.id)).toEqual([{ field: 'description', reason: 'review', text: '楼下这件事待审一下', releasedAt: null }]);
    expect((await as('赵敏', 'POST', `/tickets/${r.body.id}/accept`)).status).toBe(200);
    expect((await as('赵敏', 'POST', `/tickets/${r.body.id}/resolve`, { note: '已经处理完毕' })).status).toBe(200);
    expect((await as('王秀英', 'POST', `/tickets/${r.body.id}/rate`, { rating: 'satisfied' })).status).toBe(200);
    // Closed, but held: not on the public board.
    expect(await board()).not.toContain(r.body.id);
    const held = await as('黄丽华', 'GET', '/content-holds?communityId=1');
    expect(held.status).toBe(200);
    const item = held.body.items.find((h: { ticketId: number }) => h.ticketId === r.body.id);
    expect(item).toMatchObject({ field: 'description', reason: 'review', text: '楼下这件事待审一下', ticketCode: r.body.code, releasedAt: null });
    // Only the committee of that community may see or release it.
    expect((await as('何志刚', 'GET', '/content-holds?communityId=1')).status).toBe(403);
    expect((await as('王秀英', 'GET', '/content-holds?communityId=1')).status).toBe(403);
    expect((await as('何志刚', 'POST', `/content-holds/${item.id}/release`)).status).toBe(404);
    const released = await as('黄丽华', 'POST', `/content-holds/${item.id}/release`);
    expect(released.status).toBe(200);
    expect(released.body.releasedAt).not.toBeNull();
    expect(await board()).toContain(r.body.id);
    expect((await as('黄丽华', 'GET', '/content-holds?communityId=1')).body.items.map((h: { id: number }) => h.id)).not.toContain(item.id);
  });

  it('holds a text when WeChat is unavailable', async () => {
    const r = await report('系统故障时写的报事');
    expect(r.status).toBe(201);
    expect(await holds(r.body.id)).toEqual([expect.objectContaining({ field: 'description', reason: 'unavailable' })]);
  });

  it('holds a text of an author WeChat has not seen for two hours, without asking WeChat', async () => {
    app.clock.advanceMinutes(121);
    const checks = fake.secChecks.length;
    const r = await report('两个小时前登录过的居民写的');
    expect(r.status).toBe(201);
    expect(fake.secChecks).toHaveLength(checks);
    expect(await holds(r.body.id)).toEqual([expect.objectContaining({ reason: 'no_recent_visit' })]);
    await login('王秀英', 'wang');
    await login('赵敏', 'zhao');
  });

  it('checks staff’s words too: risky is refused, a doubt is published and only logged', async () => {
    const r = await report('垃圾桶满了需要清运');
    expect((await as('赵敏', 'POST', `/tickets/${r.body.id}/accept`)).status).toBe(200);
    const risky = await as('赵敏', 'POST', `/tickets/${r.body.id}/resolve`, { note: '违规的办结说明' });
    expect(risky).toMatchObject({ status: 422, body: { code: 'CONTENT_RISKY', message: expect.stringContaining('办结说明') } });
    const doubtful = await as('赵敏', 'POST', `/tickets/${r.body.id}/resolve`, { note: '待审的办结说明' });
    expect(doubtful.status).toBe(200);
    expect(fake.secChecks.at(-1)).toMatchObject({ openid: 'o_zhao', scene: 2 });
    expect(await holds(r.body.id)).toEqual([]);
  });

  it('checks a rating comment as a comment: risky refused, review held', async () => {
    const r = await report('小区路灯不亮');
    await as('赵敏', 'POST', `/tickets/${r.body.id}/accept`);
    await as('赵敏', 'POST', `/tickets/${r.body.id}/resolve`, { note: '已更换灯泡' });
    const risky = await as('王秀英', 'POST', `/tickets/${r.body.id}/rate`, { rating: 'satisfied', comment: '违规评价' });
    expect(risky).toMatchObject({ status: 422, body: { code: 'CONTENT_RISKY', message: expect.stringContaining('评价内容') } });
    const held = await as('王秀英', 'POST', `/tickets/${r.body.id}/rate`, { rating: 'satisfied', comment: '待审的评价' });
    expect(held.status).toBe(200);
    expect(fake.secChecks.at(-1)).toMatchObject({ scene: 2, content: '待审的评价' });
    expect(await holds(r.body.id)).toEqual([expect.objectContaining({ field: 'ratingComment', reason: 'review' })]);
    expect(await board()).not.toContain(r.body.id);
  });

  it('a booking\'s rating comment held for review is hidden from its provider until the committee releases it, then shown', async () => {
    // The demo seed: 郭丽 attended 罗老师's 广场舞培训 five days ago and has not rated it.
    const [{ id }] = await app.ds.query("SELECT b.id FROM bookings b JOIN users u ON u.id = b.userId JOIN service_items i ON i.id = b.serviceId WHERE u.name = '郭丽' AND i.name = '广场舞培训' AND b.status = 'attended' AND b.rating IS NULL");
    const rated = await as('郭丽', 'POST', `/bookings/${id}/rate`, { rating: 'satisfied', comment: '待审：老师讲得很细' });
    expect(rated.status).toBe(200);
    expect(rated.body.ratingComment).toBe('待审：老师讲得很细'); // its author reads it
    expect((await as('罗老师', 'GET', `/bookings/${id}`)).body).toMatchObject({ rating: 'satisfied', ratingComment: null });
    const held = (await as('何志刚', 'GET', '/content-holds?communityId=2')).body.items.find((h: { field: string; text: string }) => h.field === 'ratingComment' && h.text === '待审：老师讲得很细');
    expect(held).toMatchObject({ ticketId: null, releasedAt: null }); // held for review, or as WeChat has not seen her lately: held either way
    expect((await as('何志刚', 'POST', `/content-holds/${held.id}/release`)).status).toBe(200);
    expect((await as('罗老师', 'GET', `/bookings/${id}`)).body).toMatchObject({ rating: 'satisfied', ratingComment: '待审：老师讲得很细' });
    // Released twice is once; the comment stays shown.
    expect((await as('何志刚', 'POST', `/content-holds/${held.id}/release`)).status).toBe(200);
    const [row] = await app.ds.query(`SELECT ratingCommentHeld FROM bookings WHERE id = ${Number(id)}`);
    expect(Number(row.ratingCommentHeld)).toBe(0);
  });

  it('checks a nickname as a profile text, and takes only the user’s own photo as avatar', async () => {
    await login('李建国', 'li'); // seen again: the two hours above have passed for him
    const ok = await as('李建国', 'PUT', '/me/profile', { nickname: ' 老李 ' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ nickname: '老李', avatarUrl: null });
    expect(fake.secChecks.at(-1)).toEqual({ version: 2, openid: 'o_li', scene: 1, content: '老李' });
    const risky = await as('李建国', 'PUT', '/me/profile', { nickname: '违规昵称' });
    expect(risky).toMatchObject({ status: 422, body: { code: 'CONTENT_RISKY', message: expect.stringContaining('昵称') } });
    expect((await as('李建国', 'GET', '/me')).body.nickname).toBe('老李');
    // Held: stored (the owner sees it), listed for the committee of his community.
    const doubtful = await as('李建国', 'PUT', '/me/profile', { nickname: '待审昵称' });
    expect(doubtful.body.nickname).toBe('待审昵称');
    const held = (await as('黄丽华', 'GET', '/content-holds?communityId=1')).body.items;
    expect(held).toContainEqual(expect.objectContaining({ field: 'nickname', text: '待审昵称', reason: 'review', ticketId: null, ticketCode: null }));
    expect((await as('李建国', 'PUT', '/me/profile', { nickname: '' })).status).toBe(400);
    // The author's copy of their data lists what was held, and that nobody has released it yet.
    const mine = (await as('李建国', 'GET', '/me/export')).body.heldTexts;
    expect(mine).toContainEqual({ field: 'nickname', text: '待审昵称', reason: 'review', ticketId: null, createdAt: expect.any(String), releasedAt: null });

    const form = () => {
      const f = new FormData();
      f.append('file', new Blob([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0])], { type: 'image/png' }), 'a.png');
      return f;
    };
    const upload = await api().request('POST', '/files', { raw: form(), headers: { authorization: `Bearer ${tokens.get('李建国')}` } });
    expect(upload.status).toBe(201);
    const avatar = await as('李建国', 'PUT', '/me/profile', { avatarFileId: upload.body.id });
    expect(avatar.status).toBe(200);
    expect(avatar.body).toMatchObject({ avatarUrl: upload.body.url, nickname: '待审昵称' });
    // Someone else's photo is not an avatar of yours.
    expect((await as('王秀英', 'PUT', '/me/profile', { avatarFileId: upload.body.id })).body.code).toBe('UNKNOWN_PHOTO');

    // 注销: the held nickname goes with the account; the committee no longer reads it.
    expect((await as('李建国', 'DELETE', '/me')).status).toBe(200);
    const after = (await as('黄丽华', 'GET', '/content-holds?communityId=1')).body.items;
    expect(after.map((h: { text: string }) => h.text)).not.toContain('待审昵称');
  });
});

describe('content security without WeChat', () => {
  it('holds every resident text by default, and refuses UNCHECKED_TEXT=publish in production', async () => {
    const db = await createTestDatabase('sqlite');
    const app = await startApp({ ...db.env, UNCHECKED_TEXT: 'hold' });
    try {
      await seedDemoIfEmpty(app.ds, app.clock.now());
      const api = new Api(app.url);
      await api.loadUsers();
      const r = await api.as('王秀英', 'POST', '/tickets', { categoryId: 1, description: '没有微信时写的报事', buildingId: 1 });
      expect(r.status).toBe(201);
      expect(await app.ds.query(`SELECT field, reason FROM content_holds WHERE ticketId = ${r.body.id}`)).toEqual([{ field: 'description', reason: 'not_configured' }]);
    } finally {
      await app.close();
      await db.drop();
    }
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), UNCHECKED_TEXT: 'publish' })).toThrow(/refused/);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) }).uncheckedText).toBe('hold');
  });
});
