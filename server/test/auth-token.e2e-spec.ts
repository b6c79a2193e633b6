import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { startSeededApp } from './support/test-app.js';

const T0 = new Date('2026-11-23T02:00:00.000Z');

/** An HS256 JWT made by hand, so the test does not trust the library it checks. */
function signHs256(payload: object, secret: string, header: object = { alg: 'HS256', typ: 'JWT' }): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const body = `${part(header)}.${part(payload)}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

const seconds = (d: Date) => Math.floor(d.getTime() / 1000);

/**
 * Login tokens last JWT_TTL_SECONDS (here one hour) by the server's one clock: an expired
 * token is 401 TOKEN_EXPIRED (the app logs in again), anything else that is not a token
 * we signed is 401 UNAUTHENTICATED.
 */
describe('login tokens', () => {
  let ctx: Awaited<ReturnType<typeof startSeededApp>>;
  let userId: number;
  beforeAll(async () => {
    ctx = await startSeededApp('sqlite', { JWT_TTL_SECONDS: '3600' });
    userId = ctx.api.userId('王秀英');
  });
  afterAll(async () => {
    await ctx?.close();
  });
  beforeEach(() => ctx.clock.set(T0));

  const me = (token: string) => ctx.api.request('GET', '/me', { headers: { authorization: `Bearer ${token}` } });
  const login = async (): Promise<{ token: string; expiresAt: string }> => {
    const r = await ctx.api.request('POST', '/auth/dev-login', { body: { userId } });
    expect(r.status).toBe(200);
    return r.body;
  };
  const expectRefusal = (r: { status: number; body: any }, code: 'TOKEN_EXPIRED' | 'UNAUTHENTICATED') => {
    expect(r.status).toBe(401);
    expect(r.body).toMatchObject({ statusCode: 401, code, message: expect.any(String) });
  };

  it('accepts a token until its hour is over, then answers TOKEN_EXPIRED', async () => {
    const { token, expiresAt } = await login();
    expect(expiresAt).toBe('2026-11-23T03:00:00.000Z');
    expect((await me(token)).status).toBe(200);

    ctx.clock.set(new Date('2026-11-23T02:59:59.000Z'));
    expect((await me(token)).body.name).toBe('王秀英');

    ctx.clock.set(new Date('2026-11-23T03:00:00.000Z'));
    const expired = await me(token);
    expectRefusal(expired, 'TOKEN_EXPIRED');
    expect(expired.body.message).toBe('登录已过期，请重新登录');
    // Refreshing needs a token that is still valid.
    expectRefusal(await ctx.api.request('POST', '/auth/refresh', { headers: { authorization: `Bearer ${token}` } }), 'TOKEN_EXPIRED');
  });

  it('refreshes a valid token for a new hour counted from now', async () => {
    const { token } = await login();
    ctx.clock.set(new Date('2026-11-23T02:30:00.000Z'));
    const r = await ctx.api.request('POST', '/auth/refresh', { headers: { authorization: `Bearer ${token}` } });
    expect(r.status).toBe(200);
    expect(r.body.expiresAt).toBe('2026-11-23T03:30:00.000Z');
    ctx.clock.set(new Date('2026-11-23T03:15:00.000Z'));
    expectRefusal(await me(token), 'TOKEN_EXPIRED');
    expect((await me(r.body.token)).status).toBe(200);
  });

  it('answers TOKEN_EXPIRED for a token signed with the configured secret whose expiry has passed', async () => {
    const secret = ctx.config.jwtSecret;
    const { sid, gen } = JSON.parse(Buffer.from((await login()).token.split('.')[1], 'base64url').toString()) as { sid: string; gen: number };
    const valid = signHs256({ sub: userId, sid, gen, iat: seconds(T0) - 60, exp: seconds(T0) + 60 }, secret);
    expect((await me(valid)).status).toBe(200);
    const expired = signHs256({ sub: userId, sid, gen, iat: seconds(T0) - 3600, exp: seconds(T0) - 1 }, secret);
    expectRefusal(await me(expired), 'TOKEN_EXPIRED');
  });

  it('answers UNAUTHENTICATED for a token that is not ours, malformed, unsigned or for nobody', async () => {
    const claims = { sub: userId, iat: seconds(T0) - 60, exp: seconds(T0) + 60 };
    expectRefusal(await me(signHs256(claims, 'someone-elses-secret')), 'UNAUTHENTICATED');
    // A foreign token is refused for its signature even when it has also expired: the app must not try to refresh it.
    expectRefusal(await me(signHs256({ ...claims, exp: seconds(T0) - 1 }, 'someone-elses-secret')), 'UNAUTHENTICATED');
    expectRefusal(await me('not-a-token'), 'UNAUTHENTICATED');
    expectRefusal(await me('a.b.c'), 'UNAUTHENTICATED');
    expectRefusal(await me(signHs256(claims, '', { alg: 'none', typ: 'JWT' }).replace(/[^.]+$/, '')), 'UNAUTHENTICATED');
    expectRefusal(await me(signHs256({ ...claims, sub: 999_999 }, ctx.config.jwtSecret)), 'UNAUTHENTICATED');
    expectRefusal(await ctx.api.request('GET', '/me'), 'UNAUTHENTICATED');
    expectRefusal(await ctx.api.request('GET', '/me', { headers: { authorization: 'Basic d2FuZzp4' } }), 'UNAUTHENTICATED');
  });
});
