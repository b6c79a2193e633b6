import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
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
 * The transition table as docs/architecture.md writes it by hand. The code must agree with it for
 * every state × action × relation, so changing a rule means changing the document too.
 */
function documentedTable(): Map<string, { from: string[]; to: string; by: string[] }> {
  const doc = fs.readFileSync(new URL('../../docs/architecture.md', import.meta.url), 'utf8');
  const block = doc.split('<!-- transitions:start -->')[1]?.split('<!-- transitions:end -->')[0];
  assert.ok(block, 'docs/architecture.md has the transition table between its markers');
  const rows = block
    .trim()
    .split('\n')
    .slice(2) // header and separator
    .map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()));
  const list = (cell: string) => cell.split(',').map((x) => x.trim());
  return new Map(rows.map(([action, , from, to, by]) => [action, { from: list(from), to, by: list(by) }]));
}

const TABLE = documentedTable();

describe('the documented table covers every action, and only those', () => {
  it('same actions in the document and in the code', () => {
    assert.deepEqual([...TABLE.keys()].sort(), [...TICKET_ACTIONS].sort());
  });
});

const ALLOWED = Object.fromEntries(
  TICKET_ACTIONS.map((action) => {
    const row = TABLE.get(action);
    return [action, Object.fromEntries((row?.from ?? []).map((status) => [status, row!.by as TicketRelation[]]))];
  }),
) as Record<TicketAction, Partial<Record<TicketStatus, TicketRelation[]>>>;
const EXPECTED_TARGET = Object.fromEntries(TICKET_ACTIONS.map((a) => [a, TABLE.get(a)?.to])) as Record<TicketAction, string>;

const RELATIONS: TicketRelation[] = ['reporter', 'handler', 'grid_colleague', 'committee', 'overseer', 'system'];

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
    ['accepted', ['system', 'committee'], ['transfer', 'reject']], // nor escalate
    ['accepted', ['overseer'], ['transfer']], // an officer only moves a matter
    ['submitted', ['overseer'], []], // the community's queue is its committee's to dispatch
    ['submitted', ['reporter'], ['cancel']], // a resident never classifies
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
