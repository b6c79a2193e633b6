import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PRIVACY_POLICY_VERSION } from '@linli/shared';
import { Api, createTestDatabase, startApp } from './support/test-app.js';
import { startFakeWechat } from './support/fake-wechat.js';
import { loadConfig } from '../src/config/app-config.js';

describe('WeChat login through a fake WeChat on 127.0.0.1', () => {
  let wechat: Awaited<ReturnType<typeof startFakeWechat>>;
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let app: Awaited<ReturnType<typeof startApp>>;
  let api: Api;

  beforeAll(async () => {
    wechat = await startFakeWechat();
    db = await createTestDatabase('mysql');
    app = await startApp({ ...db.env, WECHAT_APPID: 'wx-test-appid', WECHAT_SECRET: 'test-secret', WECHAT_BASE_URL: wechat.baseUrl, RATE_LIMIT_LOGIN_PER_MINUTE: '8' });
    api = new Api(app.url);
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
    await wechat?.close();
  });

  it('exchanges the wx.login code for a token and a new resident', async () => {
    const r = await api.request('POST', '/auth/wechat-login', { body: { code: 'code-aaa', consentVersion: PRIVACY_POLICY_VERSION } });
    expect(r.status).toBe(200);
    expect(r.body.user.roles).toEqual([expect.objectContaining({ role: 'resident' })]);
    expect(wechat.calls.some((c) => c.startsWith('/sns/jscode2session?') && c.includes('js_code=code-aaa'))).toBe(true);
    const me = await api.request('GET', '/me', { headers: { authorization: `Bearer ${r.body.token}` } });
    expect(me.body.id).toBe(r.body.user.id);
    const again = await api.request('POST', '/auth/wechat-login', { body: { code: 'code-aaa', consentVersion: PRIVACY_POLICY_VERSION } });
    expect(again.body.user.id).toBe(r.body.user.id); // the same openid is the same user
  });

  it('turns WeChat errors into clear answers', async () => {
    const cases: [string, number, string][] = [
      ['invalid', 400, 'WECHAT_CODE_INVALID'],
      ['limited', 429, 'WECHAT_RATE_LIMITED'],
      ['busy', 503, 'WECHAT_UNAVAILABLE'],
    ];
    for (const [code, status, errorCode] of cases) {
      const r = await api.request('POST', '/auth/wechat-login', { body: { code, consentVersion: PRIVACY_POLICY_VERSION } });
      expect({ code, status: r.status, errorCode: r.body.code }).toEqual({ code, status, errorCode });
    }
    expect((await api.request('POST', '/auth/wechat-login', { body: {} })).status).toBe(400);
  });

  it('hides the dev login once a WeChat appid is configured', async () => {
    expect((await api.request('GET', '/auth/dev-users')).status).toBe(404);
    expect((await api.request('POST', '/auth/dev-login', { body: { userId: 1 } })).status).toBe(404);
  });

  it('limits login attempts per client', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await api.request('POST', '/auth/wechat-login', { body: { code: `burst-${i}`, consentVersion: PRIVACY_POLICY_VERSION } })).status);
    expect(statuses).toContain(429);
  });

  it('answers 503 when WeChat cannot be reached', async () => {
    const down = await startApp({ ...db.env, WECHAT_APPID: 'wx-test-appid', WECHAT_SECRET: 'test-secret', WECHAT_BASE_URL: 'http://127.0.0.1:9' });
    try {
      const r = await new Api(down.url).request('POST', '/auth/wechat-login', { body: { code: 'abc', consentVersion: PRIVACY_POLICY_VERSION } });
      expect(r).toMatchObject({ status: 503, body: { code: 'WECHAT_UNAVAILABLE' } });
    } finally {
      await down.close();
    }
  });
});

describe('DEV_LOGIN', () => {
  it('keeps the dev login beside a (fake) WeChat appid when set to true', async () => {
    const db = await createTestDatabase('sqlite');
    const app = await startApp({ ...db.env, WECHAT_APPID: 'wx-test-appid', WECHAT_SECRET: 'test-secret', WECHAT_BASE_URL: 'http://127.0.0.1:9', DEV_LOGIN: 'true' });
    try {
      const api = new Api(app.url);
      expect((await api.request('GET', '/auth/dev-users')).status).toBe(200);
    } finally {
      await app.close();
      await db.drop();
    }
  });

  it('stops a production server from starting', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), DEV_LOGIN: 'true' })).toThrow(/DEV_LOGIN/);
  });
});

describe('dev login in production', () => {
  it('answers 404 even without a WeChat appid', async () => {
    const db = await createTestDatabase('sqlite');
    const app = await startApp({ ...db.env, NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) });
    try {
      const api = new Api(app.url);
      expect((await api.request('GET', '/auth/dev-users')).status).toBe(404);
      expect((await api.request('POST', '/auth/dev-login', { body: { userId: 1 } })).status).toBe(404);
    } finally {
      await app.close();
      await db.drop();
    }
  });
});
