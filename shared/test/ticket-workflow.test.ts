import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { NOTIFICATION_KINDS, UNCATEGORISED, allowedActions, applyTransition, reportTicket, type TicketState, type TransitionContext } from '../src/index.js';

/** Deadlines below are worked out by hand from a 30-minute accept and a 4-hour resolve SLA. */
const category = { id: 5, name: '垃圾清运', acceptMinutes: 30, resolveMinutes: 240 };
const at = (iso: string) => new Date(iso);
const T0 = at('2026-11-23T02:00:00.000Z');

function reported(handlerId: number | null = 7): TicketState {
  return reportTicket({ now: T0, reporterId: 1, description: '楼下垃圾桶满了', photoKeys: [], handlerId, category }).state;
}
const ctx = (now: string, relations: TransitionContext['relations'], actorId: number | null = 7): TransitionContext => ({ now: at(now), relations, actorId, category });
function ok(result: ReturnType<typeof applyTransition>) {
  assert.ok(result.ok, `refused: ${!result.ok && result.reason}`);
  return result;
}

describe('a new report', () => {
  it('with a handler found is dispatched at once, deadlines from the report time', () => {
    const r = reportTicket({ now: T0, reporterId: 1, description: '楼下垃圾桶满了', photoKeys: [], handlerId: 7, category });
    assert.equal(r.state.status, 'dispatched');
    assert.equal(r.state.acceptDueAt.toISOString(), '2026-11-23T02:30:00.000Z');
    assert.equal(r.state.resolveDueAt.toISOString(), '2026-11-23T06:00:00.000Z');
    assert.equal(r.state.nextEscalationAt?.toISOString(), '2026-11-23T02:30:00.000Z');
    assert.deepEqual(r.events.map((e) => [e.type, e.bySystem ?? false]), [['submitted', false], ['dispatched', true]]);
    assert.deepEqual(r.notifications, [{ kind: 'dispatched', title: '新派单：垃圾清运', body: '楼下垃圾桶满了' }]);
  });

  it('with no handler waits in the community queue, and the committee is told', () => {
    const r = reportTicket({ now: T0, reporterId: 1, description: '楼下垃圾桶满了', photoKeys: [], handlerId: null, category });
    assert.equal(r.state.status, 'submitted');
    assert.equal(r.state.handlerId, null);
    assert.deepEqual(r.notifications.map((n) => n.kind), ['queued']);
    assert.deepEqual(NOTIFICATION_KINDS.queued.recipients, ['committee']);
  });
});

describe('applyTransition', () => {
  it('a grid colleague who accepts takes the matter over; the resolve deadline is what is raced next', () => {
    const r = ok(applyTransition(reported(7), { action: 'accept' }, ctx('2026-11-23T02:10:00.000Z', ['grid_colleague'], 9)));
    assert.equal(r.changes.status, 'accepted');
    assert.equal(r.changes.handlerId, 9);
    assert.equal(r.changes.firstAcceptedAt?.toISOString(), '2026-11-23T02:10:00.000Z');
    assert.equal(r.changes.nextEscalationAt?.toISOString(), '2026-11-23T06:00:00.000Z');
    assert.deepEqual(r.events[0].data, { fromUserId: 7 });
    assert.deepEqual(NOTIFICATION_KINDS[r.notifications[0].kind].recipients, ['reporter', 'followers']);
  });

  it('handing over late never buys time past the resolve deadline', () => {
    const accepted = { ...reported(7), status: 'accepted' as const };
    const r = ok(applyTransition(accepted, { action: 'transfer', toUserId: 8, reason: '不属于本网格' }, ctx('2026-11-23T05:50:00.000Z', ['handler'])));
    assert.equal(r.changes.status, 'dispatched');
    assert.equal(r.changes.handlerId, 8);
    // 05:50 + 30 min would be 06:20; the resolve deadline is 06:00.
    assert.equal(r.changes.acceptDueAt?.toISOString(), '2026-11-23T06:00:00.000Z');
    assert.equal(r.events[0].type, 'transferred');
    assert.equal(r.events[0].note, '不属于本网格');
  });

  it('refuses to hand a matter to whoever holds it', () => {
    assert.deepEqual(applyTransition(reported(7), { action: 'transfer', toUserId: 7, reason: '再派' }, ctx('2026-11-23T02:05:00.000Z', ['committee'], 3)), {
      ok: false,
      reason: 'same_handler',
    });
  });

  it('resolving starts the 7-day rating window and stops escalation', () => {
    const accepted = { ...reported(7), status: 'accepted' as const };
    const r = ok(applyTransition(accepted, { action: 'resolve', note: '已清运', photoKeys: ['a.jpg'] }, ctx('2026-11-23T03:00:00.000Z', ['handler'])));
    assert.equal(r.changes.autoCloseAt?.toISOString(), '2026-11-30T03:00:00.000Z');
    assert.equal(r.changes.nextEscalationAt, null);
    assert.deepEqual(r.notifications, [{ kind: 'resolved', title: '您的报事已办结，请评价', body: '已清运' }]);
  });

  it('不满意 reopens to the same handler with fresh deadlines and the ladder back at the grid', () => {
    const resolved: TicketState = { ...reported(7), status: 'resolved', escalationLevel: 2, lastEscalatedAt: at('2026-11-23T04:00:00.000Z'), autoCloseAt: at('2026-11-30T03:00:00.000Z') };
    const r = ok(applyTransition(resolved, { action: 'rate', rating: 'unsatisfied', comment: '还是满的' }, ctx('2026-11-24T01:00:00.000Z', ['reporter'], 1)));
    assert.equal(r.changes.status, 'dispatched');
    assert.equal(r.changes.reopenCount, 1);
    assert.equal(r.changes.acceptDueAt?.toISOString(), '2026-11-24T01:30:00.000Z');
    assert.equal(r.changes.resolveDueAt?.toISOString(), '2026-11-24T05:00:00.000Z');
    assert.equal(r.changes.escalationLevel, 0);
    assert.equal(r.changes.autoCloseAt, null);
    assert.equal(r.changes.nextEscalationAt?.toISOString(), '2026-11-24T01:30:00.000Z');
    assert.deepEqual(r.events.map((e) => e.type), ['rated', 'reopened']);
    assert.deepEqual(NOTIFICATION_KINDS[r.notifications[0].kind].recipients, ['handler']);
  });

  it('满意 closes it', () => {
    const resolved: TicketState = { ...reported(7), status: 'resolved', autoCloseAt: at('2026-11-30T03:00:00.000Z') };
    const r = ok(applyTransition(resolved, { action: 'rate', rating: 'satisfied' }, ctx('2026-11-24T01:00:00.000Z', ['reporter'], 1)));
    assert.equal(r.changes.status, 'closed');
    assert.equal(r.changes.closedAt?.toISOString(), '2026-11-24T01:00:00.000Z');
    assert.equal(r.changes.autoCloseAt, null);
    assert.equal(r.notifications[0].title, '居民评价：满意');
  });

  it('escalates one level at a time, the next step an hour later, and stops at the district', () => {
    const r = ok(applyTransition(reported(7), { action: 'escalate' }, ctx('2026-11-23T02:30:00.000Z', ['system'], null)));
    assert.equal(r.changes.escalationLevel, 1);
    assert.equal(r.changes.nextEscalationAt?.toISOString(), '2026-11-23T03:30:00.000Z');
    assert.equal(r.events[0].note, '超时未接单，升级至社区');
    assert.equal(r.events[0].bySystem, true);
    assert.deepEqual(NOTIFICATION_KINDS[r.notifications[0].kind].recipients, ['next_level', 'handler']);
    const top = { ...reported(7), escalationLevel: 3 };
    assert.deepEqual(applyTransition(top, { action: 'escalate' }, ctx('2026-11-23T06:00:00.000Z', ['system'], null)), { ok: false, reason: 'invalid_state' });
  });

  it('auto-closes an unrated resolved matter as not rated, and never one already rated', () => {
    const resolved: TicketState = { ...reported(7), status: 'resolved', autoCloseAt: at('2026-11-30T03:00:00.000Z') };
    const r = ok(applyTransition(resolved, { action: 'auto_close' }, ctx('2026-11-30T03:00:00.000Z', ['system'], null)));
    assert.deepEqual([r.changes.status, r.changes.rating, r.changes.autoCloseAt], ['closed', 'not_rated', null]);
    const rated = { ...resolved, status: 'closed' as const, rating: 'satisfied' as const };
    assert.deepEqual(applyTransition(rated, { action: 'auto_close' }, ctx('2026-11-30T03:00:00.000Z', ['system'], null)), { ok: false, reason: 'invalid_state' });
  });

  it('merging a duplicate rejects it, names the original, and tells its residents', () => {
    const r = ok(
      applyTransition(reported(7), { action: 'reject', reason: 'duplicate', duplicateOf: { id: 1, code: '20261123-000001' } }, ctx('2026-11-23T02:20:00.000Z', ['committee'], 3)),
    );
    assert.deepEqual([r.changes.status, r.changes.rejectReason, r.changes.duplicateOfId], ['rejected', 'duplicate', 1]);
    assert.equal(r.events[0].note, '重复报事，已合并到 20261123-000001');
    assert.equal(r.notifications[0].kind, 'merged');
  });

  it('a resident cannot accept (403), and nobody can cancel an accepted matter (409)', () => {
    assert.deepEqual(applyTransition(reported(7), { action: 'accept' }, ctx('2026-11-23T02:05:00.000Z', ['reporter'], 1)), { ok: false, reason: 'forbidden' });
    const accepted = { ...reported(7), status: 'accepted' as const };
    assert.deepEqual(applyTransition(accepted, { action: 'cancel' }, ctx('2026-11-23T02:05:00.000Z', ['reporter'], 1)), { ok: false, reason: 'invalid_state' });
  });
});

describe('随手拍: a report without a category (待分类)', () => {
  // Reported at T0 = 02:00 with a photo and no words; the interim deadlines are an hour to classify and 3 days.
  const snap = () => reportTicket({ now: T0, reporterId: 1, description: '', photoKeys: ['p.jpg'], handlerId: 7, category: null });
  const asIs = (now: string, relations: TransitionContext['relations'], actorId: number | null = 3): TransitionContext => ({ now: at(now), relations, actorId, category: UNCATEGORISED });

  it('waits in the queue whatever a handler was found, with interim deadlines from the submission, and the committee is told', () => {
    const r = snap();
    assert.deepEqual([r.state.status, r.state.handlerId, r.state.categoryId], ['submitted', null, null]);
    assert.equal(r.state.acceptDueAt.toISOString(), '2026-11-23T03:00:00.000Z');
    assert.equal(r.state.respondDueAt.toISOString(), '2026-11-23T03:00:00.000Z');
    assert.equal(r.state.resolveDueAt.toISOString(), '2026-11-26T02:00:00.000Z');
    // The sweeper escalates it at 03:00 if nobody classifies it: it cannot fall through the cracks.
    assert.equal(r.state.nextEscalationAt?.toISOString(), '2026-11-23T03:00:00.000Z');
    assert.deepEqual(r.notifications, [{ kind: 'queued', title: '待分类：请设置类别', body: '有一件随手拍报事需要设置类别后派单' }]);
  });

  it('the committee sets the category: deadlines from the submission, and the routing dispatches it at once', () => {
    // Categorised at 02:20: the 30-minute accept runs from 02:00 → 02:30, the 4-hour resolve → 06:00.
    const r = ok(applyTransition(snap().state, { action: 'categorise', category, handlerId: 8 }, asIs('2026-11-23T02:20:00.000Z', ['committee'])));
    assert.deepEqual([r.changes.status, r.changes.handlerId, r.changes.categoryId], ['dispatched', 8, 5]);
    assert.equal(r.changes.respondDueAt?.toISOString(), '2026-11-23T02:30:00.000Z');
    assert.equal(r.changes.acceptDueAt?.toISOString(), '2026-11-23T02:30:00.000Z');
    assert.equal(r.changes.resolveDueAt?.toISOString(), '2026-11-23T06:00:00.000Z');
    assert.equal(r.changes.nextEscalationAt?.toISOString(), '2026-11-23T02:30:00.000Z');
    assert.deepEqual(r.events.map((e) => [e.type, e.note, e.bySystem ?? false]), [['categorised', '垃圾清运', false], ['dispatched', null, true]]);
    assert.deepEqual(r.notifications, [{ kind: 'dispatched', title: '新派单：垃圾清运', body: '（照片报事，未写文字）' }]);
  });

  it('categorised late, the category\'s deadline is already past and the sweeper escalates it next', () => {
    const r = ok(applyTransition(snap().state, { action: 'categorise', category, handlerId: null }, asIs('2026-11-23T02:45:00.000Z', ['committee'])));
    assert.equal(r.changes.status, undefined); // still submitted: the category routes to the queue
    assert.equal(r.changes.acceptDueAt?.toISOString(), '2026-11-23T02:30:00.000Z');
    assert.equal(r.changes.nextEscalationAt?.toISOString(), '2026-11-23T02:30:00.000Z');
    assert.deepEqual(r.notifications, []);
  });

  it('is categorised, not dispatched by hand; and a matter with a category is not categorised again', () => {
    assert.deepEqual(allowedActions('submitted', ['committee'], false), ['reject', 'categorise']);
    assert.deepEqual(allowedActions('submitted', ['committee'], true), ['dispatch', 'reject']);
    assert.deepEqual(applyTransition(snap().state, { action: 'dispatch', toUserId: 8 }, asIs('2026-11-23T02:20:00.000Z', ['committee'])), { ok: false, reason: 'uncategorised' });
    const queued = reportTicket({ now: T0, reporterId: 1, description: '楼道灯坏', photoKeys: [], handlerId: null, category });
    assert.deepEqual(applyTransition(queued.state, { action: 'categorise', category, handlerId: 8 }, ctx('2026-11-23T02:20:00.000Z', ['committee'], 3)), { ok: false, reason: 'categorised' });
  });

  it('escalates as not yet classified', () => {
    const r = ok(applyTransition(snap().state, { action: 'escalate' }, asIs('2026-11-23T03:00:00.000Z', ['system'], null)));
    assert.equal(r.events[0].note, '超时未设置类别，升级至社区');
  });
});
