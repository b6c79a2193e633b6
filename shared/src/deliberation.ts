/**
 * 议事: the rules of deliberation, pure, for the server and the app alike (docs/architecture.md,
 * "Deliberation"). A topic's life is one state machine applied like the ticket and booking machines:
 * `applyTopicTransition` says what a change does (the new columns, the timeline event, the notices with
 * recipient roles) and the server persists exactly that. Beside it: co-signing (联署) thresholds, and the
 * vote's result as a pure function of its rule, its roll and its ballots (`tallyVote`), in integers so
 * that no boundary drifts.
 */

// ───────────────────────── the topic's life ─────────────────────────

/** A topic's scope: whose matter it is, and so who may co-sign, comment, vote and rate. */
export const TOPIC_SCOPES = ['building', 'buildings', 'grid', 'community'] as const;
export type TopicScope = (typeof TOPIC_SCOPES)[number];
export const TOPIC_SCOPE_LABELS: Record<TopicScope, string> = { building: '本楼栋', buildings: '相关楼栋', grid: '本网格', community: '全社区' };

/**
 * The stages of 六步议事 as states. A resident's proposal first collects co-signatures (`seconding`); a
 * proposal by staff, or one that reached the threshold, waits for the committee (`submitted`).
 */
export const TOPIC_STATUSES = ['seconding', 'lapsed', 'submitted', 'declined', 'discussion', 'notice', 'voting', 'implementing', 'done', 'withdrawn'] as const;
export type TopicStatus = (typeof TOPIC_STATUSES)[number];
export const TOPIC_STATUS_LABELS: Record<TopicStatus, string> = {
  seconding: '征集联署',
  lapsed: '联署未达',
  submitted: '待受理',
  declined: '不予受理',
  discussion: '多方恳谈',
  notice: '方案公示',
  voting: '居民表决',
  implementing: '落实中',
  done: '已办结',
  withdrawn: '已撤回',
};

/** Still moving: what the 议事 tab lists first. */
export const OPEN_TOPIC_STATUSES: readonly TopicStatus[] = ['seconding', 'submitted', 'discussion', 'notice', 'voting', 'implementing'];

export const TOPIC_ACTIONS = ['cosign', 'second', 'lapse', 'accept', 'decline', 'publish_plan', 'record_review', 'open_vote', 'close_vote', 'complete', 'rate', 'withdraw'] as const;
export type TopicAction = (typeof TOPIC_ACTIONS)[number];
export const TOPIC_ACTION_LABELS: Record<TopicAction, string> = {
  cosign: '联署',
  second: '联署达标',
  lapse: '联署期满未达标',
  accept: '受理',
  decline: '不予受理',
  publish_plan: '公示方案',
  record_review: '专家审查意见',
  open_vote: '开始表决',
  close_vote: '结束表决',
  complete: '办结',
  rate: '评价结果',
  withdraw: '撤回',
};

/**
 * How the actor stands to the topic: `proposer`, `in_scope` (a resident whose household is in the
 * topic's scope), `committee` (a committee member of its community), `system` (the clock and the
 * co-sign counter).
 */
export type TopicRelation = 'proposer' | 'in_scope' | 'committee' | 'system';

export interface TopicRule {
  from: readonly TopicStatus[];
  to: TopicStatus | 'unchanged';
  by: readonly TopicRelation[];
}

/**
 * docs/architecture.md writes this table by hand; shared/test/deliberation.test.ts holds the two together.
 * `close_vote` goes to `implementing` when the vote passed and back to `discussion` when it failed (a
 * revised plan can be published and voted on again): the table names the passing case.
 */
export const TOPIC_TRANSITIONS: Record<TopicAction, TopicRule> = {
  cosign: { from: ['seconding'], to: 'unchanged', by: ['in_scope'] },
  second: { from: ['seconding'], to: 'submitted', by: ['system'] },
  lapse: { from: ['seconding'], to: 'lapsed', by: ['system'] },
  accept: { from: ['submitted'], to: 'discussion', by: ['committee'] },
  decline: { from: ['submitted'], to: 'declined', by: ['committee'] },
  publish_plan: { from: ['discussion', 'notice'], to: 'notice', by: ['committee'] },
  record_review: { from: ['notice'], to: 'unchanged', by: ['committee'] },
  open_vote: { from: ['notice'], to: 'voting', by: ['committee'] },
  close_vote: { from: ['voting'], to: 'implementing', by: ['committee', 'system'] },
  complete: { from: ['implementing'], to: 'done', by: ['committee'] },
  rate: { from: ['done'], to: 'unchanged', by: ['in_scope'] },
  withdraw: { from: ['seconding', 'submitted'], to: 'withdrawn', by: ['proposer', 'committee'] },
};

export const TOPIC_PRIORITIES = ['urgent', 'normal'] as const;
export type TopicPriority = (typeof TOPIC_PRIORITIES)[number];
export const TOPIC_PRIORITY_LABELS: Record<TopicPriority, string> = { urgent: '急办', normal: '一般' };

/** Days a resident's proposal collects co-signatures before it lapses. */
export const SECONDING_DAYS = 14;
/** A plan stays on public notice at least this many days before the vote opens (a community may set more). */
export const DEFAULT_NOTICE_DAYS = 7;

export interface TopicState {
  status: TopicStatus;
  /** Co-signing households so far (the proposer's own included). */
  cosigns: number;
  secondingEndsAt: Date | null;
  priority: TopicPriority | null;
  declineReason: string | null;
  /** The plan version on notice, and since when. */
  planVersion: number;
  noticeStartedAt: Date | null;
  /** The vote under way or last held. */
  voteOpen: boolean;
}

export type TopicCommand =
  | { action: 'cosign' }
  | { action: 'second' }
  | { action: 'lapse' }
  | { action: 'accept'; priority: TopicPriority }
  | { action: 'decline'; reason: string }
  | { action: 'publish_plan' }
  | { action: 'record_review' }
  | { action: 'open_vote' }
  | { action: 'close_vote'; passed: boolean }
  | { action: 'complete' }
  | { action: 'rate' }
  | { action: 'withdraw' };

export interface TopicContext {
  now: Date;
  relations: readonly TopicRelation[];
  /** Co-signing households needed (`cosignThreshold`). */
  threshold: number;
  /** Days the plan must stay on notice before the vote opens. */
  noticeDays: number;
}

export type TopicRecipient = 'proposer' | 'in_scope' | 'committee';

export interface TopicNotice {
  kind: 'topic_submitted' | 'topic_lapsed' | 'topic_accepted' | 'topic_declined' | 'topic_plan_published' | 'topic_vote_opened' | 'topic_vote_closed' | 'topic_done';
  recipients: TopicRecipient[];
  title: string;
}

export type TopicRefusal = 'forbidden' | 'invalid_state' | 'too_early' | 'threshold_not_met' | 'threshold_met';

export type TopicResult =
  | { ok: true; changes: Partial<TopicState>; notices: TopicNotice[] }
  | { ok: false; reason: TopicRefusal };

const DAY = 86_400_000;

/** Whether these relations may fire the action from this state, before anything about time and counts. */
export function checkTopicTransition(status: TopicStatus, action: TopicAction, relations: readonly TopicRelation[]): { ok: true } | { ok: false; reason: 'forbidden' | 'invalid_state' } {
  const rule = TOPIC_TRANSITIONS[action];
  if (!relations.some((r) => rule.by.includes(r))) return { ok: false, reason: 'forbidden' };
  if (!rule.from.includes(status)) return { ok: false, reason: 'invalid_state' };
  return { ok: true };
}

/** When the notice period of a plan published at `since` is over: the vote may open from then. */
export function noticeEndsAt(since: Date, noticeDays: number): Date {
  return new Date(since.getTime() + noticeDays * DAY);
}

export function applyTopicTransition(t: TopicState, command: TopicCommand, ctx: TopicContext): TopicResult {
  const check = checkTopicTransition(t.status, command.action, ctx.relations);
  if (!check.ok) return check;
  const { now } = ctx;
  switch (command.action) {
    case 'cosign':
      return { ok: true, changes: { cosigns: t.cosigns + 1 }, notices: [] };
    case 'second':
      if (t.cosigns < ctx.threshold) return { ok: false, reason: 'threshold_not_met' };
      return { ok: true, changes: { status: 'submitted', secondingEndsAt: null }, notices: [{ kind: 'topic_submitted', recipients: ['proposer', 'committee'], title: '议题联署达标，已提交居委会' }] };
    case 'lapse':
      if (t.secondingEndsAt === null || now < t.secondingEndsAt) return { ok: false, reason: 'too_early' };
      if (t.cosigns >= ctx.threshold) return { ok: false, reason: 'threshold_met' };
      return { ok: true, changes: { status: 'lapsed' }, notices: [{ kind: 'topic_lapsed', recipients: ['proposer'], title: '议题联署期满未达人数' }] };
    case 'accept':
      return { ok: true, changes: { status: 'discussion', priority: command.priority }, notices: [{ kind: 'topic_accepted', recipients: ['proposer', 'in_scope'], title: '议题已受理' }] };
    case 'decline':
      return { ok: true, changes: { status: 'declined', declineReason: command.reason }, notices: [{ kind: 'topic_declined', recipients: ['proposer'], title: '议题不予受理' }] };
    case 'publish_plan':
      // A revised plan on notice starts its notice period again.
      return {
        ok: true,
        changes: { status: 'notice', planVersion: t.planVersion + 1, noticeStartedAt: now },
        notices: [{ kind: 'topic_plan_published', recipients: ['in_scope'], title: '议事方案公示' }],
      };
    case 'record_review':
      return { ok: true, changes: {}, notices: [] };
    case 'open_vote':
      if (t.noticeStartedAt === null || now < noticeEndsAt(t.noticeStartedAt, ctx.noticeDays)) return { ok: false, reason: 'too_early' };
      return { ok: true, changes: { status: 'voting', voteOpen: true }, notices: [{ kind: 'topic_vote_opened', recipients: ['in_scope'], title: '居民表决开始' }] };
    case 'close_vote':
      return {
        ok: true,
        changes: { status: command.passed ? 'implementing' : 'discussion', voteOpen: false },
        notices: [{ kind: 'topic_vote_closed', recipients: ['in_scope', 'proposer'], title: command.passed ? '表决通过' : '表决未通过' }],
      };
    case 'complete':
      return { ok: true, changes: { status: 'done' }, notices: [{ kind: 'topic_done', recipients: ['in_scope', 'proposer'], title: '议事结果已办结，请评价' }] };
    case 'rate':
      return { ok: true, changes: {}, notices: [] };
    case 'withdraw':
      return { ok: true, changes: { status: 'withdrawn' }, notices: [] };
  }
}

/**
 * Co-signing households a proposal needs: a share of the households in its scope, at least `minimum`
 * (default 1/10 and at least 3; a community may set its own). Rounded up: 45 households at 1/10 need 5.
 */
export function cosignThreshold(householdsInScope: number, share: Fraction = { num: 1, den: 10 }, minimum = 3): number {
  return Math.min(householdsInScope, Math.max(minimum, Math.ceil((householdsInScope * share.num) / share.den)));
}

// ───────────────────────── the vote ─────────────────────────

/** A share as an exact fraction: 2/3 stays 2/3. */
export interface Fraction {
  num: number;
  den: number;
}

export const VOTE_RULE_KINDS = ['simple_majority', 'two_thirds_of_all', 'unanimity', 'civil_code_ordinary', 'civil_code_major'] as const;
export type VoteRuleKind = (typeof VOTE_RULE_KINDS)[number];

/** A rule by name, or as an object naming it with its options. `quorum`: a share of the roll's households, e.g. 0.6 or {num: 3, den: 5}. */
export type VoteRule = VoteRuleKind | { kind: 'simple_majority'; quorum?: number | Fraction } | { kind: Exclude<VoteRuleKind, 'simple_majority'> };

/** The rules in plain Chinese, as the vote page shows them. */
export const VOTE_RULE_LABELS: Record<VoteRuleKind, string> = {
  simple_majority: '参与表决的户数达到规定比例，且同意的户数超过投票户数的一半',
  two_thirds_of_all: '同意的户数达到全部户数的三分之二以上',
  unanimity: '全部住户一致同意',
  civil_code_ordinary: '专有面积和人数均占三分之二以上的业主参与表决，且经参与表决面积过半数、人数过半数的业主同意（《民法典》第二百七十八条，一般事项）',
  civil_code_major: '专有面积和人数均占三分之二以上的业主参与表决，且经参与表决面积四分之三以上、人数四分之三以上的业主同意（《民法典》第二百七十八条，筹集维修资金、改建重建、改变共有部分用途等）',
};

export const DEFAULT_QUORUM: Fraction = { num: 1, den: 2 };

export const BALLOT_CHOICES_LIST = ['yes', 'no', 'abstain'] as const;
export type BallotChoice = (typeof BALLOT_CHOICES_LIST)[number];
export const BALLOT_CHOICE_LABELS: Record<BallotChoice, string> = { yes: '同意', no: '反对', abstain: '弃权' };

/** One household of the roll, with its exclusive floor area (m²) and, when known, its owner. */
export interface RollEntry {
  householdId: number;
  area: number;
  /** Units of one owner count as one head with their areas summed; without it, each household is its own owner. */
  ownerId?: number | null;
}

export interface BallotEntry {
  householdId: number;
  choice: BallotChoice;
}

/** Counts and areas (m², to the hundredth) behind a result. */
export interface TallyCounts {
  households: number;
  heads: number;
  area: number;
}

export interface VoteTally {
  rule: VoteRuleKind;
  passed: boolean;
  quorumMet: boolean;
  roll: TallyCounts;
  /** Those who took part (abstentions included). */
  cast: TallyCounts;
  yes: TallyCounts;
  no: TallyCounts;
  abstain: TallyCounts;
  /** Ballots of households not on the roll, and second ballots of one household: not counted. */
  ignored: number;
}

/** Areas are counted in hundredths of a m², as integers, so that 2/3 of them compares exactly. */
const cents = (area: number) => Math.round(area * 100);
const fromCents = (c: number) => c / 100;

/** a ≥ (num/den)·b, exactly. */
const atLeast = (a: number, b: number, f: Fraction) => a * f.den >= b * f.num;
/** a > (num/den)·b, exactly. */
const moreThan = (a: number, b: number, f: Fraction) => a * f.den > b * f.num;

const HALF: Fraction = { num: 1, den: 2 };
const TWO_THIRDS: Fraction = { num: 2, den: 3 };
const THREE_QUARTERS: Fraction = { num: 3, den: 4 };

/** A quorum given as a decimal (0.6) becomes the fraction it names, to a millionth. */
function asFraction(q: number | Fraction): Fraction {
  if (typeof q !== 'number') return q;
  if (!(q > 0 && q <= 1)) throw new RangeError(`a quorum is a share above 0 and at most 1, not ${q}`);
  return { num: Math.round(q * 1_000_000), den: 1_000_000 };
}

export function voteRuleKind(rule: VoteRule): VoteRuleKind {
  return typeof rule === 'string' ? rule : rule.kind;
}

/**
 * The result of a vote: a pure function of its rule, the roll fixed when it opened, and the ballots
 * (the last ballot of each household, as the server keeps them).
 *
 * - `simple_majority`: households that voted must reach the quorum (50% of the roll's households by
 *   default); yes must be more than half of the ballots cast, abstentions counted as cast.
 * - `two_thirds_of_all`: yes from at least two thirds of all households of the roll.
 * - `unanimity`: yes from every household of the roll.
 * - `civil_code_ordinary` / `civil_code_major` (Civil Code art. 278): owners holding at least two thirds
 *   of the roll's area and at least two thirds of its owners by head take part; yes from more than half
 *   (ordinary) or at least three quarters (major) of the participating area and of the participating heads.
 *   An owner of several units is one head with all their area (SPC interpretation on 建筑物区分所有权,
 *   art. 9): their units' ballots count as one; if those ballots differ, the owner counts as abstaining
 *   (taking part without consenting). "以上" includes the boundary (art. 1259); "过半数" does not.
 */
export function tallyVote(rule: VoteRule, roll: readonly RollEntry[], ballots: readonly BallotEntry[]): VoteTally {
  const kind = voteRuleKind(rule);
  const onRoll = new Map(roll.map((r) => [r.householdId, r]));
  const choiceOf = new Map<number, BallotChoice>();
  let ignored = 0;
  for (const b of ballots) {
    if (!onRoll.has(b.householdId) || choiceOf.has(b.householdId)) ignored += 1;
    else choiceOf.set(b.householdId, b.choice);
  }

  // Owners (heads): their units, their summed area, and their one choice.
  const owners = new Map<string, { area: number; units: number; choices: Set<BallotChoice> }>();
  for (const r of roll) {
    const key = r.ownerId === undefined || r.ownerId === null ? `h${r.householdId}` : `o${r.ownerId}`;
    const o = owners.get(key) ?? { area: 0, units: 0, choices: new Set<BallotChoice>() };
    o.area += cents(r.area);
    o.units += 1;
    const c = choiceOf.get(r.householdId);
    if (c) o.choices.add(c);
    owners.set(key, o);
  }

  const zero = (): TallyCounts => ({ households: 0, heads: 0, area: 0 });
  const by: Record<BallotChoice, TallyCounts> = { yes: zero(), no: zero(), abstain: zero() };
  const total = zero();
  for (const o of owners.values()) {
    total.heads += 1;
    total.households += o.units;
    total.area += o.area;
    if (o.choices.size === 0) continue;
    const choice: BallotChoice = o.choices.size === 1 ? [...o.choices][0] : 'abstain';
    by[choice].heads += 1;
    by[choice].area += o.area;
  }
  // Households by their own ballot (the head-free rules count these).
  for (const c of choiceOf.values()) by[c].households += 1;
  const cast: TallyCounts = {
    households: by.yes.households + by.no.households + by.abstain.households,
    heads: by.yes.heads + by.no.heads + by.abstain.heads,
    area: by.yes.area + by.no.area + by.abstain.area,
  };

  let quorumMet: boolean;
  let passed: boolean;
  switch (kind) {
    case 'simple_majority': {
      const quorum = typeof rule === 'string' || rule.kind !== 'simple_majority' || rule.quorum === undefined ? DEFAULT_QUORUM : asFraction(rule.quorum);
      quorumMet = total.households > 0 && atLeast(cast.households, total.households, quorum);
      passed = quorumMet && moreThan(by.yes.households, cast.households, HALF);
      break;
    }
    case 'two_thirds_of_all':
      quorumMet = total.households > 0 && atLeast(cast.households, total.households, TWO_THIRDS);
      passed = quorumMet && atLeast(by.yes.households, total.households, TWO_THIRDS);
      break;
    case 'unanimity':
      quorumMet = total.households > 0 && cast.households === total.households;
      passed = quorumMet && by.yes.households === total.households;
      break;
    case 'civil_code_ordinary':
    case 'civil_code_major': {
      quorumMet = total.heads > 0 && atLeast(cast.heads, total.heads, TWO_THIRDS) && atLeast(cast.area, total.area, TWO_THIRDS);
      passed =
        quorumMet &&
        (kind === 'civil_code_major'
          ? atLeast(by.yes.heads, cast.heads, THREE_QUARTERS) && atLeast(by.yes.area, cast.area, THREE_QUARTERS)
          : moreThan(by.yes.heads, cast.heads, HALF) && moreThan(by.yes.area, cast.area, HALF));
      break;
    }
  }
  const inM2 = (c: TallyCounts): TallyCounts => ({ ...c, area: fromCents(c.area) });
  return { rule: kind, passed, quorumMet, roll: inM2(total), cast: inM2(cast), yes: inM2(by.yes), no: inM2(by.no), abstain: inM2(by.abstain), ignored };
}

/** Input limits of 议事's texts: the server's validators and the app's forms read them (like TEXT_LIMITS). */
export const TOPIC_TEXT_LIMITS = {
  titleMin: 4,
  titleMax: 60,
  descriptionMin: 10,
  descriptionMax: 1000,
  commentMin: 2,
  commentMax: 500,
  planBodyMin: 10,
  planBodyMax: 5000,
  reviewerMax: 60,
  opinionMin: 2,
  opinionMax: 1000,
  taskTitleMin: 2,
  taskTitleMax: 60,
  taskOwnerMax: 60,
  progressNoteMin: 2,
  progressNoteMax: 500,
  proxyNameMax: 32,
} as const;
