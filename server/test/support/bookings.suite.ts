import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { BookingSweeper } from '../../src/bookings/booking-sweeper.service.js';
import { startSeededApp, type Dialect } from './test-app.js';

/**
 * 预约 end to end over HTTP, on the given dialect. The clock starts on Monday 2026-11-23 at 10:00 in the
 * demo district (UTC+8). 钢花村社区 (community 2): committee 何志刚; grid workers 郑芳 (钢花村第一网格:
 * 7栋, 8栋) and 钱伟 (第二网格: 9栋, 10栋); 罗老师 is staff of 红卫路街道社区服务中心, the provider of the
 * seeded 广场舞培训. The seeded ledger (server/src/seed/demo-seed.ts) gives birth years: 刘桂芳 1948 (7栋),
 * 陈志强 1984 with his daughter 陈小雨 2016 (7栋), 韩磊 1990 (10栋); 林海 already missed two 广场舞 classes
 * this month, and 韩磊 earned 2 hours as a volunteer.
 */
export function bookingsSuite(dialect: Dialect): void {
  describe(`booking on ${dialect}`, () => {
    let ctx: Awaited<ReturnType<typeof startSeededApp>>;
    beforeAll(async () => {
      ctx = await startSeededApp(dialect);
    });
    afterAll(async () => {
      await ctx?.close();
    });

    /** An instant given as a local day and wall-clock time in the district (UTC+8). */
    const local = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`).toISOString();
    const sweep = () => ctx.app.get(BookingSweeper).run();
    const sql = async <T = Record<string, unknown>>(query: string, params: unknown[] = []) => (await ctx.ds.query(query, params)) as T[];
    const slotCounts = async (slotId: number) => {
      const [s] = await sql<{ taken: number; capacity: number }>('SELECT taken, capacity FROM service_slots WHERE id = ?', [slotId]);
      const [n] = await sql<{ n: number }>("SELECT COUNT(*) AS n FROM bookings WHERE slotId = ? AND role = 'participant' AND status IN ('booked', 'offered', 'attended', 'no_show')", [slotId]);
      return { taken: Number(s.taken), capacity: Number(s.capacity), rows: Number(n.n) };
    };
    const inbox = async (who: string, type: string) => {
      const r = await ctx.api.as(who, 'GET', '/notifications?pageSize=100');
      expect(r.status).toBe(200);
      return (r.body.items as { type: string; bookingId: number | null; body: string }[]).filter((n) => n.type === type);
    };
    let n = 0;
    /** A 钢花村 item of the committee's, open to its residents unless told otherwise. */
    const item = async (over: Record<string, unknown> = {}) => {
      n += 1;
      const r = await ctx.api.as('何志刚', 'POST', '/services', {
        communityId: 2,
        family: 'culture',
        name: `测试讲座${n}`,
        place: '钢花村社区活动室',
        eligibility: ['residents'],
        advanceDays: 7,
        cancelCutoffMinutes: 60,
        perPersonLimit: 5,
        perHouseholdLimit: 50,
        ...over,
      });
      expect(r.status).toBe(201);
      return r.body as { id: number };
    };
    const slot = async (serviceId: number, startsAt: string, endsAt: string, capacity: number, who = '何志刚', extra: Record<string, unknown> = {}) => {
      const r = await ctx.api.as(who, 'POST', `/services/${serviceId}/slots`, { startsAt, endsAt, capacity, ...extra });
      expect(r.status).toBe(201);
      return r.body as { id: number; placesLeft: number };
    };
    const book = (who: string, body: Record<string, unknown>, headers: Record<string, string> = {}) => ctx.api.as(who, 'POST', '/bookings', body, headers);

    it('lists each community\'s catalogue by family and by name, and says who may book an item', async () => {
      const all = await ctx.api.as('刘桂芳', 'GET', '/services');
      expect(all.status).toBe(200);
      expect(new Set(all.body.map((i: { family: string }) => i.family))).toEqual(new Set(['government', 'living', 'legal', 'culture', 'care', 'venue']));
      expect(all.body.every((i: { communityId: number }) => i.communityId === 2)).toBe(true);
      const qhj = await ctx.api.as('王秀英', 'GET', '/services?communityId=1&family=venue');
      expect(qhj.body.map((i: { name: string; mode: string }) => [i.name, i.mode])).toEqual([['议事厅使用预约', 'slots'], ['开心农场菜地认领', 'units']]);
      const found = await ctx.api.as('刘桂芳', 'GET', `/services?q=${encodeURIComponent('优待证')}`);
      expect(found.body.map((i: { name: string }) => i.name)).toEqual(['老年人优待证办理']);

      const senior = await ctx.api.as('刘桂芳', 'GET', `/services/${found.body[0].id}`);
      expect(senior.body).toMatchObject({
        eligibilityText: '本社区居民、60周岁及以上',
        documents: ['本人身份证原件', '户口簿', '近期一寸免冠照片1张'],
        provider: { kind: 'community', name: '社区居委会' },
        canBook: true,
        cannotBook: null,
        canManage: false,
      });
      const young = await ctx.api.as('陈志强', 'GET', `/services/${found.body[0].id}`);
      expect(young.body).toMatchObject({ canBook: false, cannotBook: { code: 'NOT_ELIGIBLE' } });
      expect((await ctx.api.as('何志刚', 'GET', `/services/${found.body[0].id}`)).body.canManage).toBe(true);

      // The catalogue says in one answer which items the caller manages: a resident none, the committee every
      // item of its community, a partner only its organisation's (罗老师's 社区服务中心 gives 广场舞培训 in 钢花村).
      expect(all.body.some((i: { canManage: boolean }) => i.canManage)).toBe(false);
      const committee = await ctx.api.as('何志刚', 'GET', '/services?communityId=2');
      expect(committee.body.length).toBe(all.body.length);
      expect(committee.body.every((i: { canManage: boolean }) => i.canManage)).toBe(true);
      const partner = await ctx.api.as('罗老师', 'GET', '/services?communityId=2');
      expect(partner.body.filter((i: { canManage: boolean }) => i.canManage).map((i: { name: string }) => i.name)).toEqual(['广场舞培训']);

      // The seeded schedule made this week's slots: 优待证 on weekdays at 09:00 and 10:00; today's have begun (it is 10:00).
      const slots = await ctx.api.as('刘桂芳', 'GET', `/services/${found.body[0].id}/slots?from=2026-11-23&to=2026-11-24`);
      expect(slots.body.map((s: { startsAt: string; placesLeft: number }) => [s.startsAt, s.placesLeft])).toEqual([
        [local('2026-11-24', '09:00'), 3],
        [local('2026-11-24', '10:00'), 3],
      ]);
    });

    it('50 residents at once for the last 3 places: exactly 3 bookings, 47 SLOT_FULL, and the count matches the rows', async () => {
      const { id } = await item({ name: '热门讲座' });
      const s = await slot(id, local('2026-11-25', '09:00'), local('2026-11-25', '10:00'), 5);
      expect((await book('刘桂芳', { slotId: s.id })).status).toBe(201);
      expect((await book('陈志强', { slotId: s.id })).status).toBe(201);
      // Fifty more residents of 钢花村 (each bound to a household of 10栋), logged in by the dev login.
      const [household] = await sql<{ id: number }>("SELECT h.id FROM households h JOIN buildings b ON b.id = h.buildingId WHERE b.name = '钢花村10栋' ORDER BY h.id LIMIT 1");
      const names: string[] = [];
      for (let i = 1; i <= 50; i++) {
        const name = `抢约居民${String(i).padStart(2, '0')}`;
        await ctx.ds.query('INSERT INTO users (name, phone, openid, createdAt) VALUES (?, NULL, NULL, ?)', [name, '2026-11-01 00:00:00.000']);
        const [u] = await sql<{ id: number }>('SELECT id FROM users WHERE name = ?', [name]);
        await ctx.ds.query("INSERT INTO role_assignments (userId, role, districtId, streetId, communityId, gridId, organisationId) VALUES (?, 'resident', 1, 1, 2, NULL, NULL)", [u.id]);
        await ctx.ds.query("INSERT INTO household_bindings (userId, householdId, communityId, status, createdAt) VALUES (?, ?, 2, 'approved', ?)", [u.id, household.id, '2026-11-01 00:00:00.000']);
        names.push(name);
      }
      await ctx.api.loadUsers();
      for (const name of names) await ctx.api.token(name);
      const answers = await Promise.all(names.map((name) => book(name, { slotId: s.id })));
      expect(answers.filter((a) => a.status === 201)).toHaveLength(3);
      const full = answers.filter((a) => a.status === 409);
      expect(full).toHaveLength(47);
      expect(full.every((a) => a.body.code === 'SLOT_FULL' && a.body.message.includes('候补'))).toBe(true);
      expect(await slotCounts(s.id)).toEqual({ taken: 5, capacity: 5, rows: 5 });
      const listed = await ctx.api.as('刘桂芳', 'GET', `/services/${id}/slots?from=2026-11-25&to=2026-11-25`);
      expect(listed.body[0]).toMatchObject({ placesLeft: 0, waitingCount: 0, myBooking: { status: 'booked' } });
    });

    it('a resent booking (same Idempotency-Key) is one booking, even when the copies race; another body with the key is refused', async () => {
      const { id } = await item();
      const s = await slot(id, local('2026-11-26', '09:00'), local('2026-11-26', '10:00'), 10);
      const headers = { 'Idempotency-Key': 'phone-retry-0001' };
      const copies = await Promise.all([1, 2, 3, 4, 5].map(() => book('郭丽', { slotId: s.id }, headers)));
      expect(copies.map((c) => c.status)).toEqual([201, 201, 201, 201, 201]);
      expect(new Set(copies.map((c) => c.body.id)).size).toBe(1);
      expect(await slotCounts(s.id)).toEqual({ taken: 1, capacity: 10, rows: 1 });
      const other = await book('郭丽', { slotId: s.id, join: 'waitlist' }, headers);
      expect(other.status).toBe(422);
      expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
      // Without a key, a second booking of the same slot is refused and changes nothing.
      const again = await book('郭丽', { slotId: s.id });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('ALREADY_BOOKED');
      expect(await slotCounts(s.id)).toEqual({ taken: 1, capacity: 10, rows: 1 });
    });

    it('the waiting list: full → join the list; a cancellation offers the place to the first in line, who confirms; an unconfirmed offer passes on', async () => {
      const { id } = await item();
      const s = await slot(id, local('2026-11-27', '15:00'), local('2026-11-27', '16:00'), 1);
      const first = await book('刘桂芳', { slotId: s.id });
      expect(first.body).toMatchObject({ status: 'booked', allowedActions: ['cancel'], bookedBy: null });
      expect(first.body.checkInCode).toMatch(/^\d{6}$/);
      const full = await book('陈志强', { slotId: s.id });
      expect(full.status).toBe(409);
      expect(full.body.code).toBe('SLOT_FULL');
      // The app asks for the booking notices' subscription on this tap (no templates are configured here).
      expect((await ctx.api.as('陈志强', 'GET', '/notifications/subscriptions?for=book')).body).toEqual({ templateIds: [] });
      const second = await book('陈志强', { slotId: s.id, join: 'waitlist' });
      expect(second.status).toBe(201);
      expect(second.body).toMatchObject({ status: 'waiting', waitingPosition: 1 });
      const third = await book('郭丽', { slotId: s.id, join: 'waitlist' });
      expect(third.body).toMatchObject({ status: 'waiting', waitingPosition: 2 });

      const cancelled = await ctx.api.as('刘桂芳', 'POST', `/bookings/${first.body.id}/cancel`);
      expect(cancelled.status).toBe(200);
      expect(cancelled.body.status).toBe('cancelled');
      const offered = await ctx.api.as('陈志强', 'GET', `/bookings/${second.body.id}`);
      // Held two hours from now (10:00 local), well before the 15:00 start.
      expect(offered.body).toMatchObject({ status: 'offered', offerExpiresAt: local('2026-11-23', '12:00'), allowedActions: ['cancel', 'confirm'] });
      expect((await inbox('陈志强', 'booking_offered')).map((x) => x.bookingId)).toEqual([second.body.id]);
      expect((await ctx.api.as('郭丽', 'GET', `/bookings/${third.body.id}`)).body).toMatchObject({ status: 'waiting', waitingPosition: 1 });
      expect(await slotCounts(s.id)).toEqual({ taken: 1, capacity: 1, rows: 1 });

      const confirmed = await ctx.api.as('陈志强', 'POST', `/bookings/${second.body.id}/confirm`);
      expect(confirmed.body).toMatchObject({ status: 'booked', offerExpiresAt: null });
      expect(confirmed.body.timeline.map((e: { type: string }) => e.type)).toEqual(['waiting', 'offered', 'confirmed']);

      // 陈志强 gives it back; 郭丽 is offered it and lets the two hours pass: the place expires to nobody, she is told.
      await ctx.api.as('陈志强', 'POST', `/bookings/${second.body.id}/cancel`);
      expect((await ctx.api.as('郭丽', 'GET', `/bookings/${third.body.id}`)).body.status).toBe('offered');
      ctx.clock.advanceMinutes(121);
      const late = await ctx.api.as('郭丽', 'POST', `/bookings/${third.body.id}/confirm`);
      expect(late.status).toBe(409);
      expect(late.body.code).toBe('OFFER_EXPIRED');
      expect((await ctx.api.as('郭丽', 'GET', `/bookings/${third.body.id}`)).body.status).toBe('expired');
      expect((await inbox('郭丽', 'booking_expired')).map((x) => x.bookingId)).toEqual([third.body.id]);
      expect(await slotCounts(s.id)).toEqual({ taken: 0, capacity: 1, rows: 0 });
      ctx.clock.advanceMinutes(-121);
    });

    it('two cancellations racing free each place once and promote the waiting list exactly once each', async () => {
      const { id } = await item();
      const s = await slot(id, local('2026-11-28', '09:00'), local('2026-11-28', '10:00'), 2);
      const a = await book('刘桂芳', { slotId: s.id });
      const b = await book('陈志强', { slotId: s.id });
      const waiting: number[] = [];
      for (const who of ['郭丽', '林海', '罗敏']) waiting.push((await book(who, { slotId: s.id, join: 'waitlist' })).body.id as number);
      // The same booking cancelled twice at once (two phones): one cancellation, one refusal.
      const twice = await Promise.all([ctx.api.as('刘桂芳', 'POST', `/bookings/${a.body.id}/cancel`), ctx.api.as('刘桂芳', 'POST', `/bookings/${a.body.id}/cancel`)]);
      expect(twice.map((r) => r.status).sort()).toEqual([200, 409]);
      expect(twice.find((r) => r.status === 409)!.body.code).toBe('BOOKING_INVALID_STATE');
      const statuses = async () => (await sql<{ id: number; status: string }>('SELECT id, status FROM bookings WHERE id IN (?, ?, ?) ORDER BY id', waiting)).map((r) => r.status);
      expect(await statuses()).toEqual(['offered', 'waiting', 'waiting']);
      // The offered place and another booked one given back at the same moment: two more offers, never three.
      const racing = await Promise.all([ctx.api.as('郭丽', 'POST', `/bookings/${waiting[0]}/cancel`), ctx.api.as('陈志强', 'POST', `/bookings/${b.body.id}/cancel`)]);
      expect(racing.map((r) => r.status)).toEqual([200, 200]);
      expect(await statuses()).toEqual(['cancelled', 'offered', 'offered']);
      expect(await slotCounts(s.id)).toEqual({ taken: 2, capacity: 2, rows: 2 });
    });

    it('two sweeps at once expire an unconfirmed offer once and offer the place to the next in line once', async () => {
      const { id } = await item();
      const s = await slot(id, local('2026-11-28', '15:00'), local('2026-11-28', '16:00'), 1);
      const a = await book('刘桂芳', { slotId: s.id });
      const w1 = await book('梁文静', { slotId: s.id, join: 'waitlist' });
      const w2 = await book('宋德福', { slotId: s.id, join: 'waitlist' });
      await ctx.api.as('刘桂芳', 'POST', `/bookings/${a.body.id}/cancel`);
      ctx.clock.advanceMinutes(121);
      await Promise.all([sweep(), sweep()]);
      await sweep();
      expect((await ctx.api.as('梁文静', 'GET', `/bookings/${w1.body.id}`)).body.status).toBe('expired');
      expect((await ctx.api.as('宋德福', 'GET', `/bookings/${w2.body.id}`)).body.status).toBe('offered');
      expect((await inbox('梁文静', 'booking_expired')).filter((x) => x.bookingId === w1.body.id)).toHaveLength(1);
      expect((await inbox('宋德福', 'booking_offered')).filter((x) => x.bookingId === w2.body.id)).toHaveLength(1);
      expect(await slotCounts(s.id)).toEqual({ taken: 1, capacity: 1, rows: 1 });
      ctx.clock.advanceMinutes(-121);
    });

    it('refuses bad bookings with a 4xx and a next step, changing nothing: past, outside the window, ineligible, closed, a stranger\'s id', async () => {
      const seniors = await item({ name: '老年体检', eligibility: ['residents', 'age_60_plus'], advanceDays: 2 });
      const today = await slot(seniors.id, local('2026-11-23', '14:00'), local('2026-11-23', '15:00'), 5);
      const far = await slot(seniors.id, local('2026-11-27', '09:00'), local('2026-11-27', '10:00'), 5);
      const refused = async (who: string, body: Record<string, unknown>, status: number, code: string, slotId: number) => {
        const before = await slotCounts(slotId);
        const r = await book(who, body);
        expect([r.status, r.body.code]).toEqual([status, code]);
        expect(r.body.message).toMatch(/请|可以|联系/);
        expect(await slotCounts(slotId)).toEqual(before);
        return r.body.message as string;
      };
      // advanceDays 2: Friday's slot opens on Wednesday 00:00.
      expect(await refused('刘桂芳', { slotId: far.id }, 422, 'OUTSIDE_BOOKING_WINDOW', far.id)).toContain('2026-11-25');
      expect(await refused('陈志强', { slotId: today.id }, 422, 'NOT_ELIGIBLE', today.id)).toContain('60周岁');
      // A resident of another community is no resident here.
      expect(await refused('王秀英', { slotId: today.id }, 422, 'NOT_ELIGIBLE', today.id)).toContain('本社区');
      const closing = await ctx.api.as('何志刚', 'POST', `/slots/${today.id}/close`, { reason: '体检车故障' });
      expect(closing.status).toBe(200);
      expect(await refused('刘桂芳', { slotId: today.id }, 409, 'SLOT_CLOSED', today.id)).toContain('体检车故障');
      const later = await slot(seniors.id, local('2026-11-23', '16:00'), local('2026-11-23', '17:00'), 5);
      ctx.clock.set(new Date(local('2026-11-23', '16:05')));
      expect(await refused('刘桂芳', { slotId: later.id }, 422, 'SLOT_PAST', later.id)).toContain('其他时段');
      ctx.clock.set(new Date(local('2026-11-23', '10:00')));
      expect((await book('刘桂芳', { slotId: 999999 })).status).toBe(404);

      // Someone else's booking: not found, whatever the action.
      const mine = await book('刘桂芳', { slotId: later.id });
      expect(mine.status).toBe(201);
      for (const [method, path] of [['GET', ''], ['POST', '/cancel'], ['POST', '/confirm'], ['POST', '/rate']] as const) {
        const r = await ctx.api.as('陈志强', method, `/bookings/${mine.body.id}${path}`, path === '/rate' ? { rating: 'satisfied' } : undefined);
        expect([r.status, r.body.code]).toEqual([404, 'NOT_FOUND']);
        expect(JSON.stringify(r.body)).not.toContain(mine.body.checkInCode);
      }
      expect((await ctx.api.as('刘桂芳', 'GET', `/bookings/${mine.body.id}`)).body.status).toBe('booked');
    });

    it('cancelling after the cut-off is refused; a moved slot may be cancelled until it starts, and everyone booked is told', async () => {
      const { id } = await item({ cancelCutoffMinutes: 120 });
      const s = await slot(id, local('2026-11-23', '11:30'), local('2026-11-23', '12:30'), 5);
      const b = await book('刘桂芳', { slotId: s.id });
      expect(b.body.cancelUntil).toBe(local('2026-11-23', '09:30'));
      const late = await ctx.api.as('刘桂芳', 'POST', `/bookings/${b.body.id}/cancel`);
      expect([late.status, late.body.code]).toEqual([409, 'BOOKING_TOO_LATE']);
      expect(late.body.message).toContain('120分钟');
      const moved = await ctx.api.as('何志刚', 'POST', `/slots/${s.id}/move`, { startsAt: local('2026-11-23', '11:00'), endsAt: local('2026-11-23', '12:00'), reason: '老师临时调课，提前半小时' });
      expect(moved.status).toBe(200);
      expect(moved.body.movedAt).not.toBeNull();
      const notice = await inbox('刘桂芳', 'booking_moved');
      expect(notice.map((x) => x.bookingId)).toEqual([b.body.id]);
      expect(notice[0].body).toContain('老师临时调课');
      const seen = await ctx.api.as('刘桂芳', 'GET', `/bookings/${b.body.id}`);
      expect(seen.body).toMatchObject({ cancelUntil: local('2026-11-23', '11:00'), allowedActions: ['cancel'] });
      expect((await ctx.api.as('刘桂芳', 'POST', `/bookings/${b.body.id}/cancel`)).status).toBe(200);
    });

    it('the provider checks a resident in by the code they show, the resident rates once, and a volunteer earns the hours', async () => {
      // The seeded 广场舞培训 is 罗老师's (社区服务中心); Tuesday 09:30–11:00 takes one volunteer.
      const items = await ctx.api.as('罗老师', 'GET', '/services?communityId=2&family=culture');
      const dance = items.body.find((i: { name: string }) => i.name === '广场舞培训');
      const slots = await ctx.api.as('罗老师', 'GET', `/services/${dance.id}/slots?from=2026-11-24&to=2026-11-24`);
      const tuesday = slots.body[0];
      expect(tuesday).toMatchObject({ startsAt: local('2026-11-24', '09:30'), volunteerCapacity: 1, volunteerPlacesLeft: 1 });
      const resident = await book('梁文静', { slotId: tuesday.id });
      const volunteer = await book('胡建平', { slotId: tuesday.id, role: 'volunteer' });
      expect(volunteer.body).toMatchObject({ status: 'booked', role: 'volunteer' });
      const noMore = await book('冯建国', { slotId: tuesday.id, role: 'volunteer' });
      expect([noMore.status, noMore.body.code]).toEqual([409, 'SLOT_FULL']);

      const early = await ctx.api.as('罗老师', 'POST', '/bookings/check-in', { slotId: tuesday.id, code: resident.body.checkInCode });
      expect([early.status, early.body.code]).toEqual([409, 'BOOKING_TOO_EARLY']);
      ctx.clock.set(new Date(local('2026-11-24', '09:10')));
      const wrong = await ctx.api.as('罗老师', 'POST', '/bookings/check-in', { slotId: tuesday.id, code: resident.body.checkInCode === '000000' ? '000001' : '000000' });
      expect([wrong.status, wrong.body.code]).toEqual([422, 'CHECK_IN_CODE_UNKNOWN']);
      expect((await ctx.api.as('梁文静', 'POST', '/bookings/check-in', { slotId: tuesday.id, code: resident.body.checkInCode })).status).toBe(403);
      const checked = await ctx.api.as('罗老师', 'POST', '/bookings/check-in', { slotId: tuesday.id, code: resident.body.checkInCode });
      expect(checked.status).toBe(200);
      expect(checked.body).toMatchObject({ status: 'attended', checkedInAt: local('2026-11-24', '09:10'), checkInCode: null });

      const before = await ctx.api.as('胡建平', 'GET', '/me/volunteer-hours');
      expect((await ctx.api.as('罗老师', 'POST', `/bookings/${volunteer.body.id}/check-in`)).status).toBe(200);
      const hours = await ctx.api.as('胡建平', 'GET', '/me/volunteer-hours');
      expect(hours.body.balanceMinutes).toBe(before.body.balanceMinutes + 120);
      expect(hours.body.entries[0]).toMatchObject({ minutes: 120, kind: 'earned', bookingId: volunteer.body.id, confirmedBy: { name: '罗老师' }, reason: '广场舞培训志愿服务 11月24日' });
      expect((await inbox('胡建平', 'volunteer_hours_earned')).length).toBe(1);

      const rated = await ctx.api.as('梁文静', 'POST', `/bookings/${resident.body.id}/rate`, { rating: 'satisfied', comment: '老师很耐心' });
      expect(rated.body).toMatchObject({ rating: 'satisfied', ratingComment: '老师很耐心', allowedActions: [] });
      const again = await ctx.api.as('梁文静', 'POST', `/bookings/${resident.body.id}/rate`, { rating: 'unsatisfied' });
      expect([again.status, again.body.code]).toEqual([409, 'ALREADY_RATED']);

      const roster = await ctx.api.as('罗老师', 'GET', `/slots/${tuesday.id}/roster`);
      expect(roster.status).toBe(200);
      const entry = roster.body.entries.find((e: { bookingId: number }) => e.bookingId === resident.body.id);
      expect(entry).toMatchObject({ name: '梁文静', phone: '139****2012', status: 'attended' });
      const csv = await ctx.api.as('罗老师', 'GET', `/exports/roster.csv?slotId=${tuesday.id}`);
      expect(csv.status).toBe(200);
      expect(csv.body.startsWith('\uFEFF')).toBe(true);
      expect(csv.body).toContain('梁文静,139****2012,参加者,已签到');
      expect((await ctx.api.as('何志刚', 'GET', `/exports/roster.xlsx?slotId=${tuesday.id}`)).status).toBe(200);
      expect((await ctx.api.as('黄丽华', 'GET', `/slots/${tuesday.id}/roster`)).status).toBe(404);
      ctx.clock.set(new Date(local('2026-11-23', '10:00')));
    });

    it('a third no-show in 30 days blocks the family for 14 days from it, and says until when', async () => {
      const { id } = await item({ family: 'culture', name: '手工课' });
      const s = await slot(id, local('2026-11-23', '14:00'), local('2026-11-23', '15:00'), 5);
      const b = await book('林海', { slotId: s.id });
      expect((await ctx.api.as('何志刚', 'POST', `/bookings/${b.body.id}/no-show`)).body.code).toBe('BOOKING_TOO_EARLY');
      ctx.clock.set(new Date(local('2026-11-23', '15:30')));
      expect((await ctx.api.as('何志刚', 'POST', `/bookings/${b.body.id}/no-show`)).body.status).toBe('no_show');
      const next = await slot(id, local('2026-11-24', '14:00'), local('2026-11-24', '15:00'), 5);
      const blocked = await book('林海', { slotId: next.id });
      expect([blocked.status, blocked.body.code]).toEqual([422, 'NO_SHOW_BLOCKED']);
      // The third ended 2026-11-23 15:00; fourteen days on is 2026-12-07 15:00.
      expect(blocked.body.message).toContain('12月7日 15:00前不能预约文体类服务');
      const detail = await ctx.api.as('林海', 'GET', `/services/${id}`);
      expect(detail.body.cannotBook).toEqual({ code: 'NO_SHOW_BLOCKED', message: blocked.body.message, until: '2026-12-07T07:00:00.000Z' });
      // Another family is not blocked.
      const legal = await item({ family: 'legal', name: '法律讲座' });
      const other = await slot(legal.id, local('2026-11-24', '14:00'), local('2026-11-24', '15:00'), 5);
      expect((await book('林海', { slotId: other.id })).status).toBe(201);
      ctx.clock.set(new Date(local('2026-11-23', '10:00')));
    });

    it('代办: a grid worker books for a resident of the grid, a ledger child included; the resident sees it and is told', async () => {
      const { id } = await item({ eligibility: [] });
      const s = await slot(id, local('2026-11-25', '14:00'), local('2026-11-25', '15:00'), 5);
      const forElder = await book('郑芳', { slotId: s.id, forUserId: ctx.api.userId('刘桂芳') });
      expect(forElder.status).toBe(201);
      expect(forElder.body).toMatchObject({ holder: { name: '刘桂芳', phone: '139****2001' }, bookedBy: { name: '郑芳' }, allowedActions: ['cancel'] });
      const mine = await ctx.api.as('刘桂芳', 'GET', '/bookings?scope=mine&when=upcoming&pageSize=100');
      expect(mine.body.items.map((x: { id: number }) => x.id)).toContain(forElder.body.id);
      expect((await inbox('刘桂芳', 'booking_made')).map((x) => x.bookingId)).toEqual([forElder.body.id]);
      const child = await book('郑芳', { slotId: s.id, forUserId: ctx.api.userId('陈小雨') });
      expect(child.status).toBe(201);
      const others = await ctx.api.as('郑芳', 'GET', '/bookings?scope=booked_for_others');
      expect(others.body.items.map((x: { holder: { name: string } }) => x.holder.name).sort()).toEqual(['刘桂芳', '陈小雨'].sort());
      // 韩磊 lives in 10栋, 钱伟's grid.
      const stranger = await book('郑芳', { slotId: s.id, forUserId: ctx.api.userId('韩磊') });
      expect([stranger.status, stranger.body.code]).toEqual([422, 'NOT_YOUR_RESIDENT']);
      expect((await book('陈志强', { slotId: s.id, forUserId: ctx.api.userId('刘桂芳') })).status).toBe(403);
      const audit = await ctx.api.as('何志刚', 'GET', '/audit?action=book_for&communityId=2');
      expect(audit.body.items.map((e: { targetIds: number[] }) => e.targetIds[0])).toEqual([child.body.id, forElder.body.id]);
      // The booker may cancel it for them.
      expect((await ctx.api.as('郑芳', 'POST', `/bookings/${child.body.id}/cancel`)).body.status).toBe('cancelled');
    });

    it('请网格员帮我预约: one tap (twice is once) lands on the grid workers\' list beside the grid\'s special-care residents', async () => {
      const first = await ctx.api.as('何桂英', 'POST', '/booking-help', { note: '想预约长者饭堂，不会用手机' });
      expect(first.status).toBe(201);
      const again = await ctx.api.as('何桂英', 'POST', '/booking-help', {});
      expect(again.body.id).toBe(first.body.id);
      expect((await inbox('郑芳', 'booking_help_requested')).length).toBe(1);
      const list = await ctx.api.as('郑芳', 'GET', '/booking-help?scope=grid');
      expect(list.status).toBe(200);
      expect(list.body.requests.map((r: { id: number; resident: { name: string; household: string } }) => [r.id, r.resident.name, r.resident.household])).toEqual([[first.body.id, '何桂英', '钢花村8栋2单元502']]);
      expect(list.body.specialCare.map((p: { name: string }) => p.name).sort()).toEqual(['何桂英', '刘桂芳'].sort());
      expect((await ctx.api.as('钱伟', 'GET', '/booking-help?scope=grid')).body.requests).toEqual([]);
      const done = await ctx.api.as('郑芳', 'POST', `/booking-help/${first.body.id}/done`, {});
      expect(done.body).toMatchObject({ status: 'done', handledBy: { name: '郑芳' } });
      expect((await ctx.api.as('郑芳', 'POST', `/booking-help/${first.body.id}/done`, {})).body.code).toBe('BOOKING_INVALID_STATE');
      const mine = await ctx.api.as('何桂英', 'GET', '/booking-help?scope=mine');
      expect(mine.body.requests[0]).toMatchObject({ id: first.body.id, status: 'done' });
      const next = await ctx.api.as('何桂英', 'POST', '/booking-help', {});
      expect(next.body.id).not.toBe(first.body.id);
      expect((await ctx.api.as('何桂英', 'POST', `/booking-help/${next.body.id}/withdraw`)).body.status).toBe('withdrawn');
    });

    it('爱心银行: bookings paid with hours never take the balance below zero, even racing; a cancellation refunds', async () => {
      const { id } = await item({ eligibility: [], hoursPrice: 60, name: '理发服务' });
      const [a, b, c] = [
        await slot(id, local('2026-11-24', '14:00'), local('2026-11-24', '15:00'), 5),
        await slot(id, local('2026-11-24', '15:00'), local('2026-11-24', '16:00'), 5),
        await slot(id, local('2026-11-24', '16:00'), local('2026-11-24', '17:00'), 5),
      ];
      // 韩磊 earned 120 minutes volunteering (the seed).
      expect((await ctx.api.as('韩磊', 'GET', '/me/volunteer-hours')).body.balanceMinutes).toBe(120);
      const paid = await book('韩磊', { slotId: a.id, payWithHours: true });
      expect(paid.body.paidMinutes).toBe(60);
      const racing = await Promise.all([book('韩磊', { slotId: b.id, payWithHours: true }), book('韩磊', { slotId: c.id, payWithHours: true })]);
      expect(racing.map((r) => r.status).sort()).toEqual([201, 409]);
      expect(racing.find((r) => r.status === 409)!.body.code).toBe('HOURS_INSUFFICIENT');
      const after = await ctx.api.as('韩磊', 'GET', '/me/volunteer-hours');
      expect(after.body.balanceMinutes).toBe(0);
      expect(after.body.entries.slice(0, 2).map((e: { minutes: number; kind: string }) => [e.minutes, e.kind])).toEqual([[-60, 'exchanged'], [-60, 'exchanged']]);
      await ctx.api.as('韩磊', 'POST', `/bookings/${paid.body.id}/cancel`);
      expect((await ctx.api.as('韩磊', 'GET', '/me/volunteer-hours')).body.balanceMinutes).toBe(60);
      const notTaken = await book('韩磊', { slotId: a.id, payWithHours: true, role: 'volunteer' });
      expect([notTaken.status, notTaken.body.code]).toEqual([422, 'VOLUNTEERS_NOT_TAKEN']);
    });

    it('a weekly schedule makes the window\'s slots; closing a day cancels its bookings and tells everyone; the sweeper adds new days', async () => {
      const { id } = await item({ name: '周三太极' });
      const saved = await ctx.api.as('何志刚', 'PUT', `/services/${id}/schedule`, { weekly: [{ weekday: 3, start: '09:00', end: '10:00', capacity: 2 }] });
      expect(saved.status).toBe(200);
      // Today Monday 11-23, window of 7 days to Monday 11-30: one Wednesday.
      expect(saved.body).toMatchObject({ generatedUntil: '2026-11-30', closures: [] });
      const slots = async () => (await ctx.api.as('刘桂芳', 'GET', `/services/${id}/slots?from=2026-11-23&to=2026-12-31`)).body as { id: number; date: string; closed: boolean }[];
      expect((await slots()).map((s) => s.date)).toEqual(['2026-11-25']);
      const [wed] = await slots();
      const b1 = await book('刘桂芳', { slotId: wed.id });
      const b2 = await book('郑芳', { slotId: wed.id, forUserId: ctx.api.userId('陈志强') });
      const closed = await ctx.api.as('何志刚', 'POST', `/services/${id}/closures`, { date: '2026-11-25', reason: '场地检修暂停一次' });
      expect(closed.body).toEqual({ closure: { date: '2026-11-25', reason: '场地检修暂停一次' }, closedSlots: 1, cancelledBookings: 2 });
      expect((await ctx.api.as('刘桂芳', 'GET', `/bookings/${b1.body.id}`)).body.status).toBe('cancelled');
      expect((await inbox('刘桂芳', 'booking_cancelled')).filter((x) => x.bookingId === b1.body.id)[0].body).toContain('场地检修暂停一次');
      expect((await inbox('陈志强', 'booking_cancelled')).map((x) => x.bookingId)).toContain(b2.body.id);
      expect((await inbox('郑芳', 'booking_cancelled')).map((x) => x.bookingId)).toContain(b2.body.id);
      expect(await slotCounts(wed.id)).toEqual({ taken: 0, capacity: 2, rows: 0 });
      // A week later the window reaches 12-07: Wednesday 12-02 is made; 11-25 stays closed.
      ctx.clock.set(new Date(local('2026-11-30', '10:00')));
      await sweep();
      await sweep();
      expect((await slots()).map((s) => [s.date, s.closed])).toEqual([['2026-11-25', true], ['2026-12-02', false]]);
      ctx.clock.set(new Date(local('2026-11-23', '10:00')));
    });

    it('reminds everyone booked the day before at 09:00, once', async () => {
      const { id } = await item();
      const s = await slot(id, local('2026-11-25', '10:00'), local('2026-11-25', '11:00'), 3);
      const b = await book('黄晓燕', { slotId: s.id });
      await sweep();
      expect(await inbox('黄晓燕', 'booking_reminder')).toEqual([]);
      ctx.clock.set(new Date(local('2026-11-24', '09:00')));
      await sweep();
      await sweep();
      expect((await inbox('黄晓燕', 'booking_reminder')).map((x) => x.bookingId)).toEqual([b.body.id]);
      ctx.clock.set(new Date(local('2026-11-23', '10:00')));
    });

    it('figures per item and per provider over past slots (the seeded classes and meals)', async () => {
      const stats = await ctx.api.as('何志刚', 'GET', '/stats/bookings?communityId=2&from=2026-11-16&to=2026-11-22');
      expect(stats.status).toBe(200);
      const dance = stats.body.byItem.find((i: { name: string }) => i.name === '广场舞培训');
      // Two classes: 5 attended, 2 missed, 1 cancelled, 1 expired from the list; rated 满意, 基本满意, 满意, 不满意.
      expect(dance).toMatchObject({ bookings: 7, attended: 5, noShows: 2, cancelled: 1, rated: 4, attendanceRate: 5 / 7, noShowRate: 2 / 7, satisfactionRate: 0.75 });
      const meal = stats.body.byItem.find((i: { name: string }) => i.name === '长者饭堂午餐');
      expect(meal).toMatchObject({ bookings: 2, attended: 2, noShows: 0, attendanceRate: 1, satisfactionRate: 1 });
      const centre = stats.body.byProvider.find((p: { provider: { name: string } }) => p.provider.name === '红卫路街道社区服务中心');
      expect(centre).toMatchObject({ bookings: 7, attended: 5, satisfactionRate: 0.75 });
      const partner = await ctx.api.as('罗老师', 'GET', '/stats/bookings?communityId=2&from=2026-11-16&to=2026-11-22');
      expect(partner.body.byItem.every((i: { name: string }) => i.name === '广场舞培训')).toBe(true);
      expect((await ctx.api.as('黄丽华', 'GET', '/stats/bookings?communityId=2')).status).toBe(404);
    });

    it('a slot\'s capacity cannot go below the places taken; raising it moves the waiting list up', async () => {
      const { id } = await item();
      const s = await slot(id, local('2026-11-26', '14:00'), local('2026-11-26', '15:00'), 1);
      await book('刘桂芳', { slotId: s.id });
      const w = await book('陈志强', { slotId: s.id, join: 'waitlist' });
      const below = await ctx.api.as('何志刚', 'PUT', `/slots/${s.id}`, { capacity: 0 });
      expect(below.status).toBe(400);
      const raised = await ctx.api.as('何志刚', 'PUT', `/slots/${s.id}`, { capacity: 2 });
      expect(raised.body).toMatchObject({ capacity: 2, placesLeft: 0, waitingCount: 0 });
      expect((await ctx.api.as('陈志强', 'GET', `/bookings/${w.body.id}`)).body.status).toBe('offered');
      const shrink = await ctx.api.as('何志刚', 'PUT', `/slots/${s.id}`, { capacity: 1 });
      expect([shrink.status, shrink.body.code]).toEqual([409, 'SLOT_CAPACITY_BELOW_TAKEN']);
      expect((await ctx.api.as('罗老师', 'PUT', `/slots/${s.id}`, { capacity: 3 })).status).toBe(404);
    });

    it('the export holds a resident\'s bookings; 注销 gives their places back to the waiting list', async () => {
      const { id } = await item();
      const s = await slot(id, local('2026-11-27', '09:00'), local('2026-11-27', '10:00'), 1);
      const mine = await book('冯建国', { slotId: s.id });
      const waiting = await book('董小红', { slotId: s.id, join: 'waitlist' });
      const exported = await ctx.api.as('冯建国', 'GET', '/me/export');
      expect(exported.body.bookings.map((b: { id: number; status: string; startsAt: string }) => [b.id, b.status, b.startsAt])).toEqual([[mine.body.id, 'booked', local('2026-11-27', '09:00')]]);
      expect((await ctx.api.as('冯建国', 'DELETE', '/me')).status).toBe(200);
      expect((await ctx.api.as('董小红', 'GET', `/bookings/${waiting.body.id}`)).body.status).toBe('offered');
      expect(await slotCounts(s.id)).toEqual({ taken: 1, capacity: 1, rows: 1 });
    });

    it('items: the committee adds and edits its own; a partner only its organisation\'s', async () => {
      const made = await item({ name: '旧名称' });
      const edited = await ctx.api.as('何志刚', 'PUT', `/services/${made.id}`, { communityId: 2, family: 'venue', name: '新名称', place: '二楼会议室' });
      expect(edited.body).toMatchObject({ name: '新名称', family: 'venue', place: '二楼会议室', eligibilityText: '本社区居民' });
      expect((await ctx.api.as('罗老师', 'POST', '/services', { communityId: 2, family: 'culture', name: '罗老师的课', place: '活动室' })).status).toBe(403);
      const [org] = await sql<{ id: number }>("SELECT id FROM organisations WHERE name = '红卫路街道社区服务中心'");
      const own = await ctx.api.as('罗老师', 'POST', '/services', { communityId: 2, family: 'culture', name: '罗老师的课', place: '活动室', organisationId: Number(org.id) });
      expect(own.status).toBe(201);
      expect(own.body.provider).toEqual({ kind: 'organisation', organisationId: Number(org.id), name: '红卫路街道社区服务中心' });
      expect((await ctx.api.as('何志刚', 'GET', `/services/${made.id}/schedule`)).body).toMatchObject({ serviceId: made.id, weekly: [] });
    });

    it('a local day\'s roster of an item as CSV and xlsx: every slot of the community\'s day, the slot\'s time first, no ledger data', async () => {
      ctx.clock.set(new Date(local('2026-11-23', '10:00')));
      const { id } = await item({ name: '日名单讲座' });
      // 07:00 on the 25th in the district is 23:00 UTC on the 24th: it belongs to the 25th, the community's day.
      const early = await slot(id, local('2026-11-25', '07:00'), local('2026-11-25', '08:00'), 2);
      const afternoon = await slot(id, local('2026-11-25', '14:00'), local('2026-11-25', '15:00'), 1);
      const nextDay = await slot(id, local('2026-11-26', '09:00'), local('2026-11-26', '10:00'), 5);
      expect(local('2026-11-25', '07:00')).toBe('2026-11-24T23:00:00.000Z');
      for (const [who, slotId] of [['刘桂芳', early.id], ['陈志强', early.id], ['韩磊', afternoon.id], ['梁文静', nextDay.id]] as const) expect((await book(who, { slotId })).status).toBe(201);
      expect((await book('罗敏', { slotId: afternoon.id, join: 'waitlist' })).body.status).toBe('waiting');

      const csv = await ctx.api.as('何志刚', 'GET', `/exports/day-roster.csv?serviceId=${id}&date=2026-11-25`);
      expect(csv.status).toBe(200);
      // Place holders by name (陈 before 刘), then the waiting list; phones masked; 梁文静's 26th is not in it.
      expect(csv.body).toBe(
        [
          '\uFEFF时段,序号,姓名,电话,身份,状态,候补顺位,代办网格员,签到时间',
          '07:00–08:00,1,陈志强,139****2002,参加者,已预约,,,',
          '07:00–08:00,2,刘桂芳,139****2001,参加者,已预约,,,',
          '14:00–15:00,1,韩磊,139****2015,参加者,已预约,,,',
          '14:00–15:00,2,罗敏,139****2011,参加者,候补中,1,,',
          '',
        ].join('\r\n'),
      );
      expect(csv.body).not.toMatch(/1948|1984|2016|陈小雨/);
      const xlsx = await ctx.api.as('何志刚', 'GET', `/exports/day-roster.xlsx?serviceId=${id}&date=2026-11-25`);
      expect(xlsx.status).toBe(200);
      expect((xlsx.body as Buffer).subarray(0, 2).toString()).toBe('PK');
      const empty = await ctx.api.as('何志刚', 'GET', `/exports/day-roster.csv?serviceId=${id}&date=2026-11-27`);
      expect(empty.body).toBe('\uFEFF时段,序号,姓名,电话,身份,状态,候补顺位,代办网格员,签到时间\r\n');
      const [logged] = await sql<{ details: string }>("SELECT details FROM audit_log WHERE action = 'export' AND targetType = 'roster' ORDER BY id DESC LIMIT 1 OFFSET 1");
      expect(JSON.parse(String(logged.details))).toMatchObject({ format: 'xlsx', serviceId: id, date: '2026-11-25', rows: 4 });

      expect((await ctx.api.as('罗老师', 'GET', `/exports/day-roster.csv?serviceId=${id}&date=2026-11-25`)).status).toBe(404);
      expect((await ctx.api.as('刘桂芳', 'GET', `/exports/day-roster.csv?serviceId=${id}&date=2026-11-25`)).status).toBe(403);
      const bad = await ctx.api.as('何志刚', 'GET', `/exports/day-roster.csv?serviceId=${id}&date=2026-11-31`);
      expect([bad.status, bad.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    });

    it('爱心银行: the committee sets the rate an item takes hours at; its provider edits the item but not the rate', async () => {
      const [org] = await sql<{ id: number }>("SELECT id FROM organisations WHERE name = '红卫路街道社区服务中心'");
      const base = { communityId: 2, family: 'living', name: '家电清洗', place: '社区服务中心', organisationId: Number(org.id) };
      const priced = await ctx.api.as('罗老师', 'POST', '/services', { ...base, hoursPrice: 30 });
      expect([priced.status, priced.body.code]).toEqual([403, 'FORBIDDEN']);
      const made = await ctx.api.as('罗老师', 'POST', '/services', base);
      expect(made.body.hoursPrice).toBeNull();
      const set = await ctx.api.as('何志刚', 'PUT', `/services/${made.body.id}`, { ...base, hoursPrice: 90 });
      expect([set.status, set.body.hoursPrice]).toEqual([200, 90]);
      // The provider edits the rest: the rate left out or sent unchanged stays; a new one is refused.
      expect((await ctx.api.as('罗老师', 'PUT', `/services/${made.body.id}`, { ...base, place: '社区服务中心一楼' })).body).toMatchObject({ place: '社区服务中心一楼', hoursPrice: 90 });
      expect((await ctx.api.as('罗老师', 'PUT', `/services/${made.body.id}`, { ...base, hoursPrice: 90 })).status).toBe(200);
      const changed = await ctx.api.as('罗老师', 'PUT', `/services/${made.body.id}`, { ...base, hoursPrice: null });
      expect([changed.status, changed.body.message]).toEqual([403, '志愿时长兑换由社区居委会设定，服务单位不能修改；如需调整请联系社区居委会']);
      const tooMuch = await ctx.api.as('何志刚', 'PUT', `/services/${made.body.id}`, { ...base, hoursPrice: 6001 });
      expect([tooMuch.status, tooMuch.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect((await ctx.api.as('何志刚', 'GET', `/services/${made.body.id}`)).body.hoursPrice).toBe(90);
    });

    it('units: garden plots claimed for a season — a period is the slot, its plots the places, one claim one plot', async () => {
      ctx.clock.set(new Date(local('2026-11-23', '10:00')));
      const { id } = await item({ family: 'venue', name: '开心菜园地块', mode: 'units', advanceDays: 30, perPersonLimit: 1, perHouseholdLimit: 1 });
      expect((await ctx.api.as('刘桂芳', 'GET', `/services/${id}`)).body).toMatchObject({ mode: 'units' });
      // The winter season: 1 December to 28 February, stored as [00:00 of the first day, 00:00 after the last).
      const season = await slot(id, local('2026-12-01', '00:00'), local('2027-03-01', '00:00'), 2);
      expect(season).toMatchObject({ date: '2026-12-01', capacity: 2, placesLeft: 2 });
      const tooLong = await ctx.api.as('何志刚', 'POST', `/services/${id}/slots`, { startsAt: local('2026-12-01', '00:00'), endsAt: local('2027-12-03', '00:00'), capacity: 2 });
      expect([tooLong.status, tooLong.body.message]).toEqual([422, '一个认领周期最长一年，请缩短后再试']);
      expect((await book('刘桂芳', { slotId: season.id })).status).toBe(201);
      expect((await book('韩磊', { slotId: season.id })).status).toBe(201);
      const none = await book('罗敏', { slotId: season.id });
      expect([none.status, none.body.code]).toEqual([409, 'SLOT_FULL']);
      const roster = await ctx.api.as('何志刚', 'GET', `/slots/${season.id}/roster`);
      expect(roster.body.service).toMatchObject({ name: '开心菜园地块', mode: 'units' });
      expect(roster.body.entries.map((e: { name: string }) => e.name)).toEqual(['韩磊', '刘桂芳']);
      const mine = await ctx.api.as('刘桂芳', 'GET', '/bookings?scope=mine&when=upcoming');
      expect(mine.body.items.find((b: { service: { id: number } }) => b.service.id === id).service.mode).toBe('units');
      const switched = await ctx.api.as('何志刚', 'PUT', `/services/${id}`, { communityId: 2, family: 'venue', name: '开心菜园地块', place: '钢花村社区活动室', mode: 'slots' });
      expect([switched.status, switched.body.message]).toEqual([400, '预约方式建好后不能更改；如需按期认领（或按时段预约），请新建服务项目']);
    });

    it('停用: an item switched off leaves the catalogue and takes no new bookings (SERVICE_INACTIVE); bookings made stay; on again restores it', async () => {
      ctx.clock.set(new Date(local('2026-11-23', '10:00')));
      const { id } = await item({ name: '停用测试课' });
      const a = await slot(id, local('2026-11-26', '09:00'), local('2026-11-26', '10:00'), 30);
      const kept = await book('刘桂芳', { slotId: a.id });
      expect(kept.status).toBe(201);
      const off = await ctx.api.as('何志刚', 'PUT', `/services/${id}/active`, { active: false });
      expect(off.body).toMatchObject({ id, active: false, canBook: false });
      expect((await ctx.api.as('何志刚', 'PUT', `/services/${id}/active`, { active: false })).status).toBe(200); // twice is once
      const [n] = await sql<{ n: number }>("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'edit' AND targetType = 'service_item' AND targetIds LIKE ?", [`%${id}%`]);
      expect(Number(n.n)).toBe(1);
      const catalogue = await ctx.api.as('陈志强', 'GET', '/services?communityId=2');
      expect(catalogue.body.map((i: { id: number }) => i.id)).not.toContain(id);
      expect((await ctx.api.as('陈志强', 'GET', `/services/${id}`)).status).toBe(404);
      const refused = await book('陈志强', { slotId: a.id });
      expect([refused.status, refused.body.code, refused.body.message]).toEqual([409, 'SERVICE_INACTIVE', '该服务已停用，暂不接受新的预约（已有的预约不受影响），请选择其他服务']);
      expect((await book('陈志强', { slotId: a.id, join: 'waitlist' })).body.code).toBe('SERVICE_INACTIVE');
      expect((await ctx.api.as('刘桂芳', 'GET', `/bookings/${kept.body.id}`)).body.status).toBe('booked');
      expect((await ctx.api.as('何志刚', 'GET', `/slots/${a.id}/roster`)).body.entries.map((e: { name: string }) => e.name)).toEqual(['刘桂芳']);
      expect((await ctx.api.as('罗老师', 'PUT', `/services/${id}/active`, { active: true })).status).toBe(404);
      expect((await ctx.api.as('何志刚', 'PUT', `/services/${id}/active`, { active: 'no' })).status).toBe(400);

      const on = await ctx.api.as('何志刚', 'PUT', `/services/${id}/active`, { active: true });
      expect(on.body.active).toBe(true);
      expect((await ctx.api.as('陈志强', 'GET', '/services?communityId=2')).body.map((i: { id: number }) => i.id)).toContain(id);
      expect((await book('陈志强', { slotId: a.id })).status).toBe(201);

      // Bookings racing the switch: each is made before it or refused after it; places match rows.
      const racers = ['韩磊', '罗敏', '梁文静', '胡建平', '林海', '梁文静'];
      const answers = await Promise.all([
        ...racers.slice(0, 3).map((who) => book(who, { slotId: a.id })),
        ctx.api.as('何志刚', 'PUT', `/services/${id}/active`, { active: false }),
        ...racers.slice(3).map((who) => book(who, { slotId: a.id })),
      ]);
      const bookings = answers.filter((_, i) => i !== 3);
      expect(answers[3].status).toBe(200);
      // (梁文静 twice: her second copy may also meet her first, ALREADY_BOOKED.)
      for (const r of bookings) expect([201, 'SERVICE_INACTIVE', 'ALREADY_BOOKED']).toContain(r.status === 201 ? 201 : r.body.code);
      expect((await book('高振华', { slotId: a.id })).body.code).toBe('SERVICE_INACTIVE');
      const counts = await slotCounts(a.id);
      expect(counts.taken).toBe(counts.rows);
      expect(counts.rows).toBe(2 + bookings.filter((r) => r.status === 201).length);
    });

    it('调整时间 across days: within the booking window, not into the past, not onto a closed day; everyone booked is told from when to when', async () => {
      ctx.clock.set(new Date(local('2026-11-23', '10:00')));
      const { id } = await item({ name: '跨日调整讲座', advanceDays: 7 });
      const s = await slot(id, local('2026-11-25', '09:00'), local('2026-11-25', '10:00'), 5);
      const a = await book('刘桂芳', { slotId: s.id });
      const b = await book('陈志强', { slotId: s.id });
      const closedDay = await ctx.api.as('何志刚', 'POST', `/services/${id}/closures`, { date: '2026-11-28', reason: '活动室粉刷' });
      expect(closedDay.status).toBe(200);
      const move = (startsAt: string, endsAt: string) => ctx.api.as('何志刚', 'POST', `/slots/${s.id}/move`, { startsAt, endsAt, reason: '讲师改期' });

      const ontoClosed = await move(local('2026-11-28', '09:00'), local('2026-11-28', '10:00'));
      expect([ontoClosed.status, ontoClosed.body.code, ontoClosed.body.message]).toEqual([422, 'DAY_CLOSED', '2026-11-28已停止服务（活动室粉刷），不能把时段调整到这一天，请选择其他日期']);
      const beyond = await move(local('2026-12-01', '09:00'), local('2026-12-01', '10:00'));
      expect([beyond.status, beyond.body.code, beyond.body.message]).toEqual([422, 'OUTSIDE_BOOKING_WINDOW', '只能调整到预约开放的日子（2026-11-30及以前），请选择更早的日期']);
      const past = await move(local('2026-11-22', '09:00'), local('2026-11-22', '10:00'));
      expect([past.status, past.body.code]).toEqual([422, 'SLOT_TIMES_INVALID']);
      expect((await inbox('刘桂芳', 'booking_moved')).filter((x) => x.bookingId === a.body.id)).toEqual([]);

      // The last day of the window, 7 days from today, is allowed.
      const moved = await move(local('2026-11-30', '14:00'), local('2026-11-30', '15:00'));
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({ date: '2026-11-30', startsAt: local('2026-11-30', '14:00'), movedAt: local('2026-11-23', '10:00') });
      for (const [who, bookingId] of [['刘桂芳', a.body.id], ['陈志强', b.body.id]] as const) {
        const notice = (await inbox(who, 'booking_moved')).filter((x) => x.bookingId === bookingId);
        expect(notice.map((x) => x.body)).toEqual(['跨日调整讲座 11月30日 14:00：原定11月25日 09:00。讲师改期。可保留新时间，或免责取消']);
      }
      expect((await ctx.api.as('刘桂芳', 'GET', `/services/${id}/slots?from=2026-11-25&to=2026-11-25`)).body).toEqual([]);
      expect((await ctx.api.as('刘桂芳', 'GET', `/services/${id}/slots?from=2026-11-30&to=2026-11-30`)).body.map((x: { id: number }) => x.id)).toEqual([s.id]);
      expect((await ctx.api.as('刘桂芳', 'GET', `/bookings/${a.body.id}`)).body).toMatchObject({ slot: { date: '2026-11-30' }, cancelUntil: local('2026-11-30', '14:00') });
      // Closing the new day now closes the moved slot and cancels its bookings.
      const close = await ctx.api.as('何志刚', 'POST', `/services/${id}/closures`, { date: '2026-11-30', reason: '停电检修' });
      expect(close.body).toMatchObject({ closedSlots: 1, cancelledBookings: 2 });
    });
  });
}
