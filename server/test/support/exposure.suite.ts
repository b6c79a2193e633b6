import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { UploadedFile } from '@linli/shared';
import { startSeededApp, type Dialect } from './test-app.js';
import { PNG } from './ticket-loop.suite.js';

/**
 * What residents may read of each other's matters (issue: the outside probe), against a real database.
 * Demo district: 王秀英 (青和居1栋) and 李建国 (青和居3栋, about 440 m away) are approved residents of
 * 青和居社区; 张桂兰 of 钢花村社区; 陈小明's binding is still pending; 赵敏 is 青和居 grid 1's worker,
 * 马师傅 the property company's; 黄丽华 chairs 青和居.
 */
export function exposureSuite(dialect: Dialect): void {
  describe(`what residents read of each other's matters, on ${dialect}`, () => {
    let ctx: Awaited<ReturnType<typeof startSeededApp>>;
    beforeAll(async () => {
      ctx = await startSeededApp(dialect);
    });
    afterAll(async () => {
      await ctx?.close();
    });

    const PRIVATE = '楼下垃圾桶满了，请打13812345678找我，住1栋501';
    const report = async (who: string, body: Record<string, unknown> = {}) => {
      const r = await ctx.api.as(who, 'POST', '/tickets', { categoryId: 1, description: PRIVATE, buildingId: 1, lat: 30.6415, lng: 114.3825, ...body });
      expect(r.status).toBe(201);
      return r.body as { id: number };
    };

    it('附议 only on a neighbour’s matter: no household → 403, another community → 404 whatever the state', async () => {
      const open = await report('王秀英');
      const closed = await report('王秀英');
      await ctx.api.as('王秀英', 'POST', `/tickets/${closed.id}/cancel`);
      const noHome = await ctx.api.as('陈小明', 'POST', `/tickets/${open.id}/follow`);
      expect(noHome).toMatchObject({ status: 403, body: { code: 'HOUSEHOLD_REQUIRED' } });
      for (const id of [open.id, closed.id, 999999]) {
        const stranger = await ctx.api.as('张桂兰', 'POST', `/tickets/${id}/follow`);
        expect({ id, status: stranger.status, code: stranger.body.code }).toEqual({ id, status: 404, code: 'NOT_FOUND' });
      }
      expect((await ctx.api.as('李建国', 'POST', `/tickets/${closed.id}/follow`)).status).toBe(409);
    });

    it('a follower reads the public view: masked text, no reporter, place, photos or staff names', async () => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(PNG)], { type: 'image/png' }), 'p.png');
      const photo = (await ctx.api.upload('王秀英', form)).body as UploadedFile;
      const t = await report('王秀英', { photoIds: [photo.id] });
      await ctx.api.as('赵敏', 'POST', `/tickets/${t.id}/accept`);
      const followed = await ctx.api.as('李建国', 'POST', `/tickets/${t.id}/follow`);
      expect(followed.status).toBe(200);
      expect(followed.body).toMatchObject({
        description: '楼下垃圾桶满了，请打*********78找我，住1栋***',
        reporter: null,
        location: null,
        building: null,
        photoUrls: [],
        handler: null,
      });
      expect(JSON.stringify(followed.body)).not.toContain('赵敏');
      const list = await ctx.api.as('李建国', 'GET', '/tickets?scope=following');
      const item = list.body.items.find((i: { id: number }) => i.id === t.id);
      expect(item).toMatchObject({ description: '楼下垃圾桶满了，请打*********78找我，住1栋***', handler: null });
      // The reporter reads her own words as written; staff read everything as written.
      expect((await ctx.api.as('王秀英', 'GET', `/tickets/${t.id}`)).body.description).toBe(PRIVATE);
      expect((await ctx.api.as('赵敏', 'GET', `/tickets/${t.id}`)).body.description).toBe(PRIVATE);
    });

    it('staff notes on handing a matter around stay with staff; a rejection says why to the reporter, its label to followers', async () => {
      const t = await report('王秀英');
      await ctx.api.as('李建国', 'POST', `/tickets/${t.id}/follow`);
      await ctx.api.as('赵敏', 'POST', `/tickets/${t.id}/return`, { reason: '这户是孙浩的亲戚，让他回避' });
      const asReporter = await ctx.api.as('王秀英', 'GET', `/tickets/${t.id}`);
      const returned = asReporter.body.timeline.find((e: { type: string }) => e.type === 'returned');
      expect(returned.note).toBeNull();
      expect((await ctx.api.as('黄丽华', 'GET', `/tickets/${t.id}`)).body.timeline.find((e: { type: string }) => e.type === 'returned').note).toBe('这户是孙浩的亲戚，让他回避');
      await ctx.api.as('黄丽华', 'POST', `/tickets/${t.id}/reject`, { reason: 'outside_remit', note: '请拨打12345转城管，电话02712345678' });
      const rejectedFor = async (who: string) => (await ctx.api.as(who, 'GET', `/tickets/${t.id}`)).body.timeline.find((e: { type: string }) => e.type === 'rejected').note;
      expect(await rejectedFor('王秀英')).toBe('不属于社区受理范围：请拨打12345转城管，电话*********78');
      expect(await rejectedFor('李建国')).toBe('不属于社区受理范围');
    });

    it('the public board masks the handler’s note as well as the description', async () => {
      const t = await report('王秀英');
      await ctx.api.as('赵敏', 'POST', `/tickets/${t.id}/accept`);
      await ctx.api.as('赵敏', 'POST', `/tickets/${t.id}/resolve`, { note: '已清运，有事打我 139 7200 0001' });
      await ctx.api.as('王秀英', 'POST', `/tickets/${t.id}/rate`, { rating: 'satisfied' });
      const board = await ctx.api.request('GET', '/public/tickets?communityId=1&pageSize=50');
      const item = board.body.items.find((i: { id: number }) => i.id === t.id);
      expect(item).toMatchObject({ description: '楼下垃圾桶满了，请打*********78找我，住1栋***', resolutionNote: '已清运，有事打我 *** **** **01' });
      // The resolved notice tells the reporter the result through the same rule; the code stays readable.
      const inbox = await ctx.api.as('王秀英', 'GET', '/notifications?pageSize=100');
      const resolved = inbox.body.items.find((n: { type: string; ticketId: number }) => n.type === 'resolved' && n.ticketId === t.id);
      expect(resolved.body).toMatch(/^\d{8}-\d{6} 已清运，有事打我 \*\*\* \*\*\*\* \*\*01$/);
    });

    it('nearby offers only the caller’s own community, masked and at rounded distances', async () => {
      const t = await report('王秀英');
      const near = await ctx.api.as('李建国', 'GET', '/tickets/nearby?lat=30.6415&lng=114.3826&categoryId=1');
      const offered = near.body.find((n: { id: number }) => n.id === t.id);
      expect(offered.description).toBe('楼下垃圾桶满了，请打*********78找我，住1栋***');
      expect(offered.distanceMeters % 50).toBe(0);
      const stranger = await ctx.api.as('张桂兰', 'GET', '/tickets/nearby?lat=30.6415&lng=114.3826&categoryId=1');
      expect(stranger.body).toEqual([]);
    });

    it('a grid worker cannot accept a matter routed to the property company', async () => {
      const repair = await report('王秀英', { categoryId: 2, description: '楼道灯坏了三天' });
      const detail = await ctx.api.as('王秀英', 'GET', `/tickets/${repair.id}`);
      expect(detail.body.handler.name).toBe('马师傅');
      const r = await ctx.api.as('赵敏', 'POST', `/tickets/${repair.id}/accept`);
      expect(r.status).toBe(403);
      expect((await ctx.api.as('马师傅', 'POST', `/tickets/${repair.id}/accept`)).status).toBe(200);
    });

    it('a pending binding is no home: no building to report from, and another community’s building is refused', async () => {
      const pending = await ctx.api.as('陈小明', 'POST', '/tickets', { categoryId: 1, description: '门口积水很深', buildingId: 2 });
      expect(pending).toMatchObject({ status: 422, body: { code: 'BUILDING_OUTSIDE_COMMUNITY' } });
      const other = await ctx.api.as('张桂兰', 'POST', '/tickets', { categoryId: 1, description: '门口积水很深', buildingId: 1 });
      expect(other).toMatchObject({ status: 422, body: { code: 'BUILDING_OUTSIDE_COMMUNITY' } });
    });
  });
}
