import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startSeededApp } from './support/test-app.js';

/**
 * Every role against every endpoint: allowed, or refused with 401/403/404 and never data.
 * The ticket under test was reported by 王秀英 in 青和居第一网格 (worker 赵敏, committee 黄丽华).
 */
describe('access matrix', () => {
  let ctx: Awaited<ReturnType<typeof startSeededApp>>;
  let ticketId: number;
  let resolvedId: number;
  let queuedId: number;
  let topicId: number;
  // 预约: the seeded 广场舞培训 of 钢花村 (罗老师's 社区服务中心), its Tuesday slot, and 张桂兰's booking of it.
  let danceId: number;
  let slotId: number;
  let bookingId: number;
  let meetingId: number;

  beforeAll(async () => {
    ctx = await startSeededApp('mysql');
    const report = async (categoryId = 1) =>
      (await ctx.api.as('王秀英', 'POST', '/tickets', { categoryId, description: '门口积水', buildingId: 1 })).body.id as number;
    ticketId = await report();
    resolvedId = await report();
    await ctx.api.as('赵敏', 'POST', `/tickets/${resolvedId}/accept`);
    await ctx.api.as('赵敏', 'POST', `/tickets/${resolvedId}/resolve`, { note: '已处理' });
    queuedId = await report(14);
    // 议事: 王秀英 proposes a topic for her building (青和居1栋); it collects co-signatures.
    topicId = (await ctx.api.as('王秀英', 'POST', '/topics', { title: '1栋楼道加装扶手', description: '楼道台阶陡，老人上下楼不方便，建议加装扶手', scope: 'building', buildingIds: [1] })).body.id;
    danceId = (await ctx.api.as('张桂兰', 'GET', '/services?communityId=2&family=culture')).body.find((i: { name: string }) => i.name === '广场舞培训').id;
    slotId = (await ctx.api.as('张桂兰', 'GET', `/services/${danceId}/slots?from=2026-11-24&to=2026-11-24`)).body[0].id;
    bookingId = (await ctx.api.as('张桂兰', 'POST', '/bookings', { slotId })).body.id;
    // A meeting of a seeded 钢花村 topic under discussion, its place as text.
    const discussed = (await ctx.api.as('何志刚', 'GET', '/topics?communityId=2&status=discussion')).body.items[0].id;
    meetingId = (await ctx.api.as('何志刚', 'POST', `/topics/${discussed}/meetings`, { title: '访问测试会', startsAt: '2026-11-30T06:00:00.000Z', endsAt: '2026-11-30T08:00:00.000Z', place: '钢花村社区活动室', capacity: 10, standingMembers: ['居委会'] })).body.id;
  });
  afterAll(async () => {
    await ctx?.close();
  });

  const EVERYONE = ['王秀英', '李建国', '张桂兰', '赵敏', '孙浩', '郑芳', '黄丽华', '何志刚', '林国栋', '高明', '马师傅', '谢医生', '系统管理员', null] as const;
  type Who = (typeof EVERYONE)[number];

  function matrix(title: string, request: () => [string, string, unknown?], expected: Partial<Record<NonNullable<Who> | 'anonymous', number>>) {
    describe(title, () => {
      for (const who of EVERYONE) {
        const want = expected[who ?? 'anonymous'];
        if (want === undefined) continue;
        it(`${who ?? 'anonymous'} → ${want}`, async () => {
          const [method, path, body] = request();
          const r = await ctx.api.as(who, method, path, body);
          expect(r.status).toBe(want);
          if (want >= 400) {
            expect(r.body).toMatchObject({ statusCode: want, code: expect.any(String), message: expect.any(String) });
            expect(JSON.stringify(r.body)).not.toContain('门口积水');
          }
        });
      }
    });
  }

  matrix('GET /tickets/:id (another resident\'s ticket is 404, never data)', () => ['GET', `/tickets/${ticketId}`], {
    王秀英: 200, 李建国: 404, 张桂兰: 404, 赵敏: 200, 孙浩: 404, 郑芳: 404, 黄丽华: 200, 何志刚: 404, 林国栋: 200, 高明: 200, 马师傅: 404, 系统管理员: 200, anonymous: 401,
  });

  matrix('POST /tickets (residents only)', () => ['POST', '/tickets', { categoryId: 1, description: '测试报事', buildingId: 1 }], {
    王秀英: 201, 赵敏: 403, 黄丽华: 403, 林国栋: 403, 马师傅: 403, anonymous: 401,
  });

  matrix('POST /tickets/:id/accept', () => ['POST', `/tickets/${ticketId}/accept`], {
    王秀英: 403, 李建国: 403, 黄丽华: 403, 林国栋: 403, 郑芳: 404, 马师傅: 404, anonymous: 401,
  });

  matrix('POST /tickets/:id/resolve by someone not the handler', () => ['POST', `/tickets/${ticketId}/resolve`, { note: '已处理' }], {
    王秀英: 403, 黄丽华: 403, 郑芳: 404, anonymous: 401,
  });

  matrix('POST /tickets/:id/rate (only its reporter)', () => ['POST', `/tickets/${resolvedId}/rate`, { rating: 'satisfied' }], {
    李建国: 404, 张桂兰: 404, 赵敏: 403, 黄丽华: 403, 系统管理员: 403, anonymous: 401,
  });

  matrix('POST /tickets/:id/cancel (only its reporter)', () => ['POST', `/tickets/${ticketId}/cancel`], {
    李建国: 404, 赵敏: 403, 黄丽华: 403, anonymous: 401,
  });

  matrix('POST /tickets/:id/dispatch (the community\'s committee)', () => ['POST', `/tickets/${queuedId}/dispatch`, { toUserId: 5 }], {
    王秀英: 403, 赵敏: 403, 何志刚: 404, 林国栋: 403, anonymous: 401,
  });

  matrix('POST /tickets/:id/categorise (the community\'s committee)', () => ['POST', `/tickets/${queuedId}/categorise`, { categoryId: 1 }], {
    王秀英: 403, 赵敏: 403, 马师傅: 403, 何志刚: 404, 林国栋: 403, 高明: 403, 系统管理员: 403, anonymous: 401,
  });

  matrix('POST /tickets/:id/reject (the community\'s committee)', () => ['POST', `/tickets/${queuedId}/reject`, { reason: 'other' }], {
    王秀英: 403, 赵敏: 403, 何志刚: 404, anonymous: 401,
  });

  matrix('GET /tickets?scope=mine', () => ['GET', '/tickets?scope=mine'], { 王秀英: 200, 赵敏: 403, 黄丽华: 403, anonymous: 401 });
  matrix('GET /tickets?scope=assigned', () => ['GET', '/tickets?scope=assigned'], { 王秀英: 403, 赵敏: 200, 马师傅: 200, 黄丽华: 403 });
  matrix('GET /tickets?scope=community', () => ['GET', '/tickets?scope=community'], { 王秀英: 403, 赵敏: 403, 黄丽华: 200, 林国栋: 200, 高明: 200, 系统管理员: 200 });
  matrix('GET /tickets?scope=community&communityId=2 (another community)', () => ['GET', '/tickets?scope=community&communityId=2'], { 黄丽华: 403, 何志刚: 200, 林国栋: 200 });
  matrix('GET /stats/overview?communityId=1', () => ['GET', '/stats/overview?communityId=1'], {
    王秀英: 403, 赵敏: 403, 马师傅: 403, 黄丽华: 200, 何志刚: 403, 林国栋: 200, 高明: 200, 系统管理员: 200, anonymous: 401,
  });
  matrix('GET /audit?communityId=1 (its committee, its street and district)', () => ['GET', '/audit?communityId=1'], {
    王秀英: 403, 赵敏: 403, 马师傅: 403, 黄丽华: 200, 何志刚: 403, 林国栋: 200, 高明: 200, 系统管理员: 200, anonymous: 401,
  });
  matrix('GET /exports/tickets.csv?communityId=1', () => ['GET', '/exports/tickets.csv?communityId=1'], {
    王秀英: 403, 赵敏: 403, 马师傅: 403, 黄丽华: 200, 何志刚: 403, 林国栋: 200, 高明: 200, 系统管理员: 200, anonymous: 401,
  });
  matrix('GET /exports/rates.xlsx?communityId=1', () => ['GET', '/exports/rates.xlsx?communityId=1'], {
    王秀英: 403, 赵敏: 403, 黄丽华: 200, 何志刚: 403, 高明: 200, anonymous: 401,
  });
  // 台账: household 1 is 青和居1栋1单元101, in 赵敏's grid; 孙浩 works 青和居第二网格, 郑芳 钢花村.
  matrix('GET /ledger/households?communityId=1 (committee; grid workers their grid)', () => ['GET', '/ledger/households?communityId=1'], {
    王秀英: 403, 赵敏: 200, 孙浩: 200, 郑芳: 404, 黄丽华: 200, 何志刚: 404, 林国栋: 403, 马师傅: 403, 系统管理员: 200, anonymous: 401,
  });
  matrix('GET /ledger/households/1', () => ['GET', '/ledger/households/1'], { 王秀英: 403, 赵敏: 200, 孙浩: 404, 黄丽华: 200, 何志刚: 404, 系统管理员: 200, anonymous: 401 });
  matrix('PUT /ledger/households/1 (committee only)', () => ['PUT', '/ledger/households/1', { areaHundredths: 8000, version: 1 }], { 王秀英: 403, 赵敏: 403, 何志刚: 404, 林国栋: 403, anonymous: 401 });
  matrix('POST /ledger/members/:id/end', () => ['POST', '/ledger/members/999999/end', { reason: '已搬离' }], { 王秀英: 403, 赵敏: 403, 黄丽华: 404, anonymous: 401 });
  matrix('GET /ledger/special-care?communityId=1', () => ['GET', '/ledger/special-care?communityId=1'], {
    王秀英: 403, 李建国: 403, 赵敏: 200, 郑芳: 404, 黄丽华: 200, 何志刚: 404, 林国栋: 403, 马师傅: 403, 系统管理员: 200, anonymous: 401,
  });
  matrix('GET /exports/ledger.csv?communityId=1', () => ['GET', '/exports/ledger.csv?communityId=1'], { 王秀英: 403, 赵敏: 403, 黄丽华: 200, 何志刚: 404, 林国栋: 403, 系统管理员: 200, anonymous: 401 });
  matrix('GET /ledger/template.xlsx', () => ['GET', '/ledger/template.xlsx'], { 王秀英: 403, 赵敏: 403, 黄丽华: 200, anonymous: 401 });
  matrix('GET /public/tickets (the public board)', () => ['GET', '/public/tickets?communityId=1'], { 王秀英: 200, 赵敏: 200, anonymous: 200 });
  matrix('GET /me', () => ['GET', '/me'], { 王秀英: 200, 赵敏: 200, anonymous: 401 });
  matrix('GET /bindings (committee)', () => ['GET', '/bindings'], { 王秀英: 403, 赵敏: 403, 黄丽华: 200 });
  matrix('POST /bindings/:id/reject (the community\'s committee)', () => ['POST', '/bindings/999999/reject', { reason: '查无此户' }], { 王秀英: 403, 赵敏: 403, 黄丽华: 404, anonymous: 401 });
  matrix('POST /bindings/:id/end (王秀英\'s binding; only 青和居\'s committee)', () => ['POST', '/bindings/1/end', { reason: '已搬离' }], { 王秀英: 403, 赵敏: 403, 何志刚: 404, 林国栋: 403, anonymous: 401 });
  matrix('DELETE /bindings/mine', () => ['DELETE', '/bindings/mine'], { anonymous: 401 });
  matrix('GET /claims (committee and officers)', () => ['GET', '/claims'], { 王秀英: 403, 赵敏: 403, 马师傅: 403, 黄丽华: 200, 林国栋: 200, 高明: 200, 系统管理员: 200, anonymous: 401 });
  matrix('POST /claims/:id/confirm', () => ['POST', '/claims/999999/confirm'], { 王秀英: 403, 赵敏: 403, 黄丽华: 404, anonymous: 401 });
  matrix('POST /claims/:id/reject', () => ['POST', '/claims/999999/reject', { reason: '号码已换人' }], { 王秀英: 403, 黄丽华: 404, anonymous: 401 });
  matrix('POST /me/phone (no WeChat configured here)', () => ['POST', '/me/phone', { code: 'x' }], { 王秀英: 503, anonymous: 401 });
  matrix('POST /users/:id/phone (王秀英\'s number: staff who serve her)', () => ['POST', `/users/${ctx.api.userId('王秀英')}/phone`], {
    王秀英: 403, 李建国: 403, 赵敏: 200, 孙浩: 404, 郑芳: 404, 黄丽华: 200, 何志刚: 404, 林国栋: 200, 马师傅: 404, 系统管理员: 200, anonymous: 401,
  });
  matrix('GET /phone-reveals?communityId=1', () => ['GET', '/phone-reveals?communityId=1'], { 王秀英: 403, 赵敏: 403, 黄丽华: 200, 何志刚: 404, 林国栋: 200, 高明: 200, 系统管理员: 200, anonymous: 401 });
  matrix('GET /me/phone-reveals', () => ['GET', '/me/phone-reveals'], { 王秀英: 200, 赵敏: 200, anonymous: 401 });
  matrix('GET /me/export', () => ['GET', '/me/export'], { 王秀英: 200, 赵敏: 200, anonymous: 401 });
  matrix('DELETE /me', () => ['DELETE', '/me'], { anonymous: 401 });
  matrix('POST /staff/:id/remove (赵敏, who holds open matters)', () => ['POST', `/staff/${ctx.api.userId('赵敏')}/remove`, {}], {
    王秀英: 403, 赵敏: 403, 马师傅: 403, 何志刚: 404, 黄丽华: 409, 林国栋: 409, anonymous: 401,
  });

  // 议事: a community's topics are read by its people (residents, its staff, officers above); others get 404.
  matrix('GET /topics/:id (青和居1栋, proposed by 王秀英)', () => ['GET', `/topics/${topicId}`], {
    王秀英: 200, 李建国: 200, 张桂兰: 404, 赵敏: 200, 郑芳: 404, 黄丽华: 200, 何志刚: 404, 林国栋: 200, 高明: 200, 马师傅: 200, 系统管理员: 200, anonymous: 401,
  });
  matrix('GET /topics?communityId=1', () => ['GET', '/topics?communityId=1'], { 王秀英: 200, 张桂兰: 404, 何志刚: 404, 黄丽华: 200, anonymous: 401 });
  matrix('POST /topics/:id/cosign (only households in scope, once)', () => ['POST', `/topics/${topicId}/cosign`], { 王秀英: 409, 李建国: 403, 张桂兰: 404, 赵敏: 403, 何志刚: 404, anonymous: 401 });
  matrix('POST /topics/:id/accept (committee, and not while seconding)', () => ['POST', `/topics/${topicId}/accept`, { priority: 'urgent' }], {
    王秀英: 403, 李建国: 403, 张桂兰: 404, 赵敏: 403, 何志刚: 404, 黄丽华: 409, 林国栋: 403, anonymous: 401,
  });
  matrix('GET /votes/:id (none such)', () => ['GET', '/votes/999999'], { 王秀英: 404, 黄丽华: 404, anonymous: 401 });
  matrix('GET /meetings/:id (none such)', () => ['GET', '/meetings/999999'], { 王秀英: 404, 黄丽华: 404, anonymous: 401 });
  matrix('POST /meetings/:id/move (钢花村\'s committee only)', () => ['POST', `/meetings/${meetingId}/move`, { startsAt: '2026-11-30T07:00:00.000Z', endsAt: '2026-11-30T09:00:00.000Z', reason: '时间调整' }], {
    王秀英: 404, 张桂兰: 403, 郑芳: 403, 黄丽华: 404, 何志刚: 200, 林国栋: 403, 系统管理员: 403, anonymous: 401,
  });
  matrix('POST /meetings/:id/cancel (钢花村\'s committee only)', () => ['POST', `/meetings/${meetingId}/cancel`, { reason: '时间调整' }], {
    王秀英: 404, 张桂兰: 403, 郑芳: 403, 黄丽华: 404, 何志刚: 200, 林国栋: 403, 系统管理员: 403, anonymous: 401,
  });
  matrix('POST /topics/:id/comments (while seconding: nobody yet; outsiders never see it)', () => ['POST', `/topics/${topicId}/comments`, { body: '我有意见' }], {
    王秀英: 409, 张桂兰: 404, 何志刚: 404, 黄丽华: 409, anonymous: 401,
  });
  matrix('POST /votes/:id/paper-ballots (committee only)', () => ['POST', '/votes/999999/paper-ballots', { householdId: 1, choice: 'yes', channel: 'paper', photoId: 1 }], { 王秀英: 403, 赵敏: 403, anonymous: 401 });
  matrix('GET /deliberation/board?communityId=1', () => ['GET', '/deliberation/board?communityId=1'], { 王秀英: 200, 张桂兰: 404, 何志刚: 404, 黄丽华: 200, 林国栋: 200, anonymous: 401 });
  matrix('GET /stats/deliberation?communityId=1', () => ['GET', '/stats/deliberation?communityId=1'], { 王秀英: 403, 赵敏: 403, 黄丽华: 200, 何志刚: 403, 林国栋: 200, 系统管理员: 200, anonymous: 401 });
  // 预约: residents read the catalogue; the provider (partner of the item's organisation) and the community's committee manage it.
  matrix('GET /services', () => ['GET', '/services?communityId=2'], { 王秀英: 200, 赵敏: 200, 马师傅: 200, anonymous: 401 });
  matrix('GET /services/:id', () => ['GET', `/services/${danceId}`], { 王秀英: 200, 张桂兰: 200, 何志刚: 200, anonymous: 401 });
  matrix('POST /services (the committee; a partner for its organisation)', () => ['POST', '/services', { communityId: 2, family: 'culture', name: '测试课', place: '活动室' }], {
    王秀英: 403, 郑芳: 403, 黄丽华: 403, 林国栋: 403, 马师傅: 403, anonymous: 401,
  });
  matrix('POST /services/:id/slots', () => ['POST', `/services/${danceId}/slots`, { startsAt: '2026-11-29T01:00:00.000Z', endsAt: '2026-11-29T02:00:00.000Z', capacity: 5 }], {
    王秀英: 403, 郑芳: 403, 黄丽华: 404, 马师傅: 404, anonymous: 401,
  });
  matrix('PUT /services/:id/active (who manages the item; switched back on at once)', () => ['PUT', `/services/${danceId}/active`, { active: true }], { 王秀英: 403, 郑芳: 403, 黄丽华: 404, 马师傅: 404, 林国栋: 403, anonymous: 401 });
  matrix('GET /services/:id/schedule', () => ['GET', `/services/${danceId}/schedule`], { 王秀英: 403, 张桂兰: 403, 黄丽华: 404, 何志刚: 200, 马师傅: 404, anonymous: 401 });
  matrix('GET /slots/:id/roster', () => ['GET', `/slots/${slotId}/roster`], { 王秀英: 403, 张桂兰: 403, 郑芳: 403, 黄丽华: 404, 何志刚: 200, 马师傅: 404, anonymous: 401 });
  matrix('GET /exports/roster.csv', () => ['GET', `/exports/roster.csv?slotId=${slotId}`], { 王秀英: 403, 黄丽华: 404, 何志刚: 200, 马师傅: 404, 林国栋: 403, anonymous: 401 });
  matrix('GET /exports/day-roster.csv (a day of the item: who manages it)', () => ['GET', `/exports/day-roster.csv?serviceId=${danceId}&date=2026-11-24`], { 王秀英: 403, 郑芳: 403, 黄丽华: 404, 何志刚: 200, 马师傅: 404, 林国栋: 403, anonymous: 401 });
  matrix('POST /bookings (residents; grid workers for their residents)', () => ['POST', '/bookings', { slotId }], { 黄丽华: 403, 林国栋: 403, 马师傅: 403, 系统管理员: 403, anonymous: 401 });
  matrix('GET /bookings/:id (张桂兰\'s: never another resident, a stranger staff or the admin)', () => ['GET', `/bookings/${bookingId}`], {
    张桂兰: 200, 王秀英: 404, 李建国: 404, 郑芳: 404, 黄丽华: 404, 何志刚: 200, 马师傅: 404, 系统管理员: 404, anonymous: 401,
  });
  matrix('POST /bookings/:id/cancel (its holder or booker)', () => ['POST', `/bookings/${bookingId}/cancel`], { 王秀英: 404, 郑芳: 404, 何志刚: 403, 马师傅: 404, anonymous: 401 });
  matrix('POST /bookings/:id/check-in (its provider and committee; not yet open)', () => ['POST', `/bookings/${bookingId}/check-in`], { 张桂兰: 403, 王秀英: 404, 马师傅: 404, 何志刚: 409, anonymous: 401 });
  matrix('POST /bookings/check-in', () => ['POST', '/bookings/check-in', { slotId, code: '000000' }], { 王秀英: 403, 赵敏: 403, 黄丽华: 404, 马师傅: 404, anonymous: 401 });
  // 马师傅's 青和物业 gives 钢花村's 下水管道疏通: he reads that item's figures.
  matrix('GET /stats/bookings?communityId=2', () => ['GET', '/stats/bookings?communityId=2'], {
    王秀英: 403, 赵敏: 403, 何志刚: 200, 黄丽华: 404, 林国栋: 200, 马师傅: 200, 谢医生: 404, 系统管理员: 200, anonymous: 401,
  });
  matrix('GET /booking-help?scope=grid', () => ['GET', '/booking-help?scope=grid'], { 王秀英: 403, 赵敏: 200, 黄丽华: 200, 林国栋: 403, 马师傅: 403, anonymous: 401 });
  matrix('POST /booking-help (residents)', () => ['POST', '/booking-help', {}], { 赵敏: 403, 黄丽华: 403, 马师傅: 403, anonymous: 401 });
  matrix('POST /booking-help/:id/done', () => ['POST', '/booking-help/999999/done', {}], { 王秀英: 403, 赵敏: 404, 黄丽华: 404, anonymous: 401 });
  matrix('GET /me/volunteer-hours', () => ['GET', '/me/volunteer-hours'], { 王秀英: 200, 赵敏: 200, anonymous: 401 });

  it('a committee sees only its own community in scope=community', async () => {
    const r = await ctx.api.as('何志刚', 'GET', '/tickets?scope=community&pageSize=100');
    expect(r.body.items.length).toBeGreaterThan(0);
    expect(r.body.items.every((t: { communityId: number }) => t.communityId === 2)).toBe(true);
  });

  it('a user cannot read or mark another user\'s notification', async () => {
    const mine = await ctx.api.as('赵敏', 'GET', '/notifications');
    const id = mine.body.items[0].id;
    expect((await ctx.api.as('孙浩', 'POST', `/notifications/${id}/read`)).status).toBe(404);
    expect((await ctx.api.as('赵敏', 'POST', `/notifications/${id}/read`)).body.readAt).toEqual(expect.any(String));
  });

  it('masks every phone number but the user\'s own', async () => {
    const me = await ctx.api.as('王秀英', 'GET', '/me');
    expect(me.body.phone).toBe('13871000001');
    const login = await ctx.api.request('POST', '/auth/dev-login', { body: { userId: ctx.api.userId('王秀英') } });
    expect(login.body.user.phone).toBe('138****0001');
    const users = await ctx.api.request('GET', '/auth/dev-users');
    expect(JSON.stringify(users.body)).not.toMatch(/1[3-9]\d{9}/);
  });

  it('rejects forged and expired tokens', async () => {
    const forged = await ctx.api.request('GET', '/me', { headers: { authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOjF9.bad' } });
    expect(forged).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED' } });
  });

  it('binds a resident to a household once a committee member approves', async () => {
    const pending = await ctx.api.as('黄丽华', 'GET', '/bindings?status=pending');
    const binding = pending.body.find((b: { userName: string }) => b.userName === '陈小明');
    expect(binding).toBeDefined();
    expect((await ctx.api.as('何志刚', 'POST', `/bindings/${binding.id}/approve`)).status).toBe(404);
    const [a, b] = await Promise.all([
      ctx.api.as('黄丽华', 'POST', `/bindings/${binding.id}/approve`),
      ctx.api.as('黄丽华', 'POST', `/bindings/${binding.id}/approve`),
    ]);
    expect([a.status, b.status].every((s) => s === 200 || s === 409)).toBe(true);
    const me = await ctx.api.as('陈小明', 'GET', '/me');
    expect(me.body.household).toMatchObject({ bindingStatus: 'approved' });
  });
});
