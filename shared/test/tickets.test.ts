import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  TICKET_ACTIONS,
  TICKET_STATUSES,
  allowedActions,
  checkTransition,
  type TicketAction,
  type TicketRelation,
  type TicketStatus,
} from '../src/index.js';

/**
 * The whole table: for every state × action × relation, what the state machine
 * must answer. Written out by hand from the product rules, not derived from the
 * code, so a change to the rules has to change this table too.
 */
const ALLOWED: Record<TicketAction, Partial<Record<TicketStatus, TicketRelation[]>>> = {
  dispatch: { submitted: ['committee', 'system'] },
  accept: { dispatched: ['handler', 'grid_colleague'] },
  resolve: { accepted: ['handler'] },
  return: { dispatched: ['handler'], accepted: ['handler'] },
  transfer: { dispatched: ['handler', 'committee'], accepted: ['handler', 'committee'] },
  reject: { submitted: ['committee'], dispatched: ['committee'], accepted: ['committee'] },
  cancel: { submitted: ['reporter'], dispatched: ['reporter'] },
  rate: { resolved: ['reporter'] },
  auto_close: { resolved: ['system'] },
};

const EXPECTED_TARGET: Record<TicketAction, TicketStatus | 'by_rating'> = {
  dispatch: 'dispatched',
  accept: 'accepted',
  resolve: 'resolved',
  return: 'submitted',
  transfer: 'dispatched',
  reject: 'rejected',
  cancel: 'cancelled',
  rate: 'by_rating',
  auto_close: 'closed',
};

const RELATIONS: TicketRelation[] = ['reporter', 'handler', 'grid_colleague', 'committee', 'system'];

/** Which relations may fire the action from some state at all (else: 403 whatever the state). */
function everAllowed(action: TicketAction): Set<TicketRelation> {
  return new Set(Object.values(ALLOWED[action]).flat());
}

describe('ticket state machine: every state × action × relation', () => {
  for (const status of TICKET_STATUSES) {
    for (const action of TICKET_ACTIONS) {
      for (const relation of RELATIONS) {
        const allowed = ALLOWED[action][status]?.includes(relation) ?? false;
        const expected = allowed ? 'allowed' : everAllowed(action).has(relation) ? 'invalid_state (409)' : 'forbidden (403)';
        it(`${status} × ${action} × ${relation} → ${expected}`, () => {
          const result = checkTransition(status, action, [relation]);
          if (allowed) assert.deepEqual(result, { ok: true, to: EXPECTED_TARGET[action] });
          else if (everAllowed(action).has(relation)) assert.deepEqual(result, { ok: false, reason: 'invalid_state' });
          else assert.deepEqual(result, { ok: false, reason: 'forbidden' });
        });
      }
    }
  }
});

describe('allowed actions (the buttons shown)', () => {
  const cases: [TicketStatus, TicketRelation[], TicketAction[]][] = [
    ['submitted', ['reporter'], ['cancel']],
    ['dispatched', ['reporter'], ['cancel']],
    ['accepted', ['reporter'], []],
    ['resolved', ['reporter'], ['rate']],
    ['closed', ['reporter'], []],
    ['dispatched', ['handler'], ['accept', 'return', 'transfer']],
    ['accepted', ['handler'], ['resolve', 'return', 'transfer']],
    ['dispatched', ['grid_colleague'], ['accept']],
    ['submitted', ['committee'], ['dispatch', 'reject']],
    ['accepted', ['committee'], ['transfer', 'reject']],
    ['resolved', ['committee'], []],
    // A committee member who is also the handler sees both sets.
    ['dispatched', ['handler', 'committee'], ['accept', 'return', 'transfer', 'reject']],
    ['resolved', ['system'], []], // auto_close is never a button
  ];
  for (const [status, relations, expected] of cases) {
    it(`${status} for ${relations.join('+')} → [${expected.join(', ')}]`, () => {
      assert.deepEqual(allowedActions(status, relations), expected);
    });
  }

  it('no final state lets anyone act', () => {
    for (const status of ['closed', 'rejected', 'cancelled'] as const) {
      assert.deepEqual(allowedActions(status, RELATIONS), []);
    }
  });
});
