/**
 * The 报事 ticket loop: 报事 → 派单 → 办理 → 办结 → 评价.
 * One state machine, used by the server to enforce and by the mini-program to
 * show only the buttons that are allowed.
 */
export const TICKET_STATUSES = [
  'submitted', // 已受理, waiting in the community's dispatch queue
  'dispatched', // 已派单, waiting for the handler to accept
  'accepted', // 处理中
  'resolved', // 已办结, waiting for the resident's rating
  'closed', // 已评价 / 已关闭
  'rejected', // 不予受理 (duplicate, outside our remit)
  'cancelled', // 居民撤回
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/**
 * Status groups: every query, rule and page that asks "is it open?" reads these.
 * SQL that spells a list of statuses again is a second copy of the rule.
 */
/** Someone still has to act before it is resolved; deadlines run and escalation climbs. */
export const OPEN_TICKET_STATUSES = ['submitted', 'dispatched', 'accepted'] as const satisfies readonly TicketStatus[];
/** Nothing more happens to it. */
export const FINAL_TICKET_STATUSES = ['closed', 'rejected', 'cancelled'] as const satisfies readonly TicketStatus[];
/** In a handler's hands: the 待办 inbox. A matter in the dispatch queue (submitted) is nobody's yet. */
export const HANDLER_INBOX_STATUSES = ['dispatched', 'accepted'] as const satisfies readonly TicketStatus[];
/** Counted as resolved in 解决率: handled, whether rated yet or not (docs/metrics.md). */
export const RESOLVED_TICKET_STATUSES = ['resolved', 'closed'] as const satisfies readonly TicketStatus[];
/** Left out of every rate: not a matter the community took on (docs/metrics.md). */
export const NOT_COUNTED_TICKET_STATUSES = ['rejected', 'cancelled'] as const satisfies readonly TicketStatus[];
/** Shown on the 公示 public board: finished and rated (or closed unrated). */
export const PUBLIC_BOARD_STATUSES = ['closed'] as const satisfies readonly TicketStatus[];
/**
 * Which deadline a status races against: before acceptance the accept deadline, after it the resolve
 * deadline; other statuses have none. "Overdue" means now is past this deadline.
 */
export const DEADLINE_BY_STATUS = {
  submitted: 'acceptDueAt',
  dispatched: 'acceptDueAt',
  accepted: 'resolveDueAt',
} as const satisfies Partial<Record<TicketStatus, 'acceptDueAt' | 'resolveDueAt'>>;

export const TICKET_STATUS_LABELS: Record<TicketStatus, string> = {
  submitted: '待派单',
  dispatched: '已派单',
  accepted: '处理中',
  resolved: '已办结',
  closed: '已关闭',
  rejected: '不予受理',
  cancelled: '已撤回',
};

export const TICKET_ACTIONS = [
  'dispatch', // 派单 (committee, from the dispatch queue; or the system on creation)
  'accept', // 接单
  'resolve', // 办结
  'return', // 退单: not mine, back to the dispatch queue
  'transfer', // 转派 to another handler
  'reject', // 不予受理
  'cancel', // 撤回
  'rate', // 评价 (satisfied / basically satisfied close it; unsatisfied reopens it: 重办)
  'auto_close', // no rating within the rating window
  'escalate', // 超时升级: the sweeper raises an overdue matter one level
  'categorise', // 设置类别: a committee member classifies a matter reported without a category (待分类)
] as const;
export type TicketAction = (typeof TICKET_ACTIONS)[number];

export const TICKET_ACTION_LABELS: Record<TicketAction, string> = {
  dispatch: '派单',
  accept: '接单',
  resolve: '办结',
  return: '退回',
  transfer: '转派',
  reject: '不予受理',
  cancel: '撤回',
  rate: '评价',
  auto_close: '超时自动关闭',
  escalate: '超时升级',
  categorise: '设置类别',
};

/**
 * How the actor stands to this ticket. The server works this out from the
 * user's roles and places; the rules below only read it.
 */
export type TicketRelation =
  | 'reporter' // the resident who reported it
  | 'handler' // the user it is dispatched to
  | 'grid_colleague' // another grid worker of the ticket's grid
  | 'committee' // a committee member of the ticket's community
  | 'overseer' // a street or district officer above the ticket's community, or an admin
  | 'system';

/** The roles that may ever fire an action; anyone else gets 403 whatever the state. */
export type ActorKind = 'resident' | 'handler' | 'committee' | 'system';

export interface TransitionRule {
  from: readonly TicketStatus[];
  /**
   * The state after the action; `rate` depends on the rating (rateOutcome), `escalate` keeps the state,
   * `categorise` routes by the new category (dispatched when its routing finds a handler, else still submitted).
   */
  to: TicketStatus | 'by_rating' | 'by_routing' | 'unchanged';
  /** Relations that may fire it. */
  by: readonly TicketRelation[];
}

export const TICKET_TRANSITIONS: Record<TicketAction, TransitionRule> = {
  dispatch: { from: ['submitted'], to: 'dispatched', by: ['committee', 'system'] },
  // Any grid worker of the grid may take a matter dispatched to a colleague: the first press wins.
  accept: { from: ['dispatched'], to: 'accepted', by: ['handler', 'grid_colleague'] },
  resolve: { from: ['accepted'], to: 'resolved', by: ['handler'] },
  return: { from: ['dispatched', 'accepted'], to: 'submitted', by: ['handler'] },
  // Officers above the community move a matter too: an escalated one, or a departing worker's (staff removal).
  transfer: { from: ['dispatched', 'accepted'], to: 'dispatched', by: ['handler', 'committee', 'overseer'] },
  reject: { from: ['submitted', 'dispatched', 'accepted'], to: 'rejected', by: ['committee'] },
  cancel: { from: ['submitted', 'dispatched'], to: 'cancelled', by: ['reporter'] },
  rate: { from: ['resolved'], to: 'by_rating', by: ['reporter'] },
  auto_close: { from: ['resolved'], to: 'closed', by: ['system'] },
  escalate: { from: OPEN_TICKET_STATUSES, to: 'unchanged', by: ['system'] },
  categorise: { from: ['submitted'], to: 'by_routing', by: ['committee'] },
};

/** The role a user must hold to ever fire an action (403 otherwise). */
export const ACTION_ROLES: Record<TicketAction, readonly ('resident' | 'grid_worker' | 'partner' | 'committee_member' | 'street_officer' | 'district_officer' | 'admin' | 'system')[]> = {
  dispatch: ['committee_member', 'system'],
  accept: ['grid_worker', 'partner'],
  resolve: ['grid_worker', 'partner'],
  return: ['grid_worker', 'partner'],
  transfer: ['grid_worker', 'partner', 'committee_member', 'street_officer', 'district_officer', 'admin'],
  reject: ['committee_member'],
  cancel: ['resident'],
  rate: ['resident'],
  auto_close: ['system'],
  escalate: ['system'],
  categorise: ['committee_member'],
};

export type TransitionCheck =
  | { ok: true; to: TransitionRule['to'] }
  | { ok: false; reason: 'forbidden' | 'invalid_state' };

/**
 * May `relations` fire `action` on a ticket in `status`?
 * 'forbidden' (→ 403) when none of the relations may ever fire it;
 * 'invalid_state' (→ 409) when they may, but not from this state.
 */
export function checkTransition(status: TicketStatus, action: TicketAction, relations: readonly TicketRelation[]): TransitionCheck {
  const rule = TICKET_TRANSITIONS[action];
  if (!relations.some((r) => rule.by.includes(r))) return { ok: false, reason: 'forbidden' };
  if (!rule.from.includes(status)) return { ok: false, reason: 'invalid_state' };
  return { ok: true, to: rule.to };
}

/**
 * The actions a viewer may fire now: the buttons the mini-program shows (never the system's own).
 * A matter without a category (待分类) is categorised, not dispatched by hand; one with a category is
 * not categorised again (applyTransition refuses both).
 */
export function allowedActions(status: TicketStatus, relations: readonly TicketRelation[], categorised = true): TicketAction[] {
  const people = relations.filter((r) => r !== 'system');
  const notNow: TicketAction = categorised ? 'categorise' : 'dispatch';
  return TICKET_ACTIONS.filter((a) => a !== notNow && checkTransition(status, a, people).ok);
}

/** How a matter reported without a category is named wherever a category's name would stand. */
export const UNCATEGORISED_LABEL = '待分类';

export function isOpen(status: TicketStatus): boolean {
  return (OPEN_TICKET_STATUSES as readonly TicketStatus[]).includes(status);
}

export function isFinal(status: TicketStatus): boolean {
  return (FINAL_TICKET_STATUSES as readonly TicketStatus[]).includes(status);
}

/** Timeline event kinds: every transition, plus what happens around it. */
export const TICKET_EVENT_TYPES = [
  'submitted',
  'dispatched',
  'accepted',
  'resolved',
  'returned',
  'transferred',
  'rejected',
  'cancelled',
  'rated',
  'reopened',
  'closed',
  'auto_closed',
  'escalated',
  'merged', // a duplicate was merged into this ticket
  'followed', // 附议: a resident said "me too"
  'categorised', // 设置类别: the committee set the category of a matter reported without one
] as const;
export type TicketEventType = (typeof TICKET_EVENT_TYPES)[number];

export const TICKET_EVENT_LABELS: Record<TicketEventType, string> = {
  submitted: '居民报事',
  dispatched: '派单',
  accepted: '接单处理',
  resolved: '办结',
  returned: '退回派单池',
  transferred: '转派',
  rejected: '不予受理',
  cancelled: '居民撤回',
  rated: '居民评价',
  reopened: '不满意，重办',
  closed: '关闭',
  auto_closed: '超时未评价，自动关闭',
  escalated: '超时升级',
  merged: '合并重复报事',
  followed: '居民附议',
  categorised: '设置类别',
};

/**
 * 附议 (me too) is offered for, and allowed on, open matters of the resident's own community (their
 * approved household's) within this distance of their own building: a neighbour's matter, not a
 * stranger's. The point a phone sends is not proof of where someone lives.
 */
export const FOLLOW_RADIUS_METERS = 1000;

/**
 * What a resident reads on the timeline (docs/security.md): staff notes on handing a matter around
 * (退回, 转派) are internal and may name people, so they stay with staff; the reporter reads why a
 * matter was not taken on (不予受理), a follower only its reason's label.
 */
export const STAFF_ONLY_NOTE_EVENTS: readonly TicketEventType[] = ['returned', 'transferred'];

export const REJECT_REASONS = ['duplicate', 'outside_remit', 'other'] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];
export const REJECT_REASON_LABELS: Record<RejectReason, string> = {
  duplicate: '重复报事',
  outside_remit: '不属于社区受理范围',
  other: '其他',
};
