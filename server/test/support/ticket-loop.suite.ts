import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { localDate, type UploadedFile } from '@linli/shared';
import { Ticket } from '../../src/tickets/entities/ticket.entity.js';
import { TicketEvent } from '../../src/tickets/entities/ticket-event.entity.js';
import { EscalationService } from '../../src/escalation/escalation.service.js';
import { startSeededApp, type Dialect } from './test-app.js';

/** A tiny valid PNG (1×1). */
export const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');

/**
 * The 报事 loop end to end over HTTP, against a real database of the given dialect.
 * Demo district: 王秀英 lives in 青和居1栋 (grid 1, worker 赵敏); 李建国 in 青和居3栋
 * (grid 2, workers 孙浩 and 周婷); 黄丽华 chairs 青和居社区; 何志刚 钢花村社区.
 */
export function ticketLoopSuite(dialect: Dialect): void {
  describe(`ticket loop on ${dialect}`, () => {
    let ctx: Awaited<ReturnType<typeof startSeededApp>>;
    beforeAll(async () => {
      ctx = await startSeededApp(dialect);
    });
    afterAll(async () => {
      await ctx?.close();
    });

    const report = async (who = '王秀英', body: Record<string, unknown> = {}, headers: Record<string, string> = {}) => {
      const r = await ctx.api.as(who, 'POST', '/tickets', { categoryId: 1, description: '楼下垃圾桶满了', buildingId: 1, ...body }, headers);
      expect(r.status).toBe(201);
      return r.body;
    };
    const uploadPhoto = async (who: string) => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(PNG)], { type: 'image/png' }), 'photo.png');
      const r = await ctx.api.upload(who, form);
      expect(r.status).toBe(201);
      return r.body as UploadedFile;
    };
    const sweep = () => ctx.app.get(EscalationService).sweep();
    const inbox = async (who: string, type?: string) => {
      const r = await ctx.api.as(who, 'GET', '/notifications?pageSize=100');
      return (r.body.items as { type: string; ticketId: number }[]).filter((n) => !type || n.type === type);
    };

    it('walks a matter from report to a satisfied rating, every step on the timeline', async () => {
      const photo = await uploadPhoto('王秀英');
      const t = await report('王秀英', { photoIds: [photo.id] });
      expect(t).toMatchObject({ status: 'dispatched', handler: { name: '赵敏' }, gridName: '青和居第一网格', allowedActions: ['cancel'] });
      expect(t.photoUrls).toEqual([photo.url]);
      const image = await ctx.api.request('GET', photo.url.replace(/^\/api/, ''));
      expect(image.status).toBe(200);
      expect(image.body).toEqual(PNG);
      expect((await inbox('赵敏', 'dispatched')).some((n) => n.ticketId === t.id)).toBe(true);

      const assigned = await ctx.api.as('赵敏', 'GET', '/tickets?scope=assigned');
      expect(assigned.body.items.map((i: { id: number }) => i.id)).toContain(t.id);

      const accepted = await ctx.api.as('赵敏', 'POST', `/tickets/${t.id}/accept`);
      expect(accepted.status).toBe(200);
      expect(accepted.body.allowedActions).toEqual(['resolve', 'return', 'transfer']);
      const after = await uploadPhoto('赵敏');
      const resolved = await ctx.api.as('赵敏', 'POST', `/tickets/${t.id}/resolve`, { note: '已清运并消毒', photoIds: [after.id] });
      expect(resolved.status).toBe(200);
      expect(resolved.body).toMatchObject({ status: 'resolved', resolutionNote: '已清运并消毒', resolutionPhotoUrls: [after.url] });

      const seen = await ctx.api.as('王秀英', 'GET', `/tickets/${t.id}`);
      expect(seen.body.timeline.map((e: { type: string }) => e.type)).toEqual(['submitted', 'dispatched', 'accepted', 'resolved']);
      expect(seen.body.timeline[2].actor.name).toBe('赵敏');
      expect(seen.body.allowedActions).toEqual(['rate']);
      expect((await inbox('王秀英', 'accepted')).some((n) => n.ticketId === t.id)).toBe(true);
      expect((await inbox('王秀英', 'resolved')).some((n) => n.ticketId === t.id)).toBe(true);

      const rated = await ctx.api.as('王秀英', 'POST', `/tickets/${t.id}/rate`, { rating: 'satisfied', comment: '很及时' });
      expect(rated.body).toMatchObject({ status: 'closed', rating: 'satisfied', ratingComment: '很及时' });
      const again = await ctx.api.as('王秀英', 'POST', `/tickets/${t.id}/rate`, { rating: 'unsatisfied' });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('TICKET_INVALID_STATE');

      const board = await ctx.api.request('GET', '/public/tickets?communityId=1&pageSize=50');
      const published = board.body.items.find((i: { id: number }) => i.id === t.id);
      expect(published).toMatchObject({ category: '环境卫生', resolutionNote: '已清运并消毒', rating: 'satisfied' });
      expect(JSON.stringify(published)).not.toContain('王秀英');
      // A full page counts the rest: one item a page, the total is every closed matter the whole board shows.
      const first = await ctx.api.request('GET', '/public/tickets?communityId=1&page=1&pageSize=1');
      expect(board.body.items.length).toBeGreaterThan(1);
      expect(first.body).toMatchObject({ total: board.body.items.length, page: 1, pageSize: 1 });
      expect(first.body.items).toHaveLength(1);
    });

    it('routes property matters to the property company, and community matters to the dispatch queue', async () => {
      const repair = await report('王秀英', { categoryId: 2, description: '楼道灯坏了' });
      expect(repair).toMatchObject({ status: 'dispatched', handler: { name: '马师傅' } });
      // A partner who hands it back sees the result, though it is no longer theirs to see afterwards.
      const back = await ctx.api.as('马师傅', 'POST', `/tickets/${repair.id}/return`, { reason: '不是物业范围' });
      expect(back).toMatchObject({ status: 200, body: { status: 'submitted', handler: null } });
      expect((await ctx.api.as('马师傅', 'GET', `/tickets/${repair.id}`)).status).toBe(404);
      const other = await report('王秀英', { categoryId: 14, description: '想咨询社区活动' });
      expect(other).toMatchObject({ status: 'submitted', handler: null });
      expect((await inbox('黄丽华', 'queued')).some((n) => n.ticketId === other.id)).toBe(true);
      const queue = await ctx.api.as('黄丽华', 'GET', '/tickets?scope=community&status=submitted');
      expect(queue.body.items.map((i: { id: number }) => i.id)).toContain(other.id);
    });

    it('finds the grid by point in polygon when no building is given', async () => {
      const t = await report('王秀英', { buildingId: undefined, lat: 30.642, lng: 114.386 });
      expect(t.gridName).toBe('青和居第二网格');
      // A point in no grid goes to the resident's own community's dispatch queue, for a person to judge.
      const outside = await ctx.api.as('王秀英', 'POST', '/tickets', { categoryId: 1, description: '远处路灯不亮', lat: 31.5, lng: 115.5 });
      expect(outside.body).toMatchObject({ status: 'submitted', gridId: null, communityId: 1 });
    });

    it('returns a matter to the queue, then the committee dispatches it by hand', async () => {
      const t = await report();
      const returned = await ctx.api.as('赵敏', 'POST', `/tickets/${t.id}/return`, { reason: '这是物业的事' });
      expect(returned.body).toMatchObject({ status: 'submitted', handler: null });
      expect((await inbox('黄丽华', 'returned')).some((n) => n.ticketId === t.id)).toBe(true);
      const again = await ctx.api.as('赵敏', 'POST', `/tickets/${t.id}/accept`);
      expect(again.status).toBe(409); // still in their grid, but a queued matter is dispatched before anyone accepts it
      const candidates = await ctx.api.as('黄丽华', 'GET', `/tickets/${t.id}/handlers`);
      expect(candidates.body.map((c: { name: string }) => c.name)).toEqual(expect.arrayContaining(['赵敏', '马师傅']));
      const dispatched = await ctx.api.as('黄丽华', 'POST', `/tickets/${t.id}/dispatch`, { toUserId: ctx.api.userId('马师傅') });
      expect(dispatched.body).toMatchObject({ status: 'dispatched', handler: { name: '马师傅' } });
      const wrong = await ctx.api.as('黄丽华', 'POST', `/tickets/${t.id}/dispatch`, { toUserId: ctx.api.userId('郑芳') });
      expect(wrong.status).toBe(409); // already dispatched
    });

    it('transfers to another handler of the community, never outside it', async () => {
      const t = await report();
      const outside = await ctx.api.as('赵敏', 'POST', `/tickets/${t.id}/transfer`, { toUserId: ctx.api.userId('郑芳'), reason: '不是我的' });
      expect(outside.status).toBe(422);
      expect(outside.body.code).toBe('INVALID_HANDLER');
      const moved = await ctx.api.as('赵敏', 'POST', `/tickets/${t.id}/transfer`, { toUserId: ctx.api.userId('吴磊'), reason: '在第三网格' });
      expect(moved.body).toMatchObject({ status: 'dispatched', handler: { name: '吴磊' } });
      expect(moved.body.timeline.at(-1)).toMatchObject({ type: 'transferred', note: '在第三网格' });
      expect((await inbox('吴磊', 'dispatched')).some((n) => n.ticketId === t.id)).toBe(true);
      expect((await ctx.api.as('赵敏', 'POST', `/tickets/${t.id}/resolve`, { note: '已处理' })).status).toBe(403); // no longer the handler
    });

    it('lets the committee reject with a reason, after which nothing else moves', async () => {
      const t = await report();
      const rejected = await ctx.api.as('黄丽华', 'POST', `/tickets/${t.id}/reject`, { reason: 'outside_remit', note: '请拨打12345' });
      expect(rejected.body).toMatchObject({ status: 'rejected', rejectReason: 'outside_remit' });
      expect((await ctx.api.as('王秀英', 'POST', `/tickets/${t.id}/cancel`)).status).toBe(409);
      expect((await ctx.api.as('赵敏', 'POST', `/tickets/${t.id}/accept`)).status).toBe(409);
    });

    it('lets the resident cancel before acceptance, not after', async () => {
      const a = await report();
      expect((await ctx.api.as('王秀英', 'POST', `/tickets/${a.id}/cancel`)).body.status).toBe('cancelled');
      const b = await report();
      await ctx.api.as('赵敏', 'POST', `/tickets/${b.id}/accept`);
      const late = await ctx.api.as('王秀英', 'POST', `/tickets/${b.id}/cancel`);
      expect(late.status).toBe(409);
      expect(late.body.code).toBe('TICKET_INVALID_STATE');
    });

    it('reopens an unsatisfied matter to the same handler, flagged 重办', async () => {
      const t = await report();
      await ctx.api.as('赵敏', 'POST', `/tickets/${t.id}/accept`);
      await ctx.api.as('赵敏', 'POST', `/tickets/${t.id}/resolve`, { note: '已处理' });
      const rated = await ctx.api.as('王秀英', 'POST', `/tickets/${t.id}/rate`, { rating: 'unsatisfied', comment: '还是很脏' });
      expect(rated.body).toMatchObject({ status: 'dispatched', reopenCount: 1, handler: { name: '赵敏' }, rating: 'unsatisfied' });
      expect(rated.body.timeline.slice(-2).map((e: { type: string }) => e.type)).toEqual(['rated', 'reopened']);
      expect((await inbox('赵敏', 'reopened')).some((n) => n.ticketId === t.id)).toBe(true);
      const assigned = await ctx.api.as('赵敏', 'GET', '/tickets?scope=assigned&pageSize=100');
      expect(assigned.body.items.find((i: { id: number }) => i.id === t.id)).toMatchObject({ reopenCount: 1 });
    });

    it('answers a retried submit with the first answer and creates nothing new', async () => {
      const key = `retry-${dialect}-0001`;
      const count = () => ctx.ds.getRepository(Ticket).count();
      const first = await report('王秀英', {}, { 'Idempotency-Key': key });
      const before = await count();
      const second = await report('王秀英', {}, { 'Idempotency-Key': key });
      expect(second.id).toBe(first.id);
      expect(await count()).toBe(before);
      const other = await ctx.api.as('王秀英', 'POST', '/tickets', { categoryId: 1, description: '另一件事', buildingId: 1 }, { 'Idempotency-Key': key });
      expect(other.status).toBe(422);
      expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
      // Five copies of one submit at once (a phone resending): one ticket.
      const burst = await Promise.all(
        Array.from({ length: 5 }, () => ctx.api.as('王秀英', 'POST', '/tickets', { categoryId: 1, description: '同时重发', buildingId: 1 }, { 'Idempotency-Key': `${key}-burst` })),
      );
      expect(burst.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
      expect(new Set(burst.map((r) => r.body.id)).size).toBe(1);
      expect(await count()).toBe(before + 1);
    });

    it('lets exactly one of two simultaneous accepts win', async () => {
      const t = await report('李建国', { buildingId: 3 });
      const colleague = t.handler.name === '孙浩' ? '周婷' : '孙浩';
      const race = await Promise.all([ctx.api.as(t.handler.name, 'POST', `/tickets/${t.id}/accept`), ctx.api.as(colleague, 'POST', `/tickets/${t.id}/accept`)]);
      expect(race.map((r) => r.status).sort()).toEqual([200, 409]);
      // One worker on two phones.
      const u = await report('李建国', { buildingId: 3 });
      const twice = await Promise.all([ctx.api.as(u.handler.name, 'POST', `/tickets/${u.id}/accept`), ctx.api.as(u.handler.name, 'POST', `/tickets/${u.id}/accept`)]);
      expect(twice.map((r) => r.status).sort()).toEqual([200, 409]);
      const events = await ctx.ds.getRepository(TicketEvent).countBy({ ticketId: u.id, type: 'accepted' });
      expect(events).toBe(1);
    });

    it('offers "me too" nearby, and merges a duplicate into the original', async () => {
      const original = await report('王秀英', { buildingId: undefined, lat: 30.6415, lng: 114.382, description: '路边井盖松动' });
      const near = await ctx.api.as('李建国', 'GET', '/tickets/nearby?lat=30.6416&lng=114.3821&categoryId=1');
      expect(near.body.map((n: { id: number }) => n.id)).toContain(original.id);
      const far = await ctx.api.as('李建国', 'GET', '/tickets/nearby?lat=30.66&lng=114.3821&categoryId=1');
      expect(far.body.map((n: { id: number }) => n.id)).not.toContain(original.id);
      const followed = await ctx.api.as('李建国', 'POST', `/tickets/${original.id}/follow`);
      expect(followed.body).toMatchObject({ following: true, followerCount: 1, reporter: null });
      expect((await ctx.api.as('李建国', 'POST', `/tickets/${original.id}/follow`)).body.followerCount).toBe(1);

      const dup = await report('张桂兰', { buildingId: undefined, lat: 30.6415, lng: 114.382, description: '井盖松动了' });
      const merged = await ctx.api.as('黄丽华', 'POST', `/tickets/${dup.id}/merge`, { intoTicketId: original.id });
      expect(merged.body).toMatchObject({ status: 'rejected', rejectReason: 'duplicate', duplicateOfId: original.id });
      const after = await ctx.api.as('王秀英', 'GET', `/tickets/${original.id}`);
      expect(after.body.followerCount).toBe(2);
      await ctx.api.as('赵敏', 'POST', `/tickets/${original.id}/accept`);
      expect((await inbox('张桂兰', 'accepted')).some((n) => n.ticketId === original.id)).toBe(true);
      expect((await inbox('李建国', 'accepted')).some((n) => n.ticketId === original.id)).toBe(true);
    });

    it('escalates a late matter grid → community → street → district, once per level', async () => {
      const t = await report('王秀英', { categoryId: 3, description: '深夜噪音' }); // 噪音扰民: 30 minutes to accept
      ctx.clock.advanceMinutes(29);
      await sweep();
      expect((await ctx.api.as('王秀英', 'GET', `/tickets/${t.id}`)).body.escalationLevel).toBe('grid');
      ctx.clock.advanceMinutes(2);
      await sweep();
      await sweep(); // a second pass at the same time does nothing more
      let seen = await ctx.api.as('黄丽华', 'GET', `/tickets/${t.id}`);
      expect(seen.body).toMatchObject({ escalationLevel: 'community', overdue: true });
      expect((await inbox('黄丽华', 'escalated')).some((n) => n.ticketId === t.id)).toBe(true);
      ctx.clock.advanceMinutes(61);
      await sweep();
      expect((await inbox('林国栋', 'escalated')).some((n) => n.ticketId === t.id)).toBe(true);
      ctx.clock.advanceMinutes(61);
      await sweep();
      ctx.clock.advanceMinutes(600);
      await sweep();
      seen = await ctx.api.as('高明', 'GET', `/tickets/${t.id}`);
      expect(seen.body.escalationLevel).toBe('district');
      expect(seen.body.timeline.filter((e: { type: string }) => e.type === 'escalated')).toHaveLength(3);
      expect((await inbox('高明', 'escalated')).some((n) => n.ticketId === t.id)).toBe(true);
    });

    it('closes a resolved matter nobody rated after 7 days as "not rated"', async () => {
      const t = await report();
      await ctx.api.as('赵敏', 'POST', `/tickets/${t.id}/accept`);
      await ctx.api.as('赵敏', 'POST', `/tickets/${t.id}/resolve`, { note: '已处理' });
      ctx.clock.advanceMinutes(7 * 24 * 60 - 1);
      await sweep();
      expect((await ctx.api.as('王秀英', 'GET', `/tickets/${t.id}`)).body.status).toBe('resolved');
      ctx.clock.advanceMinutes(2);
      await sweep();
      const closed = await ctx.api.as('王秀英', 'GET', `/tickets/${t.id}`);
      expect(closed.body).toMatchObject({ status: 'closed', rating: 'not_rated' });
      expect(closed.body.timeline.at(-1).type).toBe('auto_closed');
    });

    it('computes the four rates as docs/metrics.md defines them', async () => {
      // A window of its own in 钢花村社区 (张桂兰, grid 4, worker 郑芳).
      ctx.clock.advanceMinutes(60 * 24 * 30);
      const day = localDate(ctx.clock.now()); // all four are reported on this Beijing day, and nothing else in 钢花村 is
      const mk = () => report('张桂兰', { buildingId: 7 });
      const a = await mk(); // accepted in time, resolved in time, satisfied
      await ctx.api.as('郑芳', 'POST', `/tickets/${a.id}/accept`);
      await ctx.api.as('郑芳', 'POST', `/tickets/${a.id}/resolve`, { note: 'ok' });
      await ctx.api.as('张桂兰', 'POST', `/tickets/${a.id}/rate`, { rating: 'satisfied' });
      const b = await mk(); // accepted late, resolved late, unsatisfied (reopened)
      const c = await mk(); // never accepted
      const d = await mk(); // cancelled: outside every rate
      await ctx.api.as('张桂兰', 'POST', `/tickets/${d.id}/cancel`);
      ctx.clock.advanceMinutes(61);
      await ctx.api.as('郑芳', 'POST', `/tickets/${b.id}/accept`);
      ctx.clock.advanceMinutes(24 * 60);
      await ctx.api.as('郑芳', 'POST', `/tickets/${b.id}/resolve`, { note: 'late' });
      await ctx.api.as('张桂兰', 'POST', `/tickets/${b.id}/rate`, { rating: 'unsatisfied' });
      const stats = await ctx.api.as('何志刚', 'GET', `/stats/overview?communityId=2&from=${day}&to=${day}`);
      expect(stats.status).toBe(200);
      expect(stats.body).toMatchObject({
        total: 4,
        responseRate: 1 / 3, // a on time; b late; c overdue
        resolutionRate: 1 / 3, // a closed; b reopened; c open
        satisfactionRate: 1 / 2, // a satisfied, b unsatisfied
        onTimeRate: 1 / 2, // a in time; c past due; b reopened, its fresh deadline still running, is not yet due
      });
      expect(stats.body.byStatus).toMatchObject({ closed: 1, dispatched: 2, cancelled: 1 });
      expect(stats.body.byGrid[0]).toMatchObject({ name: '钢花村第一网格', count: 4 });
      const trend = await ctx.api.as('何志刚', 'GET', `/stats/trend?communityId=2&from=${day}&to=${day}&bucket=day`);
      expect(trend.body.points).toMatchObject([{ start: day, total: 4 }]);
      const weekly = await ctx.api.as('何志刚', 'GET', `/stats/trend?communityId=2&from=${day}&to=${day}&bucket=week`);
      expect(weekly.body.points).toMatchObject([{ total: 4 }]);
      expect(new Date(`${weekly.body.points[0].start}T00:00:00Z`).getUTCDay()).toBe(1); // weeks start on Monday
      expect(c.status).toBe('dispatched');
    });

    it('stores text without bidirectional overrides or zero-width characters', async () => {
      const r = await ctx.api.as('王秀英', 'POST', '/tickets', { categoryId: 1, description: '门口\u202E积水\u200B很深\u202C', buildingId: 1 });
      expect(r.status).toBe(201);
      expect(r.body.description).toBe('门口积水很深');
    });

    it('takes a photo without words, and four characters without a photo, in the words the form uses', async () => {
      const photo = await uploadPhoto('王秀英');
      const withPhoto = await ctx.api.as('王秀英', 'POST', '/tickets', { categoryId: 1, description: '', buildingId: 1, photoIds: [photo.id] });
      expect(withPhoto.status).toBe(201);
      expect(withPhoto.body.description).toBe('');
      const without = await ctx.api.as('王秀英', 'POST', '/tickets', { categoryId: 1, description: '漏水', buildingId: 1 });
      expect(without.status).toBe(400);
      expect(without.body).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('请用至少4个字描述问题，或拍张照片') });
    });

    it('refuses bad input with a 4xx and a stable code, never a 500', async () => {
      const cases: [Record<string, unknown>, number, string][] = [
        [{ categoryId: 1, description: 'x'.repeat(501), buildingId: 1 }, 400, 'VALIDATION_FAILED'],
        [{ categoryId: 1, description: '   ', buildingId: 1 }, 400, 'VALIDATION_FAILED'],
        [{ categoryId: 1, description: '灯坏了', buildingId: 1 }, 400, 'VALIDATION_FAILED'], // 3 characters and no photo
        [{ categoryId: 1, description: '\u200B\u200B\u200B\u200B\u200B', buildingId: 1 }, 400, 'VALIDATION_FAILED'], // only zero-width spaces
        [{ categoryId: true, description: '门口积水', buildingId: 1 }, 400, 'VALIDATION_FAILED'], // true is not category 1
        [{ categoryId: 999, description: '门口积水', buildingId: 1 }, 422, 'UNKNOWN_CATEGORY'],
        [{ categoryId: 1, description: '门口积水', buildingId: 99999 }, 422, 'UNKNOWN_BUILDING'],
        [{ categoryId: 1, description: '门口积水' }, 422, 'LOCATION_REQUIRED'],
        [{ categoryId: 1, description: '门口积水', buildingId: 1, photoIds: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] }, 400, 'VALIDATION_FAILED'],
        [{ categoryId: 1, description: '门口积水', buildingId: 1, photoIds: [987654] }, 422, 'UNKNOWN_PHOTO'],
        [{ categoryId: 1, description: '门口积水', buildingId: 1, lat: 200, lng: 0 }, 400, 'VALIDATION_FAILED'],
        [{ categoryId: 'one', description: '门口积水', buildingId: 1 }, 400, 'VALIDATION_FAILED'],
        [{ categoryId: 1, description: '门口积水', buildingId: 1, status: 'closed' }, 400, 'VALIDATION_FAILED'],
      ];
      for (const [body, status, code] of cases) {
        const r = await ctx.api.as('王秀英', 'POST', '/tickets', body);
        expect({ body, status: r.status, code: r.body.code }).toEqual({ body, status, code });
      }
      const malformed = await ctx.api.request('POST', '/tickets', { raw: '{"categoryId": 1,', headers: { 'content-type': 'application/json', authorization: `Bearer ${await ctx.api.token('王秀英')}` } });
      expect(malformed).toMatchObject({ status: 400, body: { code: 'INVALID_JSON' } });
      expect((await ctx.api.as('王秀英', 'GET', '/tickets/abc')).status).toBe(400);
      expect((await ctx.api.as('王秀英', 'GET', '/tickets/99999999')).body.code).toBe('NOT_FOUND');
      expect((await ctx.api.as('王秀英', 'GET', '/nope')).body.code).toBe('NOT_FOUND_ROUTE');
      expect((await ctx.api.as('王秀英', 'POST', '/tickets/1/rate', { rating: 'great' })).status).toBe(400);
      expect((await ctx.api.as('王秀英', 'GET', '/tickets?scope=everything')).status).toBe(400);
      const badKey = await ctx.api.as('王秀英', 'POST', '/tickets', { categoryId: 1, description: 'x', buildingId: 1 }, { 'Idempotency-Key': 'short' });
      expect(badKey.status).toBe(400);
    });

    it('refuses files that are not photos, and photos over 5 MB', async () => {
      const send = async (bytes: Buffer, name: string, type: string) => {
        const form = new FormData();
        form.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
        return ctx.api.upload('王秀英', form);
      };
      expect((await send(Buffer.from('%PDF-1.4 not an image'), 'x.png', 'image/png')).body.code).toBe('FILE_TYPE_NOT_ALLOWED');
      expect((await send(Buffer.from('GIF89a....'), 'x.gif', 'image/gif')).status).toBe(415);
      const big = Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]);
      expect(await send(big, 'big.png', 'image/png')).toMatchObject({ status: 413, body: { code: 'FILE_TOO_LARGE' } });
      const none = await ctx.api.upload('王秀英', new FormData());
      expect(none).toMatchObject({ status: 400, body: { code: 'FILE_MISSING' } });
    });

    it('随手拍: a photo without words or a category waits for the committee (待分类), who sets it; routed at once, deadlines from the submission', async () => {
      // Run last: the clock moves forward to a fixed instant, 2027-03-01 09:00 in Beijing.
      ctx.clock.set(new Date('2027-03-01T01:00:00.000Z'));
      const snap = async () => {
        const photo = await uploadPhoto('王秀英');
        const r = await ctx.api.as('王秀英', 'POST', '/tickets', { description: '', buildingId: 1, photoIds: [photo.id] });
        expect(r.status).toBe(201);
        return r.body;
      };
      const a = await snap();
      const c = await snap();
      // The interim deadlines: an hour to classify (02:00), three days to resolve.
      expect(a).toMatchObject({ status: 'submitted', category: null, handler: null, description: '', acceptDueAt: '2027-03-01T02:00:00.000Z', resolveDueAt: '2027-03-04T01:00:00.000Z' });
      expect(a.photoUrls).toHaveLength(1);
      expect(a.allowedActions).toEqual(['cancel']);
      expect((await inbox('黄丽华', 'queued')).some((n) => n.ticketId === a.id)).toBe(true);
      expect((await ctx.api.as('黄丽华', 'GET', `/tickets/${a.id}`)).body.allowedActions).toEqual(['reject', 'categorise']);
      const waiting = (await ctx.api.as('黄丽华', 'GET', '/stats/overview?communityId=1')).body.awaitingCategory as number;
      expect(waiting).toBeGreaterThanOrEqual(2);
      // The committee's list of what waits (待分类): the same matters the dashboard counts, and only those.
      const queue = async (filter: string) => (await ctx.api.as('黄丽华', 'GET', `/tickets?scope=community&communityId=1&pageSize=50&${filter}`)).body;
      const awaiting = await queue('uncategorised=true&status=submitted');
      expect(awaiting.total).toBe(waiting);
      expect(awaiting.items.map((t: { id: number }) => t.id)).toEqual(expect.arrayContaining([a.id, c.id]));
      expect(awaiting.items.every((t: { category: unknown }) => t.category === null)).toBe(true);
      expect((await queue('uncategorised=false')).items.some((t: { category: unknown }) => t.category === null)).toBe(false);
      expect((await ctx.api.as('黄丽华', 'GET', '/tickets?scope=community&uncategorised=maybe')).body.code).toBe('VALIDATION_FAILED');

      // Not dispatched by hand before it has a category; only the committee of its community sets one.
      const early = await ctx.api.as('黄丽华', 'POST', `/tickets/${a.id}/dispatch`, { toUserId: ctx.api.userId('赵敏') });
      expect(early).toMatchObject({ status: 409, body: { code: 'TICKET_INVALID_STATE', message: expect.stringContaining('请先设置类别') } });
      expect((await ctx.api.as('王秀英', 'POST', `/tickets/${a.id}/categorise`, { categoryId: 3 })).status).toBe(403);
      expect((await ctx.api.as('赵敏', 'POST', `/tickets/${a.id}/categorise`, { categoryId: 3 })).status).toBe(403);
      expect((await ctx.api.as('何志刚', 'POST', `/tickets/${a.id}/categorise`, { categoryId: 3 })).status).toBe(404);
      expect((await ctx.api.as('黄丽华', 'POST', `/tickets/${a.id}/categorise`, { categoryId: 999 })).body.code).toBe('UNKNOWN_CATEGORY');
      expect((await ctx.api.as('黄丽华', 'POST', `/tickets/${a.id}/categorise`, {})).status).toBe(400);

      // 09:20: 噪音扰民 (30 minutes to accept, 4 hours to resolve) counted from 09:00, the submission.
      ctx.clock.advanceMinutes(20);
      const set = await ctx.api.as('黄丽华', 'POST', `/tickets/${a.id}/categorise`, { categoryId: 3 });
      expect(set.status).toBe(200);
      expect(set.body).toMatchObject({
        status: 'dispatched',
        category: { id: 3, name: '噪音扰民' },
        handler: { name: '赵敏' },
        acceptDueAt: '2027-03-01T01:30:00.000Z',
        resolveDueAt: '2027-03-01T05:00:00.000Z',
        overdue: false,
      });
      expect(set.body.timeline.map((e: { type: string }) => e.type)).toEqual(['submitted', 'categorised', 'dispatched']);
      expect(set.body.timeline[1]).toMatchObject({ note: '噪音扰民', actor: { name: '黄丽华' }, at: '2027-03-01T01:20:00.000Z' });
      expect((await inbox('赵敏', 'dispatched')).some((n) => n.ticketId === a.id)).toBe(true);
      const seen = await ctx.api.as('王秀英', 'GET', `/tickets/${a.id}`);
      expect(seen.body.timeline.find((e: { type: string }) => e.type === 'categorised')).toMatchObject({ note: '噪音扰民' });
      // Set, it leaves the 待分类 list for the categorised one.
      expect((await queue('uncategorised=true')).items.map((t: { id: number }) => t.id)).not.toContain(a.id);
      expect((await queue('uncategorised=false')).items.map((t: { id: number }) => t.id)).toContain(a.id);
      expect((await queue('uncategorised=true')).items.map((t: { id: number }) => t.id)).toContain(c.id);
      const again = await ctx.api.as('黄丽华', 'POST', `/tickets/${a.id}/categorise`, { categoryId: 1 });
      expect(again).toMatchObject({ status: 409, body: { code: 'TICKET_INVALID_STATE' } });

      // 09:45: set late, its 09:30 accept deadline has passed already, and the sweeper raises it at once.
      ctx.clock.advanceMinutes(25);
      const late = await ctx.api.as('黄丽华', 'POST', `/tickets/${c.id}/categorise`, { categoryId: 3 });
      expect(late.body).toMatchObject({ status: 'dispatched', acceptDueAt: '2027-03-01T01:30:00.000Z', overdue: true });
      const b = await snap(); // reported 09:45, left without a category
      await sweep();
      expect((await ctx.api.as('黄丽华', 'GET', `/tickets/${c.id}`)).body.escalationLevel).toBe('community');

      // Nobody classifies b: at 10:45 its interim hour is up and it climbs like any late matter.
      ctx.clock.advanceMinutes(61);
      await sweep();
      const climbed = await ctx.api.as('黄丽华', 'GET', `/tickets/${b.id}`);
      expect(climbed.body).toMatchObject({ status: 'submitted', category: null, escalationLevel: 'community', overdue: true });
      expect(climbed.body.timeline.at(-1)).toMatchObject({ type: 'escalated', note: '超时未设置类别，升级至社区' });
      const overview = (await ctx.api.as('黄丽华', 'GET', '/stats/overview?communityId=1')).body;
      expect(overview.awaitingCategory).toBe(waiting - 1);
      expect(overview.byCategory).toContainEqual({ categoryId: null, name: '待分类', count: expect.any(Number) });
      // Wherever a category's name stands, it reads 待分类: the staff's export, the resident's own data export.
      const csv = String((await ctx.api.as('黄丽华', 'GET', '/exports/tickets.csv?communityId=1&status=submitted')).body);
      expect(csv.split('\r\n').find((line) => line.startsWith(b.code))).toContain(',待分类,');
      const mine = (await ctx.api.as('王秀英', 'GET', '/me/export')).body;
      expect(mine.tickets.find((t: { id: number }) => t.id === b.id)).toMatchObject({ category: '待分类', description: '' });

      // Two committee members at once: one category wins, the other is told it is set; one event, one dispatch.
      const d = await snap();
      const both = await Promise.all([
        ctx.api.as('黄丽华', 'POST', `/tickets/${d.id}/categorise`, { categoryId: 1 }),
        ctx.api.as('黄丽华', 'POST', `/tickets/${d.id}/categorise`, { categoryId: 3 }),
      ]);
      expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
      const won = both.find((r) => r.status === 200)!.body;
      const final = (await ctx.api.as('黄丽华', 'GET', `/tickets/${d.id}`)).body;
      expect(final.category.id).toBe(won.category.id);
      expect(final.timeline.filter((e: { type: string }) => e.type === 'categorised')).toHaveLength(1);
      expect(final.timeline.filter((e: { type: string }) => e.type === 'dispatched')).toHaveLength(1);
    });
  });
}
