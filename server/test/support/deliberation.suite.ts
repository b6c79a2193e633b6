import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TOPIC_STATUSES, addLocalDays, localDate, startOfLocalDay, type UploadedFile } from '@linli/shared';
import { BookingSweeper } from '../../src/bookings/booking-sweeper.service.js';
import { HouseholdBinding } from '../../src/bindings/entities/household-binding.entity.js';
import { DeliberationSweeper } from '../../src/deliberation/deliberation-sweeper.service.js';
import { ContentHold } from '../../src/content-security/content-hold.entity.js';
import { Ballot, Topic } from '../../src/deliberation/entities/deliberation.entities.js';
import { HouseholdMember } from '../../src/ledger/entities/household-member.entity.js';
import { Household } from '../../src/places/entities/places.entities.js';
import { RoleAssignment, User } from '../../src/users/entities/users.entities.js';
import { DELIBERATION_OWNERS as O } from '../../src/seed/deliberation-seed.js';
import { PNG } from './ticket-loop.suite.js';
import { startSeededApp, type Dialect } from './test-app.js';

const DAY_MIN = 24 * 60;

/**
 * 议事 end to end over HTTP, against a real database of the given dialect.
 * Demo: 钢花村11栋 has 24 flats, each with one bound owner (DELIBERATION_OWNERS, in the order 1单元101,
 * 1单元102, 1单元201 … 1单元602, 2单元101 … 2单元602) and its area: 1单元 x01 89.50 m², x02 120.30 m²;
 * 2单元 x01 75.20 m², x02 98.60 m²; 2301.60 m² in all. 何志刚 is 钢花村's committee, 郑芳 its grid worker,
 * 张桂兰 a resident of 钢花村 outside the building, 王秀英 a resident of 青和居.
 */
export function deliberationSuite(dialect: Dialect): void {
  describe(`deliberation on ${dialect}`, () => {
    let ctx: Awaited<ReturnType<typeof startSeededApp>>;
    let buildingId: number;
    let gridId: number;
    beforeAll(async () => {
      ctx = await startSeededApp(dialect);
      const buildings = await ctx.api.as('何志刚', 'GET', '/places/buildings?communityId=2');
      const building = buildings.body.find((b: { name: string }) => b.name === '钢花村11栋');
      buildingId = building.id;
      gridId = building.gridId;
    });
    afterAll(async () => {
      await ctx?.close();
    });

    const propose = async (who: string, body: Record<string, unknown> = {}) => {
      const r = await ctx.api.as(who, 'POST', '/topics', { title: '更换11栋单元门禁', description: '单元门禁经常失灵，陌生人随意进出，建议整体更换为刷卡门禁', scope: 'building', buildingIds: [buildingId], ...body });
      expect(r.status).toBe(201);
      return r.body;
    };
    const post = (who: string, path: string, body?: unknown) => ctx.api.as(who, 'POST', path, body);
    const vote = (who: string, voteId: number, choice: string, householdId?: number) => ctx.api.as(who, 'PUT', `/votes/${voteId}/ballot`, { choice, householdId });
    const days = (n: number) => ctx.clock.advanceMinutes(n * DAY_MIN + 1);
    const sweep = () => ctx.app.get(DeliberationSweeper).run();
    const inbox = async (who: string, type: string) => {
      const r = await ctx.api.as(who, 'GET', '/notifications?pageSize=100');
      return (r.body.items as { type: string; topicId: number | null }[]).filter((n) => n.type === type);
    };
    const uploadPhoto = async (who: string) => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(PNG)], { type: 'image/png' }), 'ballot.png');
      const r = await ctx.api.upload(who, form);
      expect(r.status).toBe(201);
      return r.body as UploadedFile;
    };
    /** A topic accepted by the committee, with a plan on notice past its 7 days. */
    const readyToVote = async (body: Record<string, unknown> = {}) => {
      const t = await propose('郑芳', { title: '11栋加装电梯', description: '11栋多为老年住户，上下楼困难，建议加装电梯', ...body });
      expect(t.status).toBe('submitted');
      expect((await post('何志刚', `/topics/${t.id}/accept`, { priority: 'normal' })).status).toBe(200);
      expect((await post('何志刚', `/topics/${t.id}/plans`, { title: '加装电梯方案', body: '每单元加装一部电梯，费用按楼层分摊，低层少摊。' })).status).toBe(200);
      days(7);
      return t;
    };

    let topicId: number;

    it('seeds 钢花村11栋 with topics in every stage, a running secret vote showing its turnout only', async () => {
      const list = await ctx.api.as('何志刚', 'GET', '/topics?communityId=2&pageSize=100');
      expect(new Set(list.body.items.map((t: { status: string }) => t.status))).toEqual(new Set(TOPIC_STATUSES));
      const voting = list.body.items.find((t: { status: string }) => t.status === 'voting');
      const detail = await ctx.api.as(O[0], 'GET', `/topics/${voting.id}`);
      expect(detail.body.votes).toMatchObject([{ status: 'open', secret: true, roll: { households: 24, area: 2301.6 }, turnout: { households: 10 }, result: null }]);
      const done = list.body.items.find((t: { status: string }) => t.status === 'done');
      expect((await ctx.api.as(O[0], 'GET', `/topics/${done.id}`)).body.ratings).toEqual({ satisfied: 2, basically_satisfied: 1, unsatisfied: 1, satisfactionRate: 0.75 });
    });

    it('takes a resident proposal through co-signing to the committee: once per household, in scope only', async () => {
      const t = await propose(O[0]);
      topicId = t.id;
      // 24 households: a tenth rounded up is 3, and at least 3; the proposer's household counts.
      expect(t).toMatchObject({ status: 'seconding', cosigns: 1, threshold: 3, proposerRole: 'resident', scope: { kind: 'building', households: 24, buildings: [{ id: buildingId, name: '钢花村11栋' }] } });
      expect(t.allowedActions).toEqual(['withdraw']);

      const again = await post(O[0], `/topics/${t.id}/cosign`);
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('ALREADY_COSIGNED');
      expect((await post('张桂兰', `/topics/${t.id}/cosign`)).status).toBe(403);
      expect((await ctx.api.as('王秀英', 'GET', `/topics/${t.id}`)).status).toBe(404);

      const second = await post(O[1], `/topics/${t.id}/cosign`);
      expect(second.body).toMatchObject({ status: 'seconding', cosigns: 2, myCosign: true });
      const third = await post(O[2], `/topics/${t.id}/cosign`);
      expect(third.body).toMatchObject({ status: 'submitted', cosigns: 3 });
      expect(third.body.timeline.map((e: { type: string }) => e.type)).toEqual(['proposed', 'cosign', 'cosign', 'second']);
      expect((await inbox('何志刚', 'topic_submitted')).some((n) => n.topicId === t.id)).toBe(true);

      const late = await post(O[3], `/topics/${t.id}/cosign`);
      expect(late.status).toBe(409);
      expect(late.body.code).toBe('TOPIC_INVALID_STATE');
    });

    it('counts co-signs pressed at the same moment, and sends the topic to the committee once', async () => {
      const t = await propose(O[16], { title: '单元门口加装雨棚', description: '单元门口没有雨棚，下雨天进出很不方便' });
      const replies = await Promise.all([O[17], O[18], O[19]].map((name) => post(name, `/topics/${t.id}/cosign`)));
      // The proposer's household and two more reach the threshold of 3; the third press finds it submitted.
      expect(replies.map((r) => r.status).sort()).toEqual([200, 200, 409]);
      expect(replies.find((r) => r.status === 409)!.body.code).toBe('TOPIC_INVALID_STATE');
      const after = await ctx.api.as('何志刚', 'GET', `/topics/${t.id}`);
      expect(after.body).toMatchObject({ status: 'submitted', cosigns: 3 });
      expect(after.body.timeline.filter((e: { type: string }) => e.type === 'second')).toHaveLength(1);
      expect(after.body.timeline.filter((e: { type: string }) => e.type === 'cosign')).toHaveLength(2);
    });

    it('recognises a phone resending a proposal or a comment (Idempotency-Key)', async () => {
      const body = { title: '楼下增设快递柜', description: '快递经常丢在门口，建议在楼下增设快递柜', scope: 'building', buildingIds: [buildingId] };
      const key = { 'Idempotency-Key': 'topic-resend-0001' };
      const [a, b] = await Promise.all([ctx.api.as(O[21], 'POST', '/topics', body, key), ctx.api.as(O[21], 'POST', '/topics', body, key)]);
      expect([a.status, b.status]).toEqual([201, 201]);
      expect(a.body.id).toBe(b.body.id);
      const again = await ctx.api.as(O[21], 'POST', '/topics', body, key);
      expect(again.body.id).toBe(a.body.id);
      const other = await ctx.api.as(O[21], 'POST', '/topics', { ...body, title: '楼下增设智能快递柜' }, key);
      expect(other).toMatchObject({ status: 422, body: { code: 'IDEMPOTENCY_KEY_REUSED' } });
      const mine = await ctx.api.as(O[21], 'GET', '/topics?status=seconding&pageSize=100');
      expect(mine.body.items.filter((t: { title: string }) => t.title === body.title)).toHaveLength(1);
    });

    it('refuses a step by the wrong role and from the wrong stage', async () => {
      const byResident = await post(O[1], `/topics/${topicId}/accept`, { priority: 'urgent' });
      expect(byResident.status).toBe(403);
      const byOtherCommittee = await post('黄丽华', `/topics/${topicId}/accept`, { priority: 'urgent' });
      expect(byOtherCommittee.status).toBe(404);
      const early = await post('何志刚', `/topics/${topicId}/votes`, { rule: 'unanimity', secret: true, closesAt: new Date(ctx.clock.now().getTime() + 86_400_000).toISOString() });
      expect(early.status).toBe(409);
      expect(early.body.code).toBe('TOPIC_INVALID_STATE');
      const accepted = await post('何志刚', `/topics/${topicId}/accept`, { priority: 'urgent' });
      expect(accepted.body).toMatchObject({ status: 'discussion', priority: 'urgent', canComment: true });
      expect((await post('何志刚', `/topics/${topicId}/accept`, { priority: 'urgent' })).body.code).toBe('TOPIC_INVALID_STATE');
    });

    it('takes comments from residents in scope and the four parties, and the committee answers them', async () => {
      const resident = await post(O[4], `/topics/${topicId}/comments`, { body: '我家老人经常被门禁卡住，电话13900010005' });
      expect(resident.status).toBe(200);
      expect((await post('张桂兰', `/topics/${topicId}/comments`, { body: '我也想说两句' })).status).toBe(403);
      const property = await post('马师傅', `/topics/${topicId}/comments`, { body: '物业可以配合安装' });
      // 叶永平 (2单元501) sits on the owners' committee: he speaks as 业委会.
      await post(O[20], `/topics/${topicId}/comments`, { body: '业委会支持更换，建议公开招标' });
      const first = resident.body.comments[0];
      const reply = await post('何志刚', `/topics/${topicId}/comments`, { body: '已记录，会纳入方案', replyToId: first.id });
      expect(reply.body.comments.map((c: { party: string }) => c.party)).toEqual(['resident', 'property_company', 'owners_committee', 'committee']);
      expect(reply.body.comments[3].replyToId).toBe(first.id);
      expect(property.status).toBe(200);
      // A neighbour reads the author's name and phone masked; staff read them as written.
      const neighbour = await ctx.api.as(O[6], 'GET', `/topics/${topicId}`);
      expect(neighbour.body.comments[0]).toMatchObject({ author: '韩*', body: '我家老人经常被门禁卡住，电话*********05' });
      expect(reply.body.comments[0]).toMatchObject({ author: O[4], body: '我家老人经常被门禁卡住，电话13900010005' });
      const resend = { 'Idempotency-Key': 'comment-resend-0001' };
      const [c1, c2] = await Promise.all([1, 2].map(() => ctx.api.as(O[8], 'POST', `/topics/${topicId}/comments`, { body: '同意更换门禁' }, resend)));
      expect([c1.status, c2.status]).toEqual([200, 200]);
      expect(c2.body.comments.filter((c: { body: string }) => c.body === '同意更换门禁')).toHaveLength(1);
      const unknown = await post('何志刚', `/topics/${topicId}/comments`, { body: '回复', replyToId: 999999 });
      expect(unknown.body.code).toBe('UNKNOWN_COMMENT');
    });

    it('holds a meeting: registration up to capacity, then a waiting list that moves up, a reminder the day before, attendance and minutes', async () => {
      const start = new Date(ctx.clock.now().getTime() + 2 * 86_400_000);
      const meeting = (startsAt: Date) => ({ title: '门禁更换恳谈会', startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 2 * 3_600_000).toISOString(), place: '钢花村社区活动室', capacity: 2, standingMembers: ['居委会', '业委会', '物业公司', '社会组织'] });
      const past = await post('何志刚', `/topics/${topicId}/meetings`, meeting(new Date(ctx.clock.now().getTime() - 3_600_000)));
      expect(past.body.code).toBe('MEETING_TIMES_INVALID');
      expect((await post(O[4], `/topics/${topicId}/meetings`, meeting(start))).status).toBe(403);
      const m = await post('何志刚', `/topics/${topicId}/meetings`, meeting(start));
      expect(m.body).toMatchObject({ capacity: 2, registered: 0, waiting: 0, standingMembers: ['居委会', '业委会', '物业公司', '社会组织'], attendees: [] });
      const id = m.body.id;
      expect((await post(O[4], `/meetings/${id}/registration`)).body.myRegistration).toEqual({ status: 'registered', position: null });
      expect((await post(O[5], `/meetings/${id}/registration`)).body.myRegistration).toEqual({ status: 'registered', position: null });
      expect((await post(O[6], `/meetings/${id}/registration`)).body.myRegistration).toEqual({ status: 'waiting', position: 1 });
      expect((await post(O[7], `/meetings/${id}/registration`)).body).toMatchObject({ registered: 2, waiting: 2, myRegistration: { status: 'waiting', position: 2 }, attendees: null });
      expect((await post(O[4], `/meetings/${id}/registration`)).body).toMatchObject({ registered: 2, waiting: 2 });
      expect((await post('张桂兰', `/meetings/${id}/registration`)).status).toBe(403);

      const cancelled = await ctx.api.as(O[5], 'DELETE', `/meetings/${id}/registration`);
      expect(cancelled.body).toMatchObject({ registered: 2, waiting: 1, myRegistration: null });
      expect((await ctx.api.as(O[6], 'GET', `/meetings/${id}`)).body.myRegistration).toEqual({ status: 'registered', position: null });
      expect((await ctx.api.as(O[7], 'GET', `/meetings/${id}`)).body.myRegistration).toEqual({ status: 'waiting', position: 1 });
      expect((await inbox(O[6], 'meeting_promoted')).length).toBe(1);
      expect((await ctx.api.as(O[5], 'DELETE', `/meetings/${id}/registration`)).status).toBe(404);
      expect((await post('何志刚', `/meetings/${id}/attendance`, { attendedUserIds: [] })).body.code).toBe('MEETING_NOT_STARTED');

      // The reminder goes at 09:00 local the day before: not yet today (10:00, two days ahead), then once.
      expect((await sweep()).remindersSent).toBe(0);
      days(1);
      expect((await sweep()).remindersSent).toBe(1);
      expect((await sweep()).remindersSent).toBe(0);
      expect((await inbox(O[4], 'meeting_reminder')).length).toBe(1);
      expect((await inbox(O[6], 'meeting_reminder')).length).toBe(1);
      expect((await inbox(O[7], 'meeting_reminder')).length).toBe(0);

      days(1);
      expect((await post(O[7], `/meetings/${id}/registration`)).body.code).toBe('MEETING_STARTED');
      const taken = await post('何志刚', `/meetings/${id}/attendance`, { attendedUserIds: [ctx.api.userId(O[4])] });
      expect(taken.body).toMatchObject({ attendance: 1 });
      expect(taken.body.attendees.map((a: { name: string; status: string }) => `${a.name} ${a.status}`)).toEqual([`${O[4]} attended`, `${O[6]} absent`, `${O[7]} waiting`]);
      const minutes = await post('何志刚', `/meetings/${id}/minutes`, { minutes: '与会各方同意更换刷卡门禁，由居委会拟定方案后公示。' });
      expect(minutes.body.minutesPublishedAt).toEqual(ctx.clock.now().toISOString());
      const topic = await ctx.api.as(O[9], 'GET', `/topics/${topicId}`);
      expect(topic.body.meetings).toMatchObject([{ id, minutes: '与会各方同意更换刷卡门禁，由居委会拟定方案后公示。', attendees: null }]);
    });

    it('holds a 预约 venue for a meeting: its own slot closed to bookings, a clash is 409, moving and cancelling move and free it', async () => {
      await ctx.app.get(BookingSweeper).run();
      const venues = await ctx.api.as('何志刚', 'GET', '/services?communityId=2&family=venue');
      const hall = venues.body.find((v: { name: string }) => v.name === '议事厅使用预约');
      const t = await propose('郑芳', { title: '议事厅里商议楼道照明', description: '楼道灯坏了很久，想请物业和业委会一起到议事厅商议更换' });
      expect(t.status).toBe('submitted');
      // Local days three, four and five days on; the hall's weekly slots are at 19:00, so 9:00–18:00 is free.
      const day = (n: number) => addLocalDays(localDate(ctx.clock.now(), 480), n);
      const at = (d: string, hour: number) => new Date(startOfLocalDay(d, 480).getTime() + hour * 3_600_000).toISOString();
      const meeting = (d: string, from: number, to: number, extra: Record<string, unknown> = {}) => ({ title: '楼道照明恳谈会', startsAt: at(d, from), endsAt: at(d, to), venueId: hall.id, capacity: 20, standingMembers: ['居委会', '业委会', '物业公司'], ...extra });
      const slotsOf = async (d: string) => (await ctx.api.as('何志刚', 'GET', `/services/${hall.id}/slots?from=${d}&to=${d}`)).body as { id: number; startsAt: string; closed: boolean; closedReason: string | null }[];
      const [d3, d4, d5] = [day(3), day(4), day(5)];

      expect((await post('何志刚', `/topics/${t.id}/meetings`, { ...meeting(d3, 14, 16), venueId: null })).body.code).toBe('MEETING_PLACE_REQUIRED');
      expect((await post('何志刚', `/topics/${t.id}/meetings`, meeting(d3, 14, 16, { venueId: 999999 }))).body.code).toBe('UNKNOWN_VENUE');
      // A service of another family is not a venue.
      const notVenue = (await ctx.api.as('何志刚', 'GET', '/services?communityId=2&family=care')).body[0];
      expect((await post('何志刚', `/topics/${t.id}/meetings`, meeting(d3, 14, 16, { venueId: notVenue.id }))).body.code).toBe('UNKNOWN_VENUE');

      // 14:00–16:00 on d3: no slot there, so one is made for it, closed to bookings.
      const a = await post('何志刚', `/topics/${t.id}/meetings`, meeting(d3, 14, 16));
      expect(a.status).toBe(200);
      expect(a.body).toMatchObject({ venue: { id: hall.id, name: '议事厅使用预约' }, place: '钢花村社区议事厅', cancelledAt: null });
      const held = (await slotsOf(d3)).find((s) => s.startsAt === at(d3, 14))!;
      expect(held).toMatchObject({ closed: true, closedReason: '恳谈会：楼道照明恳谈会' });
      expect((await ctx.api.as(O[10], 'POST', '/bookings', { slotId: held.id })).body.code).toBe('SLOT_CLOSED');
      expect((await post('何志刚', `/services/${hall.id}/slots`, { startsAt: at(d3, 15), endsAt: at(d3, 17), capacity: 5 })).body.code).toBe('SLOT_HELD');
      const clash = await post('何志刚', `/topics/${t.id}/meetings`, meeting(d3, 15, 17));
      expect([clash.status, clash.body.code]).toEqual([409, 'VENUE_TAKEN']);

      // d4's 17:00 slot has a resident's booking: a clash. d5's is free: the meeting takes it over (and no slot is made).
      const addSlot = async (d: string) => (await post('何志刚', `/services/${hall.id}/slots`, { startsAt: at(d, 17), endsAt: at(d, 18), capacity: 1 })).body.id as number;
      expect((await ctx.api.as(O[10], 'POST', '/bookings', { slotId: await addSlot(d4) })).status).toBe(201);
      const booked = await post('何志刚', `/topics/${t.id}/meetings`, meeting(d4, 17.5, 18.5));
      expect([booked.status, booked.body.code]).toEqual([409, 'VENUE_TAKEN']);
      await addSlot(d5);
      const b = await post('何志刚', `/topics/${t.id}/meetings`, meeting(d5, 17, 18));
      expect(b.status).toBe(200);
      const evening5 = (await slotsOf(d5)).filter((s) => s.startsAt === at(d5, 17));
      expect(evening5).toMatchObject([{ capacity: 1, closed: true, closedReason: '恳谈会：楼道照明恳谈会' }]);

      // A closed day of the venue refuses a meeting on it.
      expect((await post('何志刚', `/services/${hall.id}/closures`, { date: day(6), reason: '议事厅检修' })).status).toBe(200);
      const shut = await post('何志刚', `/topics/${t.id}/meetings`, meeting(day(6), 9, 11));
      expect([shut.status, shut.body.code]).toEqual([409, 'VENUE_CLOSED']);

      // Moving a: the hold moves (14:00 freed, 9:00 held); onto b's evening it is a clash and nothing changes.
      expect((await post(O[4], `/meetings/${a.body.id}/registration`)).status).toBe(200);
      const onto = await post('何志刚', `/meetings/${a.body.id}/move`, { startsAt: at(d5, 16), endsAt: at(d5, 17.5), reason: '与其他会议冲突' });
      expect([onto.status, onto.body.code]).toEqual([409, 'VENUE_TAKEN']);
      expect((await slotsOf(d3)).filter((s) => s.startsAt === at(d3, 14))).toHaveLength(1);
      expect((await post(O[4], `/meetings/${a.body.id}/move`, { startsAt: at(d3, 9), endsAt: at(d3, 11), reason: '改到上午' })).status).toBe(403);
      const moved = await post('何志刚', `/meetings/${a.body.id}/move`, { startsAt: at(d3, 9), endsAt: at(d3, 11), reason: '改到上午' });
      expect(moved.body).toMatchObject({ startsAt: at(d3, 9), endsAt: at(d3, 11), venue: { id: hall.id } });
      expect((await slotsOf(d3)).filter((s) => s.closedReason === '恳谈会：楼道照明恳谈会').map((s) => s.startsAt)).toEqual([at(d3, 9)]);
      expect((await inbox(O[4], 'meeting_moved')).filter((n) => n.topicId === t.id)).toHaveLength(1);
      expect((await post('何志刚', `/services/${hall.id}/slots`, { startsAt: at(d3, 15), endsAt: at(d3, 17), capacity: 5 })).status).toBe(201);

      // Cancelling b frees d5's 17:00: the slot takes bookings again; registrations stop.
      expect((await post(O[5], `/meetings/${b.body.id}/registration`)).status).toBe(200);
      const off = await post('何志刚', `/meetings/${b.body.id}/cancel`, { reason: '问题已由物业解决' });
      expect(off.body).toMatchObject({ cancelReason: '问题已由物业解决', venue: { id: hall.id } });
      expect(off.body.cancelledAt).toEqual(ctx.clock.now().toISOString());
      expect((await slotsOf(d5)).filter((s) => s.startsAt === at(d5, 17))).toMatchObject([{ capacity: 1, placesLeft: 1, closed: false, closedReason: null }]);
      expect((await inbox(O[5], 'meeting_cancelled')).filter((n) => n.topicId === t.id)).toHaveLength(1);
      expect((await post(O[6], `/meetings/${b.body.id}/registration`)).body.code).toBe('MEETING_CANCELLED');
      expect((await post('何志刚', `/meetings/${b.body.id}/cancel`, { reason: '问题已由物业解决' })).body.code).toBe('MEETING_CANCELLED');
      const again = await post('何志刚', `/topics/${t.id}/meetings`, meeting(d5, 17, 18));
      expect(again.status).toBe(200);
      // A place as text is still a place.
      const text = await post('何志刚', `/topics/${t.id}/meetings`, { ...meeting(d3, 14, 16), venueId: null, place: '11栋楼下空地' });
      expect(text.body).toMatchObject({ place: '11栋楼下空地', venue: null });
    });

    let unanimityVoteId: number;

    it('keeps the plan on notice for 7 days before the vote opens', async () => {
      const plan = await post('何志刚', `/topics/${topicId}/plans`, { title: '更换刷卡门禁', body: '两个单元各更换一套刷卡门禁，费用由公共收益支出。' });
      expect(plan.body).toMatchObject({ status: 'notice', planVersion: 1, plans: [{ version: 1, title: '更换刷卡门禁' }] });
      const closesAt = () => new Date(ctx.clock.now().getTime() + 3 * 86_400_000).toISOString();
      const early = await post('何志刚', `/topics/${topicId}/votes`, { rule: 'unanimity', secret: true, closesAt: closesAt() });
      expect(early.status).toBe(409);
      expect(early.body.code).toBe('NOTICE_NOT_OVER');
      days(7);
      const review = await post('何志刚', `/topics/${topicId}/reviews`, { reviewer: '红卫路街道城建办', opinion: '方案可行，注意消防通道' });
      expect(review.body.reviews).toMatchObject([{ reviewer: '红卫路街道城建办', planVersion: 1 }]);
      const opened = await post('何志刚', `/topics/${topicId}/votes`, { rule: 'unanimity', secret: true, closesAt: closesAt() });
      expect(opened.status).toBe(200);
      expect(opened.body).toMatchObject({ status: 'open', rule: 'unanimity', secret: true, roll: { households: 24, heads: 24, area: 2301.6 }, turnout: { households: 0 }, result: null, myBallots: [] });
      unanimityVoteId = opened.body.id;
    });

    it('fails a unanimity vote when one household says no; ballots change until the close and never after', async () => {
      const id = unanimityVoteId;
      const changed = await vote(O[5], id, 'no');
      expect(changed.status).toBe(200);
      const receipt = changed.body.receipt;
      expect(receipt).toMatch(/^[A-Z2-9]{8}$/);
      const yes = await vote(O[5], id, 'yes');
      expect(yes.body).toMatchObject({ choice: 'yes', receipt, channel: 'app', household: '钢花村11栋1单元302' });
      for (const [i, name] of O.entries()) if (i !== 5) expect((await vote(name, id, i === 23 ? 'no' : 'yes')).status).toBe(200);
      expect((await vote('张桂兰', id, 'yes')).body.code).toBe('NOT_ON_ROLL');
      expect((await vote('王秀英', id, 'yes')).status).toBe(404);

      // Running: turnout only, for everyone, committee included.
      const running = await ctx.api.as('何志刚', 'GET', `/votes/${id}`);
      expect(running.body).toMatchObject({ turnout: { households: 24 }, result: null });
      const roll = await ctx.api.as('何志刚', 'GET', `/votes/${id}/roll`);
      expect(roll.body.entries).toHaveLength(24);
      expect(roll.body.entries.every((e: { voted: boolean; choice: unknown }) => e.voted && e.choice === null)).toBe(true);
      expect((await ctx.api.as(O[0], 'GET', `/votes/${id}/roll`)).status).toBe(403);
      expect((await ctx.api.as(O[0], 'GET', `/votes/${id}/receipts`)).body.code).toBe('VOTE_STILL_OPEN');

      // Everyone voted, so the committee may close before the closing time.
      const closed = await post('何志刚', `/votes/${id}/close`);
      expect(closed.body).toMatchObject({ status: 'closed', result: { passed: false, quorumMet: true, yes: { households: 23 }, no: { households: 1 }, abstain: { households: 0 } } });
      const after = await vote(O[23], id, 'yes');
      expect(after.status).toBe(409);
      expect(after.body.code).toBe('VOTE_CLOSED');
      expect((await post('何志刚', `/votes/${id}/close`)).body.code).toBe('VOTE_CLOSED');
      const topic = await ctx.api.as(O[0], 'GET', `/topics/${topicId}`);
      expect(topic.body.status).toBe('discussion');

      // Secret: the roll names who voted and when, never how; each receipt shows the choice counted.
      const rollAfter = await ctx.api.as('何志刚', 'GET', `/votes/${id}/roll`);
      expect(rollAfter.body.entries.every((e: { choice: unknown; castAt: string | null }) => e.choice === null && e.castAt !== null)).toBe(true);
      const receipts = await ctx.api.as(O[5], 'GET', `/votes/${id}/receipts`);
      expect(receipts.body.receipts).toHaveLength(24);
      expect(receipts.body.receipts.filter((r: { choice: string }) => r.choice === 'no')).toHaveLength(1);
      expect(receipts.body.receipts.find((r: { receipt: string }) => r.receipt === receipt)).toEqual({ receipt, choice: 'yes' });
    });

    it('passes a revised plan under civil_code_major, paper ballots and a proxy marked in the roll', async () => {
      const v2 = await post('何志刚', `/topics/${topicId}/plans`, { title: '更换刷卡门禁（修订）', body: '两个单元各更换一套刷卡门禁，保留机械钥匙开门方式，费用由公共收益支出。' });
      expect(v2.body).toMatchObject({ status: 'notice', planVersion: 2 });
      expect(v2.body.plans.map((p: { version: number }) => p.version)).toEqual([1, 2]);
      days(7);
      const closesAt = new Date(ctx.clock.now().getTime() + 2 * 86_400_000).toISOString();
      const opened = await post('何志刚', `/topics/${topicId}/votes`, { rule: 'civil_code_major', secret: false, closesAt });
      expect(opened.body).toMatchObject({ planVersion: 2, roll: { households: 24, heads: 24, area: 2301.6 } });
      const id = opened.body.id;
      // Not voting: 2单元101, 201, 301, 401 (4 × 75.20 = 300.80 m²). Taking part: 20 of 24 heads (≥ 16) and
      // 2000.80 of 2301.60 m² (≥ 1534.40). No: 1单元102 and 1单元202 (240.60 m²); abstain: 2单元102 (98.60 m²).
      // Yes: 17 of 20 heads (≥ 15) and 1661.60 of 2000.80 m² (≥ 1500.60): passed.
      const silent = new Set([12, 14, 16, 18]);
      for (const [i, name] of O.entries()) {
        if (silent.has(i) || i >= 22) continue;
        expect((await vote(name, id, i === 1 || i === 3 ? 'no' : i === 13 ? 'abstain' : 'yes')).status).toBe(200);
      }
      const households = await ctx.ds.getRepository(Household).find({ where: { buildingId }, order: { id: 'ASC' } });
      const paper = await post('何志刚', `/votes/${id}/paper-ballots`, { householdId: households[22].id, choice: 'yes', channel: 'paper', photoId: (await uploadPhoto('何志刚')).id });
      expect(paper.status).toBe(200);
      const noName = await post('何志刚', `/votes/${id}/paper-ballots`, { householdId: households[23].id, choice: 'yes', channel: 'proxy', photoId: (await uploadPhoto('何志刚')).id });
      expect(noName.body.code).toBe('VALIDATION_FAILED');
      const proxy = await post('何志刚', `/votes/${id}/paper-ballots`, { householdId: households[23].id, choice: 'yes', channel: 'proxy', photoId: (await uploadPhoto('何志刚')).id, proxyName: '钟晓明' });
      expect(proxy.body.turnout).toEqual({ households: 20, heads: 20, area: 2000.8 });
      expect((await post(O[0], `/votes/${id}/paper-ballots`, { householdId: households[12].id, choice: 'yes', channel: 'paper', photoId: 1 })).status).toBe(403);

      const early = await post('何志刚', `/votes/${id}/close`);
      expect(early.body.code).toBe('VOTE_STILL_OPEN');
      days(2);
      expect((await vote(O[12], id, 'yes')).body.code).toBe('VOTE_CLOSED');
      await sweep();
      const result = await ctx.api.as(O[0], 'GET', `/votes/${id}`);
      expect(result.body.result).toEqual({
        passed: true,
        quorumMet: true,
        cast: { households: 20, heads: 20, area: 2000.8 },
        yes: { households: 17, heads: 17, area: 1661.6 },
        no: { households: 2, heads: 2, area: 240.6 },
        abstain: { households: 1, heads: 1, area: 98.6 },
      });
      const roll = await ctx.api.as('何志刚', 'GET', `/votes/${id}/roll`);
      const entry = (i: number) => roll.body.entries.find((e: { householdId: number }) => e.householdId === households[i].id);
      expect(entry(22)).toMatchObject({ channel: 'paper', choice: 'yes', voted: true });
      expect(entry(22).photoUrl).toMatch(/^\/api\/files\//);
      expect(entry(23)).toMatchObject({ channel: 'proxy', choice: 'yes' });
      expect(entry(12)).toMatchObject({ voted: false, choice: null, castAt: null });
      expect(entry(1)).toMatchObject({ choice: 'no', owner: O[1], area: 120.3 });
      expect((await ctx.api.as(O[0], 'GET', `/topics/${topicId}`)).body.status).toBe('implementing');
    });

    it('tracks implementation to done, then residents in scope rate it once per household', async () => {
      const task = await post('何志刚', `/topics/${topicId}/tasks`, { title: '采购安装门禁', owner: '青和物业服务有限公司', dueOn: '2027-01-15' });
      expect(task.body.tasks).toMatchObject([{ title: '采购安装门禁', progress: 0, doneAt: null, overdue: false }]);
      const taskId = task.body.tasks[0].id;
      expect((await post('何志刚', `/topics/${topicId}/complete`)).body.code).toBe('TASKS_OPEN');
      expect((await post(O[0], `/topic-tasks/${taskId}/updates`, { note: '已开工', progress: 10 })).status).toBe(403);
      await post('何志刚', `/topic-tasks/${taskId}/updates`, { note: '设备已到货，开始安装', progress: 60 });
      const done = await post('何志刚', `/topic-tasks/${taskId}/updates`, { note: '两个单元门禁安装完毕', progress: 100, done: true });
      expect(done.body.tasks[0]).toMatchObject({ progress: 100, updates: [{ progress: 60 }, { progress: 100 }] });
      const completed = await post('何志刚', `/topics/${topicId}/complete`);
      expect(completed.body.status).toBe('done');
      expect((await inbox(O[7], 'topic_done')).some((n) => n.topicId === topicId)).toBe(true);

      const rated = await post(O[0], `/topics/${topicId}/rate`, { rating: 'satisfied', comment: '门禁好用了' });
      expect(rated.body).toMatchObject({ myRating: 'satisfied', ratings: { satisfied: 1, satisfactionRate: 1 } });
      await post(O[1], `/topics/${topicId}/rate`, { rating: 'unsatisfied' });
      const twice = await post(O[0], `/topics/${topicId}/rate`, { rating: 'unsatisfied' });
      expect(twice.body.code).toBe('TOPIC_ALREADY_RATED');
      expect((await post('张桂兰', `/topics/${topicId}/rate`, { rating: 'satisfied' })).status).toBe(403);

      const today = localDate(ctx.clock.now());
      const stats = await ctx.api.as('何志刚', 'GET', `/stats/deliberation?communityId=2&from=${today}&to=${today}`);
      expect(stats.body).toMatchObject({ topicsDone: 1, ratings: { satisfied: 1, basically_satisfied: 0, unsatisfied: 1, satisfactionRate: 0.5 } });
      expect((await ctx.api.as(O[0], 'GET', '/stats/deliberation?communityId=2')).status).toBe(403);
    });

    it('publishes decisions, plans, reviews and progress on the community’s board, each dated', async () => {
      const board = await ctx.api.as('张桂兰', 'GET', '/deliberation/board?communityId=2&pageSize=100');
      expect(board.status).toBe(200);
      const entries = board.body.items.filter((e: { topicId: number }) => e.topicId === topicId) as { kind: string; title: string; at: string }[];
      // Newest first; entries written at the same instant (the test clock stands still between steps) in any order.
      expect(entries.map((e) => e.at)).toEqual(entries.map((e) => e.at).sort().reverse());
      expect(entries.map((e) => `${e.kind} ${e.title}`).sort()).toEqual(
        [
          'progress 落实进展：采购安装门禁（100%）',
          'progress 落实进展：采购安装门禁（60%）',
          'minutes 会议纪要：门禁更换恳谈会',
          'decision 表决通过',
          'plan 方案公示（第2版）：更换刷卡门禁（修订）',
          'decision 表决未通过',
          'review 审查意见：红卫路街道城建办',
          'plan 方案公示（第1版）：更换刷卡门禁',
        ].sort(),
      );
      // The counts the server wrote are not masked as if they were someone's numbers.
      expect(board.body.items.find((e: { topicId: number; title: string }) => e.topicId === topicId && e.title === '表决未通过').body).toBe('同意23户，反对1户，弃权0户；参与24户，名册24户');
      expect((await ctx.api.as('王秀英', 'GET', '/deliberation/board?communityId=2')).status).toBe(404);
    });

    it('leaves a held proposal off the board until a committee member releases it', async () => {
      const t = await propose(O[12], { title: '楼下增设快递柜', description: '快递常被乱放丢失，建议增设快递柜' });
      // This suite runs without WeChat: the hold is written as content security writes one for a doubtful proposal.
      const proposer = await ctx.ds.getRepository(User).findOneByOrFail({ name: O[12] });
      const hold = await ctx.ds.getRepository(ContentHold).save({ communityId: 2, ticketId: null, userId: proposer.id, field: 'description', text: '楼下增设快递柜', reason: 'review', traceId: null, createdAt: ctx.clock.now(), releasedAt: null, releasedById: null });
      await ctx.ds.getRepository(Topic).update(t.id, { contentHoldId: hold.id });
      await post(O[13], `/topics/${t.id}/cosign`);
      await post(O[14], `/topics/${t.id}/cosign`);
      await post('何志刚', `/topics/${t.id}/accept`, { priority: 'normal' });
      await post('何志刚', `/topics/${t.id}/plans`, { title: '增设快递柜方案', body: '在楼南侧增设一组智能快递柜，由物业引入运营商' });
      const onBoard = async () => (await ctx.api.as(O[0], 'GET', '/deliberation/board?communityId=2&pageSize=100')).body.items.filter((e: { topicId: number }) => e.topicId === t.id);
      expect(await onBoard()).toEqual([]);
      expect((await post('何志刚', `/content-holds/${hold.id}/release`)).status).toBe(200);
      expect((await onBoard()).map((e: { kind: string; title: string }) => `${e.kind} ${e.title}`)).toEqual(['plan 方案公示（第1版）：增设快递柜方案']);
    });

    it('exports what a resident did in 议事 with their account (PIPL), and no one else’s ballots', async () => {
      const mine = await ctx.api.as(O[0], 'GET', '/me/export');
      const d = mine.body.deliberation;
      expect(d.topics.map((t: { id: number }) => t.id)).toContain(topicId);
      expect(d.ballots.filter((b: { voteId: number }) => b.voteId === unanimityVoteId)).toMatchObject([{ choice: 'yes' }]);
      expect(d.ratings.filter((r: { topicId: number }) => r.topicId === topicId)).toMatchObject([{ rating: 'satisfied', comment: '门禁好用了' }]);
      const committee = await ctx.api.as('何志刚', 'GET', '/me/export');
      expect(committee.body.deliberation.ballots).toEqual([]);
    });

    it('declines a staff proposal linking tickets with a public reason, and lets a proposer withdraw', async () => {
      const tickets = await ctx.api.as('何志刚', 'GET', '/tickets?scope=community&communityId=2&pageSize=2');
      const ids = tickets.body.items.map((t: { id: number }) => t.id);
      // Ticket 1 is 青和居's, not 钢花村's.
      const foreign = await ctx.api.as('何志刚', 'POST', '/topics', { title: '垃圾桶满溢问题', description: '多次报事反映垃圾桶满溢，需要统一解决', scope: 'community', ticketIds: [...ids, 1] });
      expect(foreign.status).toBe(422);
      expect(foreign.body.code).toBe('UNKNOWN_TICKET');
      const t = await propose('何志刚', { title: '垃圾桶满溢问题', description: '多次报事反映垃圾桶满溢，需要统一解决', scope: 'community', buildingIds: undefined, ticketIds: ids });
      expect(t).toMatchObject({ status: 'submitted', proposerRole: 'committee_member', scope: { kind: 'community' } });
      expect(t.tickets.map((k: { id: number }) => k.id).sort()).toEqual([...ids].sort());
      const declined = await post('何志刚', `/topics/${t.id}/decline`, { reason: '已纳入街道环卫整治计划统一解决' });
      expect(declined.body).toMatchObject({ status: 'declined', declineReason: '已纳入街道环卫整治计划统一解决' });
      const board = await ctx.api.as(O[0], 'GET', '/deliberation/board?communityId=2&pageSize=100');
      expect(board.body.items.find((e: { topicId: number }) => e.topicId === t.id)).toMatchObject({ kind: 'declined', body: '已纳入街道环卫整治计划统一解决' });

      const mine = await propose(O[9], { title: '楼道加装感应灯', description: '楼道太暗，晚上回家看不清台阶' });
      expect((await post(O[10], `/topics/${mine.id}/withdraw`)).status).toBe(403);
      expect((await post(O[9], `/topics/${mine.id}/withdraw`)).body.status).toBe('withdrawn');
      const scope = await ctx.api.as(O[9], 'POST', '/topics', { title: '楼道加装感应灯', description: '楼道太暗，晚上回家看不清台阶', scope: 'building', buildingIds: [1] });
      expect(scope.body.code).toBe('TOPIC_SCOPE_INVALID');
    });

    it('lets a proposal below the threshold lapse when its 14 days are over (the sweeper)', async () => {
      const t = await propose(O[11], { title: '楼顶安装太阳能', description: '建议在楼顶安装公共太阳能热水器' });
      days(13);
      await sweep();
      expect((await ctx.api.as(O[11], 'GET', `/topics/${t.id}`)).body.status).toBe('seconding');
      days(1);
      expect((await sweep()).lapsed).toBe(1);
      const lapsed = await ctx.api.as(O[11], 'GET', `/topics/${t.id}`);
      expect(lapsed.body).toMatchObject({ status: 'lapsed', allowedActions: [] });
      expect((await inbox(O[11], 'topic_lapsed')).some((n) => n.topicId === t.id)).toBe(true);
      expect((await sweep()).lapsed).toBe(0);
      const list = await ctx.api.as(O[11], 'GET', '/topics?status=lapsed');
      expect(list.body.items.map((i: { id: number }) => i.id)).toContain(t.id);
    });

    it('keeps one ballot when two members of a household vote at the same moment; a tenant is not on a Civil Code roll', async () => {
      // A tenant (租户) living in 1单元101 beside its owner.
      const now = ctx.clock.now();
      const households = await ctx.ds.getRepository(Household).find({ where: { buildingId }, order: { id: 'ASC' } });
      const tenant = await ctx.ds.getRepository(User).save({ name: '租户小周', phone: '13900019999', openid: null, createdAt: now });
      await ctx.ds.getRepository(RoleAssignment).insert({ userId: tenant.id, role: 'resident', districtId: null, streetId: null, communityId: 2, gridId: null, organisationId: null });
      await ctx.ds.getRepository(HouseholdBinding).insert({ userId: tenant.id, householdId: households[0].id, communityId: 2, status: 'approved', decidedById: null, decidedAt: now, reason: null, endedAt: null, endedById: null, createdAt: now });
      await ctx.ds.getRepository(HouseholdMember).insert({ householdId: households[0].id, userId: tenant.id, communityId: 2, relation: 'tenant', startedAt: now, endedAt: null, endedById: null, endReason: null, version: 1 });
      await ctx.api.loadUsers();

      const simple = await readyToVote();
      const closesAt = new Date(ctx.clock.now().getTime() + 86_400_000).toISOString();
      const v = await post('何志刚', `/topics/${simple.id}/votes`, { rule: 'simple_majority', quorum: 0.6, secret: true, closesAt });
      expect(v.body).toMatchObject({ rule: 'simple_majority', quorum: 0.6 });
      for (let round = 0; round < 5; round++) {
        const [a, b] = await Promise.all([vote(O[0], v.body.id, round % 2 ? 'yes' : 'no'), vote('租户小周', v.body.id, round % 2 ? 'no' : 'yes')]);
        expect([a.status, b.status]).toEqual([200, 200]);
        expect(a.body.receipt).toBe(b.body.receipt);
        expect(await ctx.ds.getRepository(Ballot).countBy({ voteId: v.body.id, householdId: households[0].id })).toBe(1);
      }

      const civil = await readyToVote();
      const c = await post('何志刚', `/topics/${civil.id}/votes`, { rule: 'civil_code_ordinary', secret: true, closesAt: new Date(ctx.clock.now().getTime() + 86_400_000).toISOString() });
      expect(c.status).toBe(200);
      const byTenant = await vote('租户小周', c.body.id, 'yes');
      expect(byTenant.status).toBe(422);
      expect(byTenant.body.code).toBe('NOT_ON_ROLL');
      expect((await vote(O[0], c.body.id, 'yes')).status).toBe(200);
      const again = await post('何志刚', `/topics/${civil.id}/votes`, { rule: 'civil_code_ordinary', secret: true, closesAt: new Date(ctx.clock.now().getTime() + 86_400_000).toISOString() });
      expect(again.body.code).toBe('TOPIC_INVALID_STATE');

      // A Civil Code vote is held over buildings of an estate, never a grid.
      const wide = await readyToVote({ scope: 'grid', buildingIds: undefined, gridId });
      const refused = await post('何志刚', `/topics/${wide.id}/votes`, { rule: 'civil_code_major', secret: true, closesAt: new Date(ctx.clock.now().getTime() + 86_400_000).toISOString() });
      expect(refused.body.code).toBe('VOTE_RULE_SCOPE');
    });

    it('注销 in 议事: the household’s ballot and co-sign stay counted, the comment stays under 已注销用户, places at meetings to come go to the waiting list', async () => {
      // 田翠花 (O[15], 2单元202, 98.60 m²) deletes her account; 唐振东 (O[14], 2单元201) waits behind her.
      const leaver = O[15];
      const leaverId = ctx.api.userId(leaver);
      const seconding = await propose(O[12], { title: '11栋楼道刷新', description: '楼道墙面脱落，建议重新粉刷' });
      expect((await post(leaver, `/topics/${seconding.id}/cosign`)).body).toMatchObject({ cosigns: 2 });

      const t = await propose('郑芳', { title: '11栋外墙防水', description: '外墙渗水严重，建议整体做防水' });
      expect((await post('何志刚', `/topics/${t.id}/accept`, { priority: 'normal' })).status).toBe(200);
      const startsAt = new Date(ctx.clock.now().getTime() + 10 * 86_400_000);
      const m = await post('何志刚', `/topics/${t.id}/meetings`, { title: '外墙防水恳谈会', startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(), place: '钢花村社区活动室', capacity: 1, standingMembers: ['居委会'] });
      expect((await post(leaver, `/meetings/${m.body.id}/registration`)).body.myRegistration).toEqual({ status: 'registered', position: null });
      expect((await post(O[14], `/meetings/${m.body.id}/registration`)).body.myRegistration).toEqual({ status: 'waiting', position: 1 });
      expect((await post(leaver, `/topics/${t.id}/comments`, { body: '我家墙面也渗水，希望尽快处理' })).status).toBe(200);
      expect((await post('何志刚', `/topics/${t.id}/plans`, { title: '外墙防水方案', body: '外墙整体做防水涂层，费用由维修资金支出。' })).status).toBe(200);
      days(7);
      const v = await post('何志刚', `/topics/${t.id}/votes`, { rule: 'simple_majority', secret: true, closesAt: new Date(ctx.clock.now().getTime() + 86_400_000).toISOString() });
      expect((await vote(leaver, v.body.id, 'yes')).status).toBe(200);
      expect((await vote(O[13], v.body.id, 'no')).status).toBe(200);
      const receiptsBefore = await ctx.ds.getRepository(Ballot).findBy({ voteId: v.body.id });

      expect((await ctx.api.as(leaver, 'DELETE', '/me')).body).toEqual({ deletedAt: ctx.clock.now().toISOString() });

      // The ballot stays the household's, cast by an emptied row that names nobody.
      const ballots = await ctx.ds.getRepository(Ballot).findBy({ voteId: v.body.id });
      expect(ballots).toEqual(receiptsBefore);
      expect(ballots.find((b) => b.castById === leaverId)).toMatchObject({ choice: 'yes', channel: 'app' });
      expect(await ctx.ds.getRepository(User).findOneBy({ id: leaverId })).toMatchObject({ name: '已注销用户', phone: null, openid: null });
      expect((await ctx.api.as('何志刚', 'GET', `/votes/${v.body.id}`)).body.turnout).toMatchObject({ households: 2 });
      const roll = await ctx.api.as('何志刚', 'GET', `/votes/${v.body.id}/roll`);
      expect(roll.body.entries.find((e: { household: string }) => e.household === '2单元202')).toMatchObject({ voted: true, owner: '已注销用户', choice: null });
      days(1);
      const closed = await post('何志刚', `/votes/${v.body.id}/close`);
      expect(closed.body).toMatchObject({ status: 'closed', result: { yes: { households: 1 }, no: { households: 1 } } });

      // The comment stays, its text kept, under 已注销用户 (not masked like a living resident's name).
      for (const who of [O[0], '何志刚']) {
        const seen = await ctx.api.as(who, 'GET', `/topics/${t.id}`);
        expect(seen.body.comments.filter((c: { body: string }) => c.body === '我家墙面也渗水，希望尽快处理')).toMatchObject([{ author: '已注销用户', party: 'resident' }]);
      }
      // The co-sign stays the household's.
      expect((await ctx.api.as(O[12], 'GET', `/topics/${seconding.id}`)).body).toMatchObject({ status: 'seconding', cosigns: 2 });
      // Her place at the meeting to come went to the first on the waiting list, who is told.
      const meeting = await ctx.api.as('何志刚', 'GET', `/meetings/${m.body.id}`);
      expect(meeting.body).toMatchObject({ registered: 1, waiting: 0 });
      expect(meeting.body.attendees.map((a: { name: string; status: string }) => `${a.name} ${a.status}`)).toEqual([`${O[14]} registered`]);
      expect((await inbox(O[14], 'meeting_promoted')).some((n) => n.topicId === t.id)).toBe(true);
    });
  });
}
