import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startSeededApp, type Dialect } from './support/test-app.js';

/** Device sessions behind login tokens (docs/security.md): refresh rotates, another phone stays logged in. */
for (const dialect of ['mysql', 'sqlite'] as Dialect[]) {
  describe(`device sessions on ${dialect}`, () => {
    let ctx: Awaited<ReturnType<typeof startSeededApp>>;
    beforeAll(async () => {
      ctx = await startSeededApp(dialect);
    });
    afterAll(async () => {
      await ctx?.close();
    });

    const me = (token: string) => ctx.api.request('GET', '/me', { headers: { authorization: `Bearer ${token}` } });
    const refresh = (token: string) => ctx.api.request('POST', '/auth/refresh', { headers: { authorization: `Bearer ${token}` } });
    const login = async () => (await ctx.api.request('POST', '/auth/dev-login', { body: { userId: ctx.api.userId('王秀英') } })).body.token as string;
    const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as Record<string, unknown>;
    const sign = (payload: object) => {
      const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
      const body = `${part({ alg: 'HS256', typ: 'JWT' })}.${part(payload)}`;
      return `${body}.${createHmac('sha256', ctx.config.jwtSecret).update(body).digest('base64url')}`;
    };

    it('a refresh retires the old token after a minute’s grace; the other phone stays logged in', async () => {
      const phoneA = await login();
      const phoneB = await login();
      const refreshed = await refresh(phoneA);
      expect(refreshed.status).toBe(200);
      const a2 = refreshed.body.token as string;
      expect(claimsOf(a2)).toMatchObject({ sid: claimsOf(phoneA).sid, gen: 2 });
      expect((await me(phoneA)).status).toBe(200); // a request sent just before the refresh still lands
      ctx.clock.advanceMinutes(1.5);
      expect(await me(phoneA)).toMatchObject({ status: 401, body: { code: 'SESSION_ENDED' } });
      expect((await me(a2)).status).toBe(200);
      expect((await me(phoneB)).status).toBe(200);
      // The retired token cannot buy a new one either.
      expect(await refresh(phoneA)).toMatchObject({ status: 401, body: { code: 'SESSION_ENDED' } });
    });

    it('two refreshes of one token at once (a phone retrying) both get the next generation', async () => {
      const token = await login();
      const [x, y] = await Promise.all([refresh(token), refresh(token)]);
      expect([x.status, y.status]).toEqual([200, 200]);
      expect([claimsOf(x.body.token).gen, claimsOf(y.body.token).gen]).toEqual([2, 2]);
    });

    it('refuses a token without an expiry, and one whose subject is not a number (401, not 500)', async () => {
      const real = claimsOf(await login());
      const { exp: _exp, ...noExp } = real;
      expect(await me(sign(noExp))).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED' } });
      expect(await me(sign({ ...real, sub: 'admin' }))).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED' } });
      expect(await me(sign({ ...real, sub: { id: 1 } }))).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED' } });
    });
  });
}
