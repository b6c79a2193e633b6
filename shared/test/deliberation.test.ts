import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import {
  TOPIC_ACTIONS,
  TOPIC_STATUSES,
  applyTopicTransition,
  checkTopicTransition,
  cosignThreshold,
  tallyVote,
  type BallotEntry,
  type RollEntry,
  type TopicAction,
  type TopicRelation,
  type TopicState,
  type TopicStatus,
  type VoteRule,
} from '../src/index.js';

/** The topic table as docs/architecture.md writes it by hand. */
function documentedTable(): Map<string, { from: string[]; to: string; by: string[] }> {
  const doc = fs.readFileSync(new URL('../../docs/architecture.md', import.meta.url), 'utf8');
  const block = doc.split('<!-- topic-transitions:start -->')[1]?.split('<!-- topic-transitions:end -->')[0];
  assert.ok(block, 'docs/architecture.md has the topic table between its markers');
  const rows = block
    .trim()
    .split('\n')
    .slice(2)
    .map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()));
  const list = (cell: string) => cell.split(',').map((x) => x.trim());
  return new Map(rows.map(([action, , from, to, by]) => [action, { from: list(from), to, by: list(by) }]));
}

const TABLE = documentedTable();
const RELATIONS: TopicRelation[] = ['proposer', 'in_scope', 'committee', 'system'];

describe('topic state machine: every state × action × relation agrees with the documented table', () => {
  it('same actions in the document and in the code', () => {
    assert.deepEqual([...TABLE.keys()].sort(), [...TOPIC_ACTIONS].sort());
  });
  for (const action of TOPIC_ACTIONS) {
    const row = TABLE.get(action)!;
    for (const status of TOPIC_STATUSES) {
      for (const relation of RELATIONS) {
        const allowed = row.from.includes(status) && row.by.includes(relation);
        const expected = allowed ? { ok: true } : row.by.includes(relation) ? { ok: false, reason: 'invalid_state' } : { ok: false, reason: 'forbidden' };
        it(`${status} × ${action} × ${relation} → ${allowed ? 'allowed' : expected.reason}`, () => {
          assert.deepEqual(checkTopicTransition(status as TopicStatus, action as TopicAction, [relation]), expected);
        });
      }
    }
  }
});

const at = (iso: string) => new Date(iso);
const topic = (status: TopicStatus, over: Partial<TopicState> = {}): TopicState => ({
  status,
  cosigns: 1,
  secondingEndsAt: at('2026-12-07T16:00:00Z'),
  priority: null,
  declineReason: null,
  planVersion: 0,
  noticeStartedAt: null,
  voteOpen: false,
  ...over,
});
const ctx = (now: string, relations: TopicRelation[], threshold = 5, noticeDays = 7) => ({ now: at(now), relations, threshold, noticeDays });

describe('topic: counts and time', () => {
  it('a proposal goes to the committee only once the co-signing households reach the threshold', () => {
    assert.deepEqual(applyTopicTransition(topic('seconding', { cosigns: 4 }), { action: 'second' }, ctx('2026-11-24T02:00:00Z', ['system'])), { ok: false, reason: 'threshold_not_met' });
    const r = applyTopicTransition(topic('seconding', { cosigns: 5 }), { action: 'second' }, ctx('2026-11-24T02:00:00Z', ['system']));
    assert.ok(r.ok);
    assert.equal(r.changes.status, 'submitted');
    assert.deepEqual(r.notices.map((n) => n.kind), ['topic_submitted']);
  });

  it('it lapses at the end of the window when below the threshold, and not before', () => {
    const below = topic('seconding', { cosigns: 4 });
    assert.deepEqual(applyTopicTransition(below, { action: 'lapse' }, ctx('2026-12-07T15:59:59Z', ['system'])), { ok: false, reason: 'too_early' });
    const r = applyTopicTransition(below, { action: 'lapse' }, ctx('2026-12-07T16:00:00Z', ['system']));
    assert.ok(r.ok && r.changes.status === 'lapsed');
    assert.deepEqual(applyTopicTransition(topic('seconding', { cosigns: 5 }), { action: 'lapse' }, ctx('2026-12-08T00:00:00Z', ['system'])), { ok: false, reason: 'threshold_met' });
  });

  it('the vote opens only after the plan has been on notice for the notice days; a revised plan starts them again', () => {
    const published = applyTopicTransition(topic('discussion'), { action: 'publish_plan' }, ctx('2026-11-24T02:00:00Z', ['committee']));
    assert.ok(published.ok);
    assert.equal(published.changes.planVersion, 1);
    const onNotice = topic('notice', published.changes);
    // Published Tuesday 10:00 Beijing; 7 days later to the minute.
    assert.deepEqual(applyTopicTransition(onNotice, { action: 'open_vote' }, ctx('2026-12-01T01:59:00Z', ['committee'])), { ok: false, reason: 'too_early' });
    assert.ok(applyTopicTransition(onNotice, { action: 'open_vote' }, ctx('2026-12-01T02:00:00Z', ['committee'])).ok);
    const revised = applyTopicTransition(onNotice, { action: 'publish_plan' }, ctx('2026-11-30T02:00:00Z', ['committee']));
    assert.ok(revised.ok);
    assert.equal(revised.changes.planVersion, 2);
    assert.deepEqual(applyTopicTransition(topic('notice', revised.changes), { action: 'open_vote' }, ctx('2026-12-01T02:00:00Z', ['committee'])), { ok: false, reason: 'too_early' });
  });

  it('a failed vote sends the topic back to discussion for a revised plan; a passed one to implementation', () => {
    const failed = applyTopicTransition(topic('voting', { voteOpen: true }), { action: 'close_vote', passed: false }, ctx('2026-12-08T02:00:00Z', ['committee']));
    assert.ok(failed.ok && failed.changes.status === 'discussion' && failed.changes.voteOpen === false);
    const passed = applyTopicTransition(topic('voting', { voteOpen: true }), { action: 'close_vote', passed: true }, ctx('2026-12-08T02:00:00Z', ['system']));
    assert.ok(passed.ok && passed.changes.status === 'implementing');
  });

  it('co-signing thresholds: a tenth of the households in scope, rounded up, at least 3, at most all', () => {
    assert.equal(cosignThreshold(45), 5); // 4.5 → 5
    assert.equal(cosignThreshold(120), 12);
    assert.equal(cosignThreshold(12), 3); // 1.2 → 2, raised to the minimum
    assert.equal(cosignThreshold(2), 2); // a two-household scope cannot need three
    assert.equal(cosignThreshold(100, { num: 1, den: 5 }), 20);
  });
});

// ───────────────────────── tallies, worked out by hand ─────────────────────────

const units = (...areas: number[]): RollEntry[] => areas.map((area, i) => ({ householdId: i + 1, area }));
const votes = (choices: string): BallotEntry[] =>
  [...choices].flatMap((c, i) => (c === '.' ? [] : [{ householdId: i + 1, choice: c === 'y' ? 'yes' : c === 'n' ? 'no' : 'abstain' } as BallotEntry]));

interface Case {
  name: string;
  rule: VoteRule;
  roll: RollEntry[];
  /** One letter per household of the roll, in order: y yes, n no, a abstain, . did not vote. */
  ballots: string;
  quorumMet: boolean;
  passed: boolean;
}

// A six-storey unit of 12 flats of 80–95 m² (the lift retrofit): Tianning's rule is unanimity.
const LIFT = units(80, 80, 85, 85, 88, 88, 90, 90, 92, 92, 95, 95);
// Six owners: four 40 m² flats and two 120 m² ones (400 m² in all).
const MIXED = units(40, 40, 40, 40, 120, 120);

const CASES: Case[] = [
  { name: 'lift retrofit: 11 of 12 yes and one no fails', rule: 'unanimity', roll: LIFT, ballots: 'yyyyyyyyyyyn', quorumMet: true, passed: false },
  { name: 'lift retrofit: all 12 yes passes', rule: 'unanimity', roll: LIFT, ballots: 'yyyyyyyyyyyy', quorumMet: true, passed: true },
  { name: 'lift retrofit: 11 yes and one flat silent fails', rule: 'unanimity', roll: LIFT, ballots: 'yyyyyyyyyyy.', quorumMet: false, passed: false },

  { name: 'simple majority: 4 of 10 households vote, all yes: no quorum', rule: 'simple_majority', roll: units(...Array(10).fill(60)), ballots: 'yyyy......', quorumMet: false, passed: false },
  { name: 'simple majority: 5 of 10 vote (exactly the 50% quorum), 3 yes 2 no passes', rule: 'simple_majority', roll: units(...Array(10).fill(60)), ballots: 'yyynn.....', quorumMet: true, passed: true },
  { name: 'simple majority: exactly half of the ballots yes (3 yes, 3 abstain) fails', rule: 'simple_majority', roll: units(...Array(10).fill(60)), ballots: 'yyyaaa....', quorumMet: true, passed: false },
  { name: 'simple majority with a 60% quorum: 5 of 10 vote is short', rule: { kind: 'simple_majority', quorum: 0.6 }, roll: units(...Array(10).fill(60)), ballots: 'yyyyy.....', quorumMet: false, passed: false },
  { name: 'simple majority with a 60% quorum: exactly 6 of 10 vote', rule: { kind: 'simple_majority', quorum: 0.6 }, roll: units(...Array(10).fill(60)), ballots: 'yyyynn....', quorumMet: true, passed: true },

  { name: 'two thirds of all: 6 of 9 households yes (exactly 2/3) passes', rule: 'two_thirds_of_all', roll: units(...Array(9).fill(70)), ballots: 'yyyyyynnn', quorumMet: true, passed: true },
  { name: 'two thirds of all: 5 of 9 yes fails though every ballot cast', rule: 'two_thirds_of_all', roll: units(...Array(9).fill(70)), ballots: 'yyyyynnnn', quorumMet: true, passed: false },

  // Art. 278, ordinary matters: all six owners vote.
  { name: 'art. 278 ordinary: the four small flats say yes: heads 4/6 pass, area 160/400 fails', rule: 'civil_code_ordinary', roll: MIXED, ballots: 'yyyynn', quorumMet: true, passed: false },
  { name: 'art. 278 ordinary: the two large flats say yes: area 240/400 passes, heads 2/6 fail', rule: 'civil_code_ordinary', roll: MIXED, ballots: 'nnnnyy', quorumMet: true, passed: false },
  { name: 'art. 278 ordinary: three small and one large: heads 4/6, area 240/400 pass', rule: 'civil_code_ordinary', roll: MIXED, ballots: 'yyynyn', quorumMet: true, passed: true },
  { name: 'art. 278 quorum: the four small flats alone are 2/3 of heads but 40% of the area', rule: 'civil_code_ordinary', roll: MIXED, ballots: 'yyyy..', quorumMet: false, passed: false },
  { name: 'art. 278 quorum: the two large flats and one small are 3/6 heads, 70% of the area', rule: 'civil_code_ordinary', roll: MIXED, ballots: 'y...yy', quorumMet: false, passed: false },
  { name: 'art. 278 ordinary: exactly half of heads and area yes (2 of 4 equal flats) fails: 过半数 excludes the half', rule: 'civil_code_ordinary', roll: units(100, 100, 100, 100), ballots: 'yynn', quorumMet: true, passed: false },
  { name: 'art. 278 ordinary: abstentions take part but do not consent (2 yes, 1 no, 1 abstain of 4)', rule: 'civil_code_ordinary', roll: units(100, 100, 100, 100), ballots: 'yyna', quorumMet: true, passed: false },

  // Exactly two thirds, with areas whose floating-point sums drift: 70.1 + 70.3 = 140.39999… against 2/3 of 210.6 = 140.4.
  { name: 'exactly two thirds of heads and of area take part (70.1 + 70.3 of 210.6 m²): quorum met', rule: 'civil_code_ordinary', roll: units(70.1, 70.2, 70.3), ballots: 'y.y', quorumMet: true, passed: true },
  { name: 'a hundredth of a m² short of two thirds (33.33 + 33.33 of 100 m²): no quorum', rule: 'civil_code_ordinary', roll: units(33.33, 33.33, 33.34), ballots: 'yy.', quorumMet: false, passed: false },
  // Exactly three quarters: 80.1 + 80.2 + 80.6 = 240.9 = 3/4 of 321.2 (floating point says 240.89999… < 240.90000…3).
  { name: 'art. 278 major: exactly three quarters of heads and of area yes passes: 以上 includes the boundary', rule: 'civil_code_major', roll: units(80.1, 80.2, 80.3, 80.6), ballots: 'yyny', quorumMet: true, passed: true },
  { name: 'art. 278 major: 3 of 4 heads but the largest flat against (240.6 of 321.2 m²) fails', rule: 'civil_code_major', roll: units(80.1, 80.2, 80.3, 80.6), ballots: 'yyyn', quorumMet: true, passed: false },
  { name: 'art. 278 major: three quarters of the area but 2 of 4 heads fails', rule: 'civil_code_major', roll: units(50, 50, 150, 150), ballots: 'nnyy', quorumMet: true, passed: false },
];

describe('tallyVote: hand-worked cases', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const t = tallyVote(c.rule, c.roll, votes(c.ballots));
      assert.equal(t.quorumMet, c.quorumMet, 'quorum');
      assert.equal(t.passed, c.passed, 'result');
    });
  }

  it('reports the counts and areas behind the result', () => {
    const t = tallyVote('civil_code_ordinary', MIXED, votes('yyynyn'));
    assert.deepEqual(t.roll, { households: 6, heads: 6, area: 400 });
    assert.deepEqual(t.cast, { households: 6, heads: 6, area: 400 });
    assert.deepEqual(t.yes, { households: 4, heads: 4, area: 240 });
    assert.deepEqual(t.no, { households: 2, heads: 2, area: 160 });
    assert.deepEqual(t.abstain, { households: 0, heads: 0, area: 0 });
    assert.equal(t.rule, 'civil_code_ordinary');
  });

  it('an owner of two flats is one head with both areas, even when one flat casts the ballot', () => {
    // Owner 7 holds flats 1 and 2 (50 m² each); flats 3–5 have 100 m² owners of their own.
    const roll: RollEntry[] = [
      { householdId: 1, area: 50, ownerId: 7 },
      { householdId: 2, area: 50, ownerId: 7 },
      { householdId: 3, area: 100 },
      { householdId: 4, area: 100 },
      { householdId: 5, area: 100 },
    ];
    const t = tallyVote('civil_code_ordinary', roll, votes('y.ynn'));
    assert.deepEqual(t.roll, { households: 5, heads: 4, area: 400 });
    assert.deepEqual(t.yes, { households: 2, heads: 2, area: 200 });
    // Every owner took part; yes is 2 of 4 heads and 200 of 400 m², neither more than half.
    assert.equal(t.quorumMet, true);
    assert.equal(t.passed, false);
    const split = tallyVote('civil_code_ordinary', roll, votes('ynynn'));
    assert.deepEqual(split.abstain, { households: 0, heads: 1, area: 100 }, 'an owner whose flats vote differently takes part without consenting');
  });

  it('ignores ballots from outside the roll and second ballots of one household', () => {
    const t = tallyVote('unanimity', units(80, 80), [
      { householdId: 1, choice: 'yes' },
      { householdId: 2, choice: 'yes' },
      { householdId: 2, choice: 'no' },
      { householdId: 99, choice: 'no' },
    ]);
    assert.equal(t.ignored, 2);
    assert.equal(t.passed, true);
  });

  it('an empty roll never passes', () => {
    for (const rule of ['simple_majority', 'two_thirds_of_all', 'unanimity', 'civil_code_ordinary', 'civil_code_major'] as const) {
      assert.equal(tallyVote(rule, [], []).passed, false, rule);
    }
  });

  it('refuses a quorum outside (0, 1]', () => {
    assert.throws(() => tallyVote({ kind: 'simple_majority', quorum: 1.5 }, units(1), votes('y')), RangeError);
  });
});
