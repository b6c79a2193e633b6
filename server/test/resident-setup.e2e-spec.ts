import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startSeededApp } from './support/test-app.js';

/**
 * What happens around a report: places to pick, binding to a household, following and unfollowing,
 * staying logged in, the health check. 陈小明 is a resident whose binding to a home in 青和居2栋
 * waits for 黄丽华 (青和居社区's committee): until she approves, he has no community.
 */
describe('places, bindings, following and the session', () => {
  let ctx: Awaited<ReturnType<typeof startSeededApp>>;
  beforeAll(async () => {
    ctx = await startSeededApp('sqlite');
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it('answers the health check without a login', async () => {
    expect(await ctx.api.request('GET', '/health')).toMatchObject({ status: 200, body: { status: 'ok' } });
  });

  it('lists the categories with their deadlines', async () => {
    const r = await ctx.api.as('王秀英', 'GET', '/categories');
    expect(r.body.find((c: { name: string }) => c.name === '噪音扰民')).toMatchObject({ routing: 'grid_worker', acceptMinutes: 30, shortName: '噪音扰民' });
    // The choices read short words (at most 6 characters); the official name stays for the details.
    expect(r.body.find((c: { code: string }) => c.code === 'order_safety')).toMatchObject({ name: '城市秩序与安全', shortName: '秩序安全' });
    expect(r.body.find((c: { code: string }) => c.code === 'participation')).toMatchObject({ name: '居民交往及社区参与', shortName: '社区参与' });
    expect(r.body.filter((c: { shortName: string }) => [...c.shortName].length > 6)).toEqual([]);
  });

  it('walks from community to building to household', async () => {
    const communities = await ctx.api.as('陈小明', 'GET', '/places/communities');
    expect(communities.body.map((c: { name: string }) => c.name)).toEqual(['青和居社区', '钢花村社区']);
    const qhj = communities.body[0].id;
    const buildings = await ctx.api.as('陈小明', 'GET', `/places/buildings?communityId=${qhj}`);
    expect(buildings.body.map((b: { name: string }) => b.name)).toEqual(['青和居1栋', '青和居2栋', '青和居3栋', '青和居4栋', '青和居5栋', '青和居6栋']);
    const households = await ctx.api.as('陈小明', 'GET', `/places/households?buildingId=${buildings.body[0].id}`);
    expect(households.body.map((h: { label: string }) => h.label)).toEqual(['1单元101', '1单元201', '2单元301', '2单元502']);
    // The default is the caller's home community; 陈小明 has none until the committee approves his binding.
    expect((await ctx.api.as('王秀英', 'GET', '/places/buildings')).body).toHaveLength(6);
    expect((await ctx.api.as('陈小明', 'GET', '/places/buildings')).body.code).toBe('COMMUNITY_REQUIRED');
  });

  it('keeps one open binding request per resident; a rejected one makes room for the next', async () => {
    const pending = (await ctx.api.as('黄丽华', 'GET', '/bindings?status=pending')).body.find((b: { userName: string }) => b.userName === '陈小明');
    const again = await ctx.api.as('陈小明', 'POST', '/bindings', { householdId: pending.householdId });
    expect(again).toMatchObject({ status: 201, body: { id: pending.id, status: 'pending' } }); // asking twice is asking once
    expect((await ctx.api.as('陈小明', 'POST', '/bindings', { householdId: 1 })).body.code).toBe('BINDING_PENDING');
    expect((await ctx.api.as('陈小明', 'POST', '/bindings', { householdId: 999999 })).body.code).toBe('UNKNOWN_HOUSEHOLD');

    const rejected = await ctx.api.as('黄丽华', 'POST', `/bindings/${pending.id}/reject`, { reason: '查无此户' });
    expect(rejected).toMatchObject({ status: 200, body: { id: pending.id, status: 'rejected' } });
    expect((await ctx.api.as('黄丽华', 'POST', `/bindings/${pending.id}/approve`)).body.code).toBe('TICKET_INVALID_STATE');
    const next = await ctx.api.as('陈小明', 'POST', '/bindings', { householdId: 1 });
    expect(next).toMatchObject({ status: 201, body: { householdId: 1, status: 'pending' } });
    expect(next.body.id).not.toBe(pending.id);
  });

  it('unfollows: the count drops, and the follower no longer sees the matter', async () => {
    const t = (await ctx.api.as('王秀英', 'POST', '/tickets', { categoryId: 1, description: '路灯不亮', buildingId: 1 })).body;
    expect((await ctx.api.as('李建国', 'POST', `/tickets/${t.id}/follow`)).body).toMatchObject({ following: true, followerCount: 1 });
    expect(await ctx.api.as('李建国', 'DELETE', `/tickets/${t.id}/follow`)).toMatchObject({ status: 200, body: { following: false } });
    expect((await ctx.api.as('李建国', 'DELETE', `/tickets/${t.id}/follow`)).body).toEqual({ following: false });
    expect((await ctx.api.as('王秀英', 'GET', `/tickets/${t.id}`)).body.followerCount).toBe(0);
    expect((await ctx.api.as('李建国', 'GET', `/tickets/${t.id}`)).status).toBe(404);
  });

  it('swaps a valid token for a fresh one that works', async () => {
    const old = await ctx.api.token('王秀英');
    const r = await ctx.api.request('POST', '/auth/refresh', { headers: { authorization: `Bearer ${old}` } });
    expect(r.status).toBe(200);
    expect(r.body.user.name).toBe('王秀英');
    const me = await ctx.api.request('GET', '/me', { headers: { authorization: `Bearer ${r.body.token}` } });
    expect(me.body.name).toBe('王秀英');
    expect((await ctx.api.request('POST', '/auth/refresh')).body.code).toBe('UNAUTHENTICATED');
  });
});
