import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PRIVACY_POLICY_VERSION } from '@linli/shared';
import { startSeededAppWithWechat, type Dialect, type Reply } from './test-app.js';

/**
 * Real WeChat users over HTTP, with the fake WeChat and dev users side by side (DEV_LOGIN=true).
 * Demo district: households are numbered in seed order, four per building: 1–4 in 青和居1栋 (grid 1,
 * worker 赵敏), 5–8 in 青和居2栋; 王秀英 lives in household 1, 陈小明 (13871000004) waits for household 8.
 * 黄丽华 chairs 青和居社区, 何志刚 钢花村社区; 周婷 (grid 2) holds one dispatched matter from the seed.
 */
export function accountsSuite(dialect: Dialect): void {
  describe(`accounts on ${dialect}`, () => {
    let ctx: Awaited<ReturnType<typeof startSeededAppWithWechat>>;
    beforeAll(async () => {
      ctx = await startSeededAppWithWechat(dialect);
    });
    afterAll(async () => {
      await ctx?.close();
    });

    const login = async (code: string) => {
      const r = await ctx.api.request('POST', '/auth/wechat-login', { body: { code, consentVersion: PRIVACY_POLICY_VERSION } });
      expect(r.status).toBe(200);
      return r.body as { token: string; user: { id: number } };
    };
    const call = (token: string, method: string, path: string, body?: unknown): Promise<Reply> =>
      ctx.api.request(method, path, { body, headers: { authorization: `Bearer ${token}` } });
    const inbox = async (token: string) => (await call(token, 'GET', '/notifications')).body.items as { type: string; body: string }[];
    const devToken = (name: string) => ctx.api.token(name);

    it('refuses a login without consent to the current privacy policy, before asking WeChat, and records the consent', async () => {
      const before = ctx.wechat.calls.length;
      for (const consentVersion of [undefined, '2020-01-01']) {
        const r = await ctx.api.request('POST', '/auth/wechat-login', { body: { code: 'code-noconsent', consentVersion } });
        expect(r).toMatchObject({ status: 400, body: { code: 'CONSENT_REQUIRED' } });
      }
      expect(ctx.wechat.calls.length).toBe(before);
      const { token } = await login('code-consent');
      const mine = await call(token, 'GET', '/me/export');
      expect(mine.body.account).toMatchObject({ consentVersion: PRIVACY_POLICY_VERSION, consentedAt: ctx.clock.now().toISOString(), wechatLinked: true });
    });

    it('a new WeChat user asks for a household and the committee approves', async () => {
      const { token } = await login('newbie');
      const fresh = await call(token, 'GET', '/me');
      expect(fresh.body).toMatchObject({ name: '微信用户', phone: null, phoneVerified: false, nickname: null, avatarUrl: null, claim: null, household: null, community: null });

      ctx.clock.advanceMinutes(5); // after the seeded request of 陈小明
      const asked = await call(token, 'POST', '/bindings', { householdId: 2 });
      expect(asked).toMatchObject({ status: 201, body: { status: 'pending', householdId: 2, reason: null } });
      expect((await call(token, 'GET', '/me')).body.household).toEqual({ id: 2, label: '青和居1栋1单元201', bindingStatus: 'pending' });
      // Staff phones only for a resident the committee has confirmed.
      expect((await call(token, 'GET', '/me')).body.gridWorkers).toEqual([]);

      const chair = await devToken('黄丽华');
      expect((await inbox(chair)).map((n) => n.type)).toContain('binding_requested');
      const pending = await call(chair, 'GET', '/bindings?status=pending');
      expect(pending.body.map((b: { householdLabel: string; userName: string; phone: string | null }) => [b.householdLabel, b.userName, b.phone])).toEqual([
        ['青和居1栋1单元201', '微信用户', null],
        ['青和居2栋2单元502', '陈小明', '138****0004'],
      ]);

      expect((await ctx.api.as('何志刚', 'POST', `/bindings/${asked.body.id}/approve`)).status).toBe(404);
      const approved = await call(chair, 'POST', `/bindings/${asked.body.id}/approve`);
      expect(approved.body).toMatchObject({ status: 'approved', decidedAt: ctx.clock.now().toISOString() });
      const me = (await call(token, 'GET', '/me')).body;
      expect(me.household).toEqual({ id: 2, label: '青和居1栋1单元201', bindingStatus: 'approved' });
      expect(me.community.name).toBe('青和居社区');
      // 青和居1栋 is in the first grid, whose worker is 赵敏: one tap to call her from 首页.
      expect(me.gridWorkers).toEqual([{ id: ctx.api.userId('赵敏'), name: '赵敏', phone: '13972000001' }]);
      expect(await inbox(token)).toEqual([expect.objectContaining({ type: 'binding_approved', body: '您已绑定青和居1栋1单元201' })]);
    });

    it('a rejection needs a reason, and the resident is told it', async () => {
      const { token } = await login('rejected-one');
      const asked = await call(token, 'POST', '/bindings', { householdId: 3 });
      const chair = await devToken('黄丽华');
      expect((await call(chair, 'POST', `/bindings/${asked.body.id}/reject`, {})).status).toBe(400);
      expect((await call(chair, 'POST', `/bindings/${asked.body.id}/reject`, { reason: ' ' })).status).toBe(400);
      const r = await call(chair, 'POST', `/bindings/${asked.body.id}/reject`, { reason: '查无此户' });
      expect(r.body).toMatchObject({ status: 'rejected', reason: '查无此户' });
      expect(await inbox(token)).toEqual([expect.objectContaining({ type: 'binding_rejected', body: '绑定青和居1栋2单元301未通过：查无此户' })]);
      expect((await call(token, 'GET', '/me')).body.household).toBeNull();
    });

    it('a resident moves out, and a committee ends a binding with a reason', async () => {
      const left = await ctx.api.as('李建国', 'DELETE', '/bindings/mine');
      expect(left.body).toMatchObject({ status: 'ended' });
      expect((await ctx.api.as('李建国', 'GET', '/me')).body.household).toBeNull();
      expect((await ctx.api.as('李建国', 'DELETE', '/bindings/mine')).status).toBe(404);

      const hers = (await ctx.api.as('何志刚', 'GET', '/bindings?status=approved')).body.find((b: { userName: string }) => b.userName === '张桂兰');
      expect((await ctx.api.as('黄丽华', 'POST', `/bindings/${hers.id}/end`, { reason: '已搬离' })).status).toBe(404);
      const ended = await ctx.api.as('何志刚', 'POST', `/bindings/${hers.id}/end`, { reason: '已搬离' });
      expect(ended.body).toMatchObject({ status: 'ended', reason: '已搬离' });
      const notices = (await ctx.api.as('张桂兰', 'GET', '/notifications')).body.items;
      expect(notices[0]).toMatchObject({ type: 'binding_ended', body: '社区已解除您与钢花村7栋2单元301的绑定：已搬离' });
    });

    it('claims a ledger account by phone: the ledger record survives and takes what the fresh account made', async () => {
      const chen = ctx.api.userId('陈小明');
      const first = await login('chen');
      const report = await call(first.token, 'POST', '/tickets', { categoryId: 1, description: '小区门口路灯不亮', lat: 30.642, lng: 114.382 });
      expect(report.status).toBe(201);
      const asked = await call(first.token, 'POST', '/bindings', { householdId: 4 });

      const r = await call(first.token, 'POST', '/me/phone', { code: 'phone-13871000004' });
      expect(r.status).toBe(200);
      expect(r.body.login.user.id).toBe(chen);
      expect(r.body.me).toMatchObject({ id: chen, name: '陈小明', phone: '13871000004', phoneVerified: true, claim: null });
      expect(ctx.wechat.calls.some((c) => c === '/wxa/business/getuserphonenumber?access_token=fake-access-token')).toBe(true);

      expect((await call(first.token, 'GET', '/me')).status).toBe(401); // the fresh account is gone
      const token = r.body.login.token;
      expect((await call(token, 'GET', `/tickets/${report.body.id}`)).body.reporter).toEqual({ id: chen, name: '陈小明' });
      // 陈小明 already waits for household 8: the fresh account's request for household 4 is withdrawn.
      const bindings = (await call(token, 'GET', '/me/export')).body.bindings.map((b: { id: number; householdId: number; status: string }) => [b.householdId, b.status]);
      expect(bindings).toEqual([
        [8, 'pending'],
        [4, 'withdrawn'],
      ]);
      expect(asked.body.householdId).toBe(4);
      expect((await login('chen')).user.id).toBe(chen); // the WeChat login now opens the ledger record
      expect((await inbox(await devToken('黄丽华'))).find((n) => n.type === 'claim_made')?.body).toBe('居民陈小明（138****0004）已用微信认领了社区登记的账号');
    });

    it('a staff claim waits for a committee member, because a recycled number must not carry a role', async () => {
      const zhao = ctx.api.userId('赵敏');
      const claimant = await login('zhao');
      const r = await call(claimant.token, 'POST', '/me/phone', { code: 'phone-13972000001' });
      expect(r.body.login).toBeNull();
      expect(r.body.me).toMatchObject({ id: claimant.user.id, phone: '13972000001', phoneVerified: true, claim: { status: 'pending', roles: ['grid_worker'] } });
      expect(r.body.me.roles.map((x: { role: string }) => x.role)).toEqual(['resident']);

      const chair = await devToken('黄丽华');
      expect((await inbox(chair)).map((n) => n.type)).toContain('claim_pending');
      const claims = (await call(chair, 'GET', '/claims')).body;
      expect(claims).toEqual([expect.objectContaining({ status: 'pending', account: expect.objectContaining({ id: zhao, name: '赵敏', phone: '139****0001' }) })]);
      expect((await ctx.api.as('何志刚', 'GET', '/claims')).body).toEqual([]);
      expect((await ctx.api.as('何志刚', 'POST', `/claims/${claims[0].id}/confirm`)).status).toBe(404);
      expect((await ctx.api.as('王秀英', 'GET', '/claims')).status).toBe(403);

      // A second phone holder claims the same record; confirming the first answers the second.
      const second = await login('zhao-second');
      expect((await call(second.token, 'POST', '/me/phone', { code: 'phone-13972000001' })).body.me.claim).toMatchObject({ status: 'pending' });
      expect((await call(chair, 'GET', '/claims')).body).toHaveLength(2);

      const confirmed = await call(chair, 'POST', `/claims/${claims[0].id}/confirm`);
      expect(confirmed.body).toMatchObject({ status: 'confirmed' });
      expect((await call(chair, 'GET', '/claims')).body).toEqual([]);
      expect((await call(second.token, 'GET', '/me')).body.claim).toBeNull();
      expect(await inbox(second.token)).toEqual([expect.objectContaining({ type: 'claim_rejected', body: '认领工作人员账号未通过：该账号已被认领' })]);
      expect((await call(claimant.token, 'GET', '/me')).status).toBe(401);
      const again = await login('zhao');
      expect(again.user.id).toBe(zhao);
      expect((await call(again.token, 'GET', '/me')).body.roles.map((x: { role: string }) => x.role)).toEqual(['grid_worker']);
    });

    it('a rejected staff claim leaves the claimant a resident, told why', async () => {
      const claimant = await login('sun');
      await call(claimant.token, 'POST', '/me/phone', { code: 'phone-13972000002' });
      const chair = await devToken('黄丽华');
      const [claim] = (await call(chair, 'GET', '/claims')).body;
      expect(claim.account.name).toBe('孙浩');
      expect((await call(chair, 'POST', `/claims/${claim.id}/reject`, {})).status).toBe(400);
      expect((await call(chair, 'POST', `/claims/${claim.id}/reject`, { reason: '号码已换人' })).body).toMatchObject({ status: 'rejected', reason: '号码已换人' });
      const me = (await call(claimant.token, 'GET', '/me')).body;
      expect(me).toMatchObject({ id: claimant.user.id, claim: null });
      expect(me.roles.map((x: { role: string }) => x.role)).toEqual(['resident']);
      expect(await inbox(claimant.token)).toEqual([expect.objectContaining({ type: 'claim_rejected', body: '认领工作人员账号未通过：号码已换人' })]);
      expect((await login('sun')).user.id).toBe(claimant.user.id);
    });

    it('a phone code WeChat refuses is a clear 400', async () => {
      const { token } = await login('badphone');
      expect(await call(token, 'POST', '/me/phone', { code: 'nonsense' })).toMatchObject({ status: 400, body: { code: 'WECHAT_CODE_INVALID' } });
    });

    it('reveals a whole phone only to staff who serve the person, and logs each reveal', async () => {
      const wang = ctx.api.userId('王秀英');
      expect((await ctx.api.as('赵敏', 'POST', `/users/${wang}/phone`)).body).toEqual({ phone: '13871000001' });
      expect((await ctx.api.as('郑芳', 'POST', `/users/${wang}/phone`)).status).toBe(404);
      expect((await ctx.api.as('何志刚', 'POST', `/users/${wang}/phone`)).status).toBe(404);
      expect((await ctx.api.as('李建国', 'POST', `/users/${wang}/phone`)).status).toBe(403);

      const log = (await ctx.api.as('黄丽华', 'GET', '/phone-reveals?communityId=1')).body;
      expect(log).toEqual([{ id: expect.any(Number), viewer: { id: ctx.api.userId('赵敏'), name: '赵敏' }, subject: { id: wang, name: '王秀英' }, communityId: 1, at: ctx.clock.now().toISOString() }]);
      expect((await ctx.api.as('何志刚', 'GET', '/phone-reveals?communityId=1')).status).toBe(404);
      expect((await ctx.api.as('王秀英', 'GET', '/me/phone-reveals')).body.map((e: { viewer: { name: string } }) => e.viewer.name)).toEqual(['赵敏']);
      // The staff audit trail has it too: who, whose, when; never the number itself.
      const audit = (await ctx.api.as('黄丽华', 'GET', '/audit?communityId=1&action=phone_reveal')).body.items;
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ action: 'phone_reveal', targetType: 'user', targetIds: [wang] });
      expect(JSON.stringify(audit)).not.toContain('13871000001');
    });

    it('removes a staff member only after their open matter is handed over', async () => {
      const zhou = ctx.api.userId('周婷');
      const sun = ctx.api.userId('孙浩');
      const refused = await ctx.api.as('黄丽华', 'POST', `/staff/${zhou}/remove`, {});
      expect(refused).toMatchObject({ status: 409, body: { code: 'STAFF_HAS_OPEN_TICKETS' } });
      expect((await ctx.api.as('何志刚', 'POST', `/staff/${zhou}/remove`, { handoverToUserId: sun })).status).toBe(404);
      const removed = await ctx.api.as('黄丽华', 'POST', `/staff/${zhou}/remove`, { handoverToUserId: sun });
      expect(removed.status).toBe(200);
      expect(removed.body.removedRoles).toEqual([expect.objectContaining({ role: 'grid_worker', placeName: '青和居第二网格' })]);
      expect(removed.body.handedOverTicketIds).toHaveLength(1);
      const ticket = (await ctx.api.as('黄丽华', 'GET', `/tickets/${removed.body.handedOverTicketIds[0]}`)).body;
      expect(ticket.handler).toEqual({ id: sun, name: '孙浩' });
      expect(ticket.timeline.at(-1)).toMatchObject({ type: 'transferred' });
      expect((await ctx.api.as('周婷', 'GET', '/me')).body.roles.map((x: { role: string }) => x.role)).toEqual(['resident']);
    });

    it('lets a street officer remove a worker too, handing the open matters over as the officer', async () => {
      const wu = ctx.api.userId('吴磊');
      const sun = ctx.api.userId('孙浩');
      // A matter in the third grid goes to its worker.
      const report = await ctx.api.as('李建国', 'POST', '/tickets', { categoryId: 1, description: '三网格路灯不亮了', lat: 30.642, lng: 114.39 });
      expect(report.body.handler).toEqual({ id: wu, name: '吴磊' });
      const open = await ctx.ds.query("SELECT id FROM tickets WHERE handlerId = ? AND status IN ('dispatched', 'accepted') ORDER BY id", [wu]);
      const removed = await ctx.api.as('林国栋', 'POST', `/staff/${wu}/remove`, { handoverToUserId: sun });
      expect(removed.status).toBe(200);
      expect(removed.body.handedOverTicketIds).toEqual(open.map((r: { id: number }) => Number(r.id)));
      const ticket = (await ctx.api.as('林国栋', 'GET', `/tickets/${open[0].id}`)).body;
      expect(ticket.handler).toEqual({ id: sun, name: '孙浩' });
      expect(ticket.timeline.at(-1)).toMatchObject({ type: 'transferred', actor: expect.objectContaining({ role: 'street_officer' }) });
      const audit = (await ctx.api.as('黄丽华', 'GET', '/audit?communityId=1&action=transfer')).body.items;
      expect(audit[0]).toMatchObject({ actor: { id: ctx.api.userId('林国栋'), role: 'street_officer' }, details: { fromUserId: wu, toUserId: sun } });
    });

    it('exports everything about the user', async () => {
      const r = await ctx.api.as('王秀英', 'GET', '/me/export');
      expect(r.body.account).toMatchObject({ name: '王秀英', phone: '13871000001', wechatLinked: false });
      expect(r.body.bindings).toEqual([expect.objectContaining({ householdLabel: '青和居1栋1单元101', status: 'approved' })]);
      expect(r.body.tickets).toHaveLength(12); // the seed gives every third of its 36 matters to her
      expect(r.body.phoneReveals.map((e: { viewer: { name: string } }) => e.viewer.name)).toEqual(['赵敏']);
    });

    it('deletes an account at once; its tickets stay with the reporter anonymised, and logging in again is a new user', async () => {
      expect(await ctx.api.as('赵敏', 'DELETE', '/me')).toMatchObject({ status: 409, body: { code: 'STAFF_HAS_OPEN_TICKETS' } });

      const leaver = await login('leaver');
      await call(leaver.token, 'POST', '/me/phone', { code: 'phone-13912345678' });
      const report = await call(leaver.token, 'POST', '/tickets', { categoryId: 1, description: '楼道灯坏了很久', lat: 30.642, lng: 114.382 });
      await call(leaver.token, 'POST', '/bindings', { householdId: 3 });
      const visits = async () => Number((await ctx.ds.query("SELECT COUNT(*) AS n FROM wechat_visits WHERE openid = 'o_leaver'"))[0].n);
      expect(await visits()).toBe(1); // content security's record of a recent login names the openid
      expect((await call(leaver.token, 'DELETE', '/me')).body).toEqual({ deletedAt: ctx.clock.now().toISOString() });
      expect(await visits()).toBe(0);
      expect((await call(leaver.token, 'GET', '/me')).status).toBe(401);

      const ticket = (await ctx.api.as('黄丽华', 'GET', `/tickets/${report.body.id}`)).body;
      expect(ticket.reporter).toEqual({ id: leaver.user.id, name: '已注销用户' });
      expect(JSON.stringify(await ctx.api.as('黄丽华', 'GET', '/bindings'))).not.toContain(`"userId":${leaver.user.id}`);
      const again = await login('leaver');
      expect(again.user.id).not.toBe(leaver.user.id);
      expect((await call(again.token, 'GET', '/me')).body).toMatchObject({ name: '微信用户', phone: null });
    });
  });
}
