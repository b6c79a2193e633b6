import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startSeededApp, type Dialect } from './support/test-app.js';

/**
 * 派单 among several grid workers: the one with the fewest open matters
 * (submitted, dispatched, accepted), and on a tie the one with the lowest id.
 *
 * 青和居第二网格 (青和居3栋 and 4栋) has two workers, 孙浩 and 周婷; the seed creates
 * 孙浩 first, so his id is the lower. Of the seed's history each holds one open matter
 * (孙浩 one accepted, 周婷 one dispatched). 赵敏 is the only worker of the first grid.
 */
describe.each<Dialect>(['mysql', 'sqlite'])('least-loaded dispatch on %s', (dialect) => {
  let ctx: Awaited<ReturnType<typeof startSeededApp>>;
  beforeAll(async () => {
    ctx = await startSeededApp(dialect);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  const openCount = async (worker: string): Promise<number> => {
    const r = await ctx.api.as(worker, 'GET', '/tickets?scope=assigned&status=submitted,dispatched,accepted&pageSize=100');
    expect(r.status).toBe(200);
    return r.body.total;
  };
  const report = async (resident: string, buildingId: number): Promise<{ id: number; handler: { name: string } }> => {
    const r = await ctx.api.as(resident, 'POST', '/tickets', { categoryId: 1, description: '楼道垃圾没人清理', buildingId });
    expect(r.status).toBe(201);
    return r.body;
  };
  /** 李建国 lives in 青和居3栋, in the second grid. */
  const reportInSecondGrid = async (): Promise<string> => (await report('李建国', 3)).handler.name;

  it('sends a new matter to the worker with fewer open matters, and breaks a tie by the lower id', async () => {
    expect([await openCount('孙浩'), await openCount('周婷')]).toEqual([1, 1]);

    // The imbalance, by hand: three matters of the first grid, each moved by 赵敏 to 孙浩 → 孙浩 4, 周婷 1.
    const moved: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = await report('王秀英', 1);
      expect(t.handler.name).toBe('赵敏');
      const r = await ctx.api.as('赵敏', 'POST', `/tickets/${t.id}/transfer`, { toUserId: ctx.api.userId('孙浩'), reason: '第二网格的事' });
      expect(r.body).toMatchObject({ status: 'dispatched', handler: { name: '孙浩' } });
      moved.push(t.id);
    }
    expect([await openCount('孙浩'), await openCount('周婷')]).toEqual([4, 1]);

    expect(await reportInSecondGrid()).toBe('周婷'); // 4 : 1 → 周婷, now 2
    expect(await reportInSecondGrid()).toBe('周婷'); // 4 : 2 → 周婷, now 3
    expect(await reportInSecondGrid()).toBe('周婷'); // 4 : 3 → 周婷, now 4
    expect(await reportInSecondGrid()).toBe('孙浩'); // 4 : 4, a tie → 孙浩 (the lower id), now 5
    expect(await reportInSecondGrid()).toBe('周婷'); // 5 : 4 → 周婷, now 5
    expect([await openCount('孙浩'), await openCount('周婷')]).toEqual([5, 5]);

    // A resolved matter is no longer open: 孙浩 resolves two of the moved ones → 3 : 5.
    for (const id of moved.slice(0, 2)) {
      expect((await ctx.api.as('孙浩', 'POST', `/tickets/${id}/accept`)).status).toBe(200);
      expect((await ctx.api.as('孙浩', 'POST', `/tickets/${id}/resolve`, { note: '已清理' })).body.status).toBe('resolved');
    }
    expect(await reportInSecondGrid()).toBe('孙浩'); // 3 : 5 → 孙浩, now 4
    expect(await reportInSecondGrid()).toBe('孙浩'); // 4 : 5 → 孙浩, now 5
    expect(await reportInSecondGrid()).toBe('孙浩'); // 5 : 5, a tie → 孙浩, now 6
    expect([await openCount('孙浩'), await openCount('周婷')]).toEqual([6, 5]);
  });
});
