import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  ESCALATION_STEP_MINUTES,
  acceptDeadlineOnHandover,
  addMinutes,
  countsAsSatisfied,
  initialDeadlines,
  isOverdue,
  nextEscalationAt,
  rateOutcome,
  ratio,
  type EscalationState,
} from '../src/index.js';

const T0 = new Date('2026-11-23T02:00:00.000Z');
const sla = { acceptMinutes: 30, resolveMinutes: 240 };

describe('deadlines', () => {
  it('start at report time', () => {
    const d = initialDeadlines(sla, T0);
    assert.equal(d.acceptDueAt.toISOString(), '2026-11-23T02:30:00.000Z');
    assert.equal(d.respondDueAt.toISOString(), '2026-11-23T02:30:00.000Z');
    assert.equal(d.resolveDueAt.toISOString(), '2026-11-23T06:00:00.000Z');
  });

  it('a new handler gets the accept time from now', () => {
    const resolveDue = addMinutes(T0, 240);
    assert.equal(acceptDeadlineOnHandover(sla, addMinutes(T0, 60), resolveDue).toISOString(), '2026-11-23T03:30:00.000Z');
  });

  it('passing a matter around never buys time past the resolve deadline', () => {
    const resolveDue = addMinutes(T0, 240);
    assert.equal(acceptDeadlineOnHandover(sla, addMinutes(T0, 230), resolveDue).getTime(), resolveDue.getTime());
  });
});

describe('escalation ladder', () => {
  const base: EscalationState = {
    status: 'dispatched',
    acceptDueAt: addMinutes(T0, 30),
    resolveDueAt: addMinutes(T0, 240),
    escalationLevel: 0,
    lastEscalatedAt: null,
  };

  it('first escalation at the accept deadline while not accepted', () => {
    assert.equal(nextEscalationAt(base)?.toISOString(), '2026-11-23T02:30:00.000Z');
  });

  it('first escalation at the resolve deadline once accepted', () => {
    assert.equal(nextEscalationAt({ ...base, status: 'accepted' })?.toISOString(), '2026-11-23T06:00:00.000Z');
  });

  it('each further level one step after the last escalation', () => {
    const last = addMinutes(T0, 31);
    assert.equal(nextEscalationAt({ ...base, escalationLevel: 1, lastEscalatedAt: last })?.getTime(), addMinutes(last, ESCALATION_STEP_MINUTES).getTime());
  });

  it('never before the current deadline, even after an earlier escalation', () => {
    const accepted = { ...base, status: 'accepted' as const, escalationLevel: 1, lastEscalatedAt: addMinutes(T0, 31) };
    assert.equal(nextEscalationAt(accepted)?.toISOString(), '2026-11-23T06:00:00.000Z');
  });

  it('stops at the district', () => {
    assert.equal(nextEscalationAt({ ...base, escalationLevel: 3, lastEscalatedAt: T0 }), null);
  });

  it('climbs grid → district within four hours of a missed 30-minute deadline', () => {
    let t: EscalationState = base;
    const times: Date[] = [];
    for (let i = 0; i < 5; i++) {
      const next = nextEscalationAt(t);
      if (!next) break;
      times.push(next);
      t = { ...t, escalationLevel: t.escalationLevel + 1, lastEscalatedAt: next };
    }
    assert.equal(times.length, 3);
    assert.ok(times[2].getTime() - T0.getTime() <= 4 * 3600_000);
  });

  for (const status of ['submitted', 'dispatched', 'accepted', 'resolved', 'closed', 'rejected', 'cancelled'] as const) {
    const open = status === 'submitted' || status === 'dispatched' || status === 'accepted';
    it(`${status}: ${open ? 'has' : 'has no'} escalation deadline`, () => {
      assert.equal(nextEscalationAt({ ...base, status }) !== null, open);
    });
  }

  it('overdue only past the deadline that applies to the state', () => {
    assert.equal(isOverdue(base, addMinutes(T0, 29)), false);
    assert.equal(isOverdue(base, addMinutes(T0, 31)), true);
    assert.equal(isOverdue({ ...base, status: 'accepted' }, addMinutes(T0, 31)), false);
    assert.equal(isOverdue({ ...base, status: 'resolved' }, addMinutes(T0, 999)), false);
  });
});

describe('ratings', () => {
  const table = [
    ['satisfied', 'close', true],
    ['basically_satisfied', 'close', true],
    ['unsatisfied', 'reopen', false],
  ] as const;
  for (const [rating, outcome, satisfied] of table) {
    it(`${rating} → ${outcome}, counts as satisfied: ${satisfied}`, () => {
      assert.equal(rateOutcome(rating), outcome);
      assert.equal(countsAsSatisfied(rating), satisfied);
    });
  }
  it('not rated is never satisfied', () => assert.equal(countsAsSatisfied('not_rated'), false));
  it('a rate with nothing to measure is null, not 100%', () => {
    assert.equal(ratio(0, 0), null);
    assert.equal(ratio(1, 4), 0.25);
  });
});
