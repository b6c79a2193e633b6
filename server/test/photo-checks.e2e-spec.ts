import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { PRIVACY_POLICY_VERSION } from '@linli/shared';
import { HousekeepingService } from '../src/housekeeping/housekeeping.service.js';
import { seedDemoIfEmpty } from '../src/seed/demo-seed.js';
import { startFakeWechat, type FakeWechat } from './support/fake-wechat.js';
import { Api, createTestDatabase, startApp, type TestApp } from './support/test-app.js';
import { encryptedPush } from './support/wechat-push.js';

const PUSH_TOKEN = 'push-token-for-tests';
// 43 characters of base64: 32 bytes once '=' is appended.
const AES_KEY = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';

/**
 * Photo checks (mediaCheckAsync) against the fake WeChat: an upload asks WeChat with the uploader's
 * openid, and the verdict arrives as a safe-mode push built here the way WeChat builds it.
 */
// Both dialects: finding the reports that show a photo searches their JSON photo lists with LIKE.
describe.each(['mysql', 'sqlite'] as const)('photo checks: mediaCheckAsync and its pushes (%s)', (dialect) => {
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
  const upload = async (name: string) => {
    const f = new FormData();
    f.append('file', new Blob([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4])], { type: 'image/jpeg' }), 'a.jpg');
    const r = await api().request('POST', '/files', { raw: f, headers: { authorization: `Bearer ${tokens.get(name)}` } });
    expect(r.status).toBe(201);
    return r.body as { id: number; url: string };
  };
  const fileRow = async (id: number) => (await app.ds.query(`SELECT checkTraceId, checkStatus FROM files WHERE id = ${id}`))[0];
  const nowSeconds = () => Math.floor(app.clock.now().getTime() / 1000);
  let nonces = 0;
  const push = (message: object, over: { timestamp?: number; nonce?: string; appId?: string; token?: string } = {}) =>
    encryptedPush({ token: over.token ?? PUSH_TOKEN, aesKey: AES_KEY, appId: over.appId ?? 'wx-test-appid', message, timestamp: over.timestamp ?? nowSeconds(), nonce: over.nonce ?? `nonce-${++nonces}` });
  const send = (p: ReturnType<typeof push>) => api().request('POST', `/wechat/events?${p.query}`, { body: p.body });
  const verdict = (traceId: string, suggest: string) => ({ ToUserName: 'gh_test', FromUserName: 'o_system', CreateTime: nowSeconds(), MsgType: 'event', Event: 'wxa_media_check', appid: 'wx-test-appid', trace_id: traceId, version: 2, detail: [], errcode: 0, errmsg: 'ok', result: { suggest, label: suggest === 'pass' ? 100 : 20002 } });
  const notices = () => app.ds.query("SELECT userId, ticketId, audience FROM notifications WHERE type = 'photo_removed' ORDER BY userId");
  const userId = async (name: string) => (await app.ds.query(`SELECT id FROM users WHERE name = '${name}'`))[0].id as number;

  beforeAll(async () => {
    fake = await startFakeWechat();
    db = await createTestDatabase(dialect);
    const seeding = await startApp(db.env);
    await seedDemoIfEmpty(seeding.ds, seeding.clock.now());
    for (const [name, openid] of [['王秀英', 'o_wang'], ['李建国', 'o_li'], ['黄丽华', 'o_huang']]) await seeding.ds.query(`UPDATE users SET openid = '${openid}' WHERE name = '${name}'`);
    await seeding.close();
    app = await startApp({
      ...db.env,
      WECHAT_APPID: 'wx-test-appid',
      WECHAT_SECRET: 'test-secret',
      WECHAT_BASE_URL: fake.baseUrl,
      WECHAT_PUSH_TOKEN: PUSH_TOKEN,
      WECHAT_PUSH_AES_KEY: AES_KEY,
      PUBLIC_BASE_URL: 'https://linli.example.cn/',
      DELIVERY_INTERVAL_MS: '0',
    });
    for (const [name, code] of [['王秀英', 'wang'], ['李建国', 'li'], ['黄丽华', 'huang']]) await login(name, code);
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
    await fake?.close();
  });

  it('answers the console URL check with echostr when the signature is sha1 of the sorted token, timestamp and nonce', async () => {
    const signature = createHash('sha1').update(['1795466000', 'abc', PUSH_TOKEN].sort().join('')).digest('hex');
    const ok = await api().request('GET', `/wechat/events?signature=${signature}&timestamp=1795466000&nonce=abc&echostr=hello-wechat`);
    expect(ok).toEqual({ status: 200, body: 'hello-wechat' });
    const r = await api().request('GET', `/wechat/events?signature=${signature}&timestamp=1795466001&nonce=abc&echostr=hello-wechat`);
    expect(r.status).toBe(401);
    expect(r.body.code).toBe('WECHAT_PUSH_REFUSED');
  });

  it('asks WeChat to check an upload with the public URL and the uploader’s openid, and hides it once a push says risky', async () => {
    const photo = await upload('王秀英');
    const key = photo.url.split('/').at(-1)!;
    expect(fake.mediaChecks.at(-1)).toEqual({ media_url: `https://linli.example.cn/api/files/${key}`, media_type: 2, version: 2, scene: 3, openid: 'o_wang' });
    const traceId = `media-trace-${fake.mediaChecks.length}`;
    expect(await fileRow(photo.id)).toEqual({ checkTraceId: traceId, checkStatus: 'pending' });
    const ticket = await as('王秀英', 'POST', '/tickets', { categoryId: 1, description: '楼道堆放杂物', buildingId: 1, photoIds: [photo.id] });
    expect(ticket.status).toBe(201);
    expect(ticket.body.photoUrls).toEqual([photo.url]);
    expect((await api().request('GET', `/files/${key}`)).status).toBe(200);

    const r = await send(push(verdict(traceId, 'risky')));
    expect(r.status).toBe(200);
    expect(r.body).toBe('success');
    expect(await fileRow(photo.id)).toEqual({ checkTraceId: traceId, checkStatus: 'risky' });
    expect((await api().request('GET', `/files/${key}`)).status).toBe(404);
    const detail = await as('王秀英', 'GET', `/tickets/${ticket.body.id}`);
    expect(detail.body.photoUrls).toEqual([]);
    expect((await as('黄丽华', 'GET', `/tickets/${ticket.body.id}`)).body.photoUrls).toEqual([]);
    // The uploader (on the resident's page) and the committee of community 1 (黄丽华) are told.
    const wang = await userId('王秀英');
    const huang = await userId('黄丽华');
    expect(await notices()).toEqual(expect.arrayContaining([
      { userId: wang, ticketId: ticket.body.id, audience: 'resident' },
      { userId: huang, ticketId: ticket.body.id, audience: 'overseer' },
    ]));
  });

  it('keeps a photo WeChat passes visible', async () => {
    const photo = await upload('李建国');
    const traceId = `media-trace-${fake.mediaChecks.length}`;
    expect((await send(push(verdict(traceId, 'pass')))).status).toBe(200);
    expect(await fileRow(photo.id)).toEqual({ checkTraceId: traceId, checkStatus: 'pass' });
    expect((await api().request('GET', photo.url.replace('/api', ''))).status).toBe(200);
  });

  it('refuses a push with a forged signature, a wrong appid, a replayed nonce or a stale timestamp (401), changing nothing', async () => {
    const photo = await upload('李建国');
    const traceId = `media-trace-${fake.mediaChecks.length}`;
    const noticesBefore = (await notices()).length;
    const refused = async (p: ReturnType<typeof push>) => {
      const r = await send(p);
      expect(r.status).toBe(401);
      expect(r.body.code).toBe('WECHAT_PUSH_REFUSED');
      expect(await fileRow(photo.id)).toEqual({ checkTraceId: traceId, checkStatus: 'pending' });
    };
    await refused(push(verdict(traceId, 'risky'), { token: 'someone-else-token' }));
    const tampered = push(verdict(traceId, 'risky'));
    await refused({ ...tampered, query: tampered.query.replace(/msg_signature=[0-9a-f]{4}/, 'msg_signature=0000') });
    await refused(push(verdict(traceId, 'risky'), { appId: 'wx-another-app' }));
    await refused(push(verdict(traceId, 'risky'), { timestamp: nowSeconds() - 301 }));
    await refused(push(verdict(traceId, 'risky'), { timestamp: nowSeconds() + 301 }));

    // A push accepted once (a verdict on another photo) is refused when played again.
    const other = await upload('李建国');
    const otherTrace = `media-trace-${fake.mediaChecks.length}`;
    const once = push(verdict(otherTrace, 'pass'), { nonce: 'replayed-nonce' });
    expect((await send(once)).status).toBe(200);
    await app.ds.query(`UPDATE files SET checkStatus = 'pending' WHERE id = ${other.id}`);
    expect((await send(once)).status).toBe(401);
    expect(await fileRow(other.id)).toEqual({ checkTraceId: otherTrace, checkStatus: 'pending' });
    // The same nonce with a fresh signature is a replay too.
    await refused(push(verdict(traceId, 'risky'), { nonce: 'replayed-nonce' }));
    expect(await notices()).toHaveLength(noticesBefore);
  });

  it('leaves a photo unchecked (and visible) when its uploader has not opened the mini-program within two hours', async () => {
    app.clock.advanceMinutes(121);
    const asked = fake.mediaChecks.length;
    const photo = await upload('李建国');
    expect(fake.mediaChecks).toHaveLength(asked);
    expect(await fileRow(photo.id)).toEqual({ checkTraceId: null, checkStatus: 'unchecked' });
    expect((await api().request('GET', photo.url.replace('/api', ''))).status).toBe(200);
  });

  it('asks again about an unchecked photo in use once its uploader is back, and never about one nobody uses', async () => {
    // Still more than two hours since 李建国 was last seen: his photos stay unchecked.
    const used = await upload('李建国');
    const unused = await upload('李建国');
    expect((await as('李建国', 'POST', '/tickets', { categoryId: 1, description: '门口的井盖松动了', buildingId: 1, photoIds: [used.id] })).status).toBe(201);
    const asked = fake.mediaChecks.length;
    expect((await app.app.get(HousekeepingService).run()).photosRechecked).toBe(0);
    expect(fake.mediaChecks).toHaveLength(asked);

    await login('李建国', 'li'); // back in the mini-program
    const pass = await app.app.get(HousekeepingService).run();
    // The photo of the earlier test is unused too; only the one on the report is asked about.
    expect(pass.photosRechecked).toBe(1);
    expect(fake.mediaChecks).toHaveLength(asked + 1);
    expect(fake.mediaChecks.at(-1)).toMatchObject({ media_url: `https://linli.example.cn${used.url}`, openid: 'o_li' });
    expect(await fileRow(used.id)).toEqual({ checkTraceId: `media-trace-${asked + 1}`, checkStatus: 'pending' });
    expect(await fileRow(unused.id)).toEqual({ checkTraceId: null, checkStatus: 'unchecked' });
    expect((await app.app.get(HousekeepingService).run()).photosRechecked).toBe(0); // asked once
  });

  it('removes an avatar WeChat finds risky from the profile, and tells its owner', async () => {
    await login('王秀英', 'wang');
    const photo = await upload('王秀英');
    const traceId = `media-trace-${fake.mediaChecks.length}`;
    expect((await as('王秀英', 'PUT', '/me/profile', { avatarFileId: photo.id })).body.avatarUrl).toBe(photo.url);
    expect((await send(push(verdict(traceId, 'risky')))).status).toBe(200);
    expect((await as('王秀英', 'GET', '/me')).body.avatarUrl).toBeNull();
    const inbox = (await as('王秀英', 'GET', '/notifications')).body.items;
    expect(inbox[0]).toMatchObject({ title: '头像已移除', ticketId: null });
  });
});
