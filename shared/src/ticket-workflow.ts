/**
 * What every change to a ticket does, as one pure function: the server checks who is asking, calls
 * `applyTransition`, and persists exactly what it returns (the new columns, the timeline events, the
 * notifications). People's actions, the sweeper's escalations and auto-close, and the reopen after
 * 不满意 all go through here, so a rule is written once.
 */
import type { NotificationKind } from './notifications.js';
import { RATING_LABELS, RATING_WINDOW_DAYS, rateOutcome, type FinalRating, type Rating } from './ratings.js';
import {
  ESCALATION_LEVEL_LABELS,
  ESCALATION_LEVELS,
  TOP_ESCALATION_LEVEL,
  acceptDeadlineOnHandover,
  addDays,
  UNCATEGORISED_SLA,
  initialDeadlines,
  nextEscalationAt,
  type SlaPolicy,
} from './sla.js';
import {
  REJECT_REASON_LABELS,
  UNCATEGORISED_LABEL,
  checkTransition,
  type RejectReason,
  type TicketEventType,
  type TicketRelation,
  type TicketStatus,
} from './tickets.js';

/** The ticket's workflow fields: what transitions read and write. */
export interface TicketState {
  status: TicketStatus;
  reporterId: number;
  handlerId: number | null;
  /** Null while the matter waits for the committee to set it (待分类): only in the dispatch queue. */
  categoryId: number | null;
  description: string;
  /** The submission: deadlines of a category set later run from here. */
  createdAt: Date;
  respondDueAt: Date;
  acceptDueAt: Date;
  resolveDueAt: Date;
  escalationLevel: number;
  lastEscalatedAt: Date | null;
  nextEscalationAt: Date | null;
  autoCloseAt: Date | null;
  firstAcceptedAt: Date | null;
  firstResolvedAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  resolutionNote: string | null;
  resolutionPhotoKeys: string[] | null;
  rating: FinalRating | null;
  ratingComment: string | null;
  reopenCount: number;
  rejectReason: RejectReason | null;
  duplicateOfId: number | null;
}

/** An action and what the actor said with it. */
export type TicketCommand =
  | { action: 'dispatch'; toUserId: number }
  | { action: 'accept' }
  | { action: 'resolve'; note: string; photoKeys: string[] }
  | { action: 'return'; reason: string }
  | { action: 'transfer'; toUserId: number; reason: string }
  /** `duplicateOf`: a committee member merges this ticket into the original (合并重复报事). */
  | { action: 'reject'; reason: RejectReason; note?: string | null; duplicateOf?: { id: number; code: string } }
  | { action: 'cancel' }
  | { action: 'rate'; rating: Rating; comment?: string | null }
  | { action: 'auto_close' }
  | { action: 'escalate' }
  /** `handlerId`: who the category's routing chose (the server asks the dispatcher), null when it routes to the queue. */
  | { action: 'categorise'; category: SlaPolicy & { id: number; name: string }; handlerId: number | null };

export interface TransitionContext {
  now: Date;
  /** How the actor stands to the ticket (`['system']` for the sweeper). */
  relations: readonly TicketRelation[];
  /** The acting user, who becomes the handler on accept; null for the system. */
  actorId: number | null;
  /** The ticket's category: its name for messages, its SLA for deadlines (`uncategorised` while it has none). */
  category: SlaPolicy & { name: string };
}

export type EventData = Record<string, string | number | boolean | null>;

/** One timeline entry. By the actor unless `bySystem` (dispatch on report, escalation, auto-close). */
export interface TimelineEventDraft {
  type: TicketEventType;
  note: string | null;
  photoKeys: string[] | null;
  data: EventData | null;
  bySystem?: boolean;
}

/** One notification; its recipients are NOTIFICATION_KINDS[kind].recipients, resolved by the server. */
export interface NotificationDraft {
  kind: NotificationKind;
  title: string;
  body: string;
}

export interface TransitionEffects {
  /** Every column the change sets, deadlines and escalation fields included. */
  changes: Partial<TicketState>;
  events: TimelineEventDraft[];
  notifications: NotificationDraft[];
}

export type TransitionRefusal =
  | 'forbidden' // the actor may never do this (403)
  | 'invalid_state' // not from the ticket's state (409)
  | 'same_handler' // handing it to whoever holds it already (422)
  | 'uncategorised' // dispatching a matter whose category is not set yet (409: set it first)
  | 'categorised'; // categorising a matter that has a category (409)

export type TransitionResult = ({ ok: true } & TransitionEffects) | { ok: false; reason: TransitionRefusal };

/** The category context of a matter reported without one (待分类): its name in messages, its interim deadlines. */
export const UNCATEGORISED: SlaPolicy & { name: string } = { ...UNCATEGORISED_SLA, name: UNCATEGORISED_LABEL };

/** A report's words as a notice or a card shows them: a photo-only report (随手拍) says so. */
export function matterText(description: string): string {
  return description === '' ? '（照片报事，未写文字）' : description;
}

const event = (type: TicketEventType, fields: Partial<TimelineEventDraft> = {}): TimelineEventDraft => ({ type, note: null, photoKeys: null, data: null, ...fields });
const notice = (kind: NotificationKind, title: string, body: string): NotificationDraft => ({ kind, title, body });

/** Everything `command` changes on `ticket`, or why it may not happen. */
export function applyTransition(ticket: TicketState, command: TicketCommand, ctx: TransitionContext): TransitionResult {
  const check = checkTransition(ticket.status, command.action, ctx.relations);
  if (!check.ok) return check;
  const effects = effectsOf(ticket, command, ctx);
  if ('refused' in effects) return { ok: false, reason: effects.refused };
  const after = { ...ticket, ...effects.changes };
  const to = check.to === 'by_rating' || check.to === 'by_routing' || check.to === 'unchanged' ? after.status : check.to;
  if (after.status !== to) throw new Error(`${command.action} left the ticket ${after.status}, the table says ${to}`);
  effects.changes.nextEscalationAt = nextEscalationAt(after);
  return { ok: true, ...effects };
}

function effectsOf(t: TicketState, command: TicketCommand, ctx: TransitionContext): TransitionEffects | { refused: TransitionRefusal } {
  const { now, category } = ctx;
  switch (command.action) {
    case 'dispatch':
    case 'transfer': {
      if (t.categoryId === null) return { refused: 'uncategorised' };
      if (command.toUserId === t.handlerId) return { refused: 'same_handler' };
      const reason = command.action === 'transfer' ? command.reason : null;
      return {
        changes: { status: 'dispatched', handlerId: command.toUserId, acceptDueAt: acceptDeadlineOnHandover(category, now, t.resolveDueAt) },
        events: [event(command.action === 'dispatch' ? 'dispatched' : 'transferred', { note: reason, data: { fromUserId: t.handlerId, toUserId: command.toUserId } })],
        notifications: [notice('dispatched', `新派单：${category.name}`, matterText(t.description))],
      };
    }
    case 'categorise': {
      if (t.categoryId !== null) return { refused: 'categorised' };
      // A matter without a category was never dispatched, returned or reopened: every deadline still counts from the submission.
      const deadlines = initialDeadlines(command.category, t.createdAt);
      const categorised = event('categorised', { note: command.category.name, data: { categoryId: command.category.id } });
      if (command.handlerId === null) {
        return { changes: { categoryId: command.category.id, ...deadlines }, events: [categorised], notifications: [] };
      }
      return {
        changes: { categoryId: command.category.id, ...deadlines, status: 'dispatched', handlerId: command.handlerId },
        events: [categorised, event('dispatched', { data: { toUserId: command.handlerId, auto: true }, bySystem: true })],
        notifications: [notice('dispatched', `新派单：${command.category.name}`, matterText(t.description))],
      };
    }
    case 'accept': {
      // A grid colleague taking over a matter dispatched to someone else becomes its handler (first press wins).
      const takenOver = t.handlerId !== ctx.actorId;
      return {
        changes: { status: 'accepted', handlerId: ctx.actorId, firstAcceptedAt: t.firstAcceptedAt ?? now },
        events: [event('accepted', { data: takenOver ? { fromUserId: t.handlerId } : null })],
        notifications: [notice('accepted', '您的报事已受理', '工作人员已接单，正在处理')],
      };
    }
    case 'resolve':
      return {
        changes: {
          status: 'resolved',
          resolvedAt: now,
          firstResolvedAt: t.firstResolvedAt ?? now,
          resolutionNote: command.note,
          resolutionPhotoKeys: command.photoKeys,
          autoCloseAt: addDays(now, RATING_WINDOW_DAYS),
        },
        events: [event('resolved', { note: command.note, photoKeys: command.photoKeys })],
        notifications: [notice('resolved', '您的报事已办结，请评价', command.note)],
      };
    case 'return':
      return {
        changes: { status: 'submitted', handlerId: null, acceptDueAt: acceptDeadlineOnHandover(category, now, t.resolveDueAt) },
        events: [event('returned', { note: command.reason, data: { fromUserId: ctx.actorId } })],
        notifications: [notice('returned', '报事被退回，待重新派单', command.reason)],
      };
    case 'reject': {
      const original = command.duplicateOf;
      const label = REJECT_REASON_LABELS[command.reason];
      const note = original ? `${label}，已合并到 ${original.code}` : command.note ? `${label}：${command.note}` : label;
      return {
        changes: { status: 'rejected', rejectReason: command.reason, duplicateOfId: original?.id ?? t.duplicateOfId, closedAt: now },
        events: [event('rejected', { note, data: original ? { reason: command.reason, duplicateOfId: original.id } : { reason: command.reason } })],
        notifications: [
          original
            ? notice('merged', '您的报事已合并', `与 ${original.code} 为同一件事，您将收到它的进展`)
            : notice('rejected', '报事不予受理', note),
        ],
      };
    }
    case 'cancel':
      return {
        changes: { status: 'cancelled', closedAt: now },
        events: [event('cancelled')],
        notifications: [notice('cancelled', '居民已撤回报事', matterText(t.description))],
      };
    case 'rate': {
      const comment = command.comment ?? null;
      const rated = event('rated', { note: comment, data: { rating: command.rating } });
      const common = { rating: command.rating, ratingComment: comment, autoCloseAt: null };
      if (rateOutcome(command.rating) === 'close') {
        return {
          changes: { ...common, status: 'closed', closedAt: now },
          events: [rated, event('closed')],
          notifications: [notice('closed', `居民评价：${RATING_LABELS[command.rating]}`, comment ?? '')],
        };
      }
      // 差评 → 重办: back to the same handler; the deadlines and the escalation ladder start again.
      const { acceptDueAt, resolveDueAt } = initialDeadlines(category, now);
      return {
        changes: { ...common, status: 'dispatched', reopenCount: t.reopenCount + 1, resolvedAt: null, acceptDueAt, resolveDueAt, escalationLevel: 0, lastEscalatedAt: null },
        events: [rated, event('reopened', { note: comment, data: { toUserId: t.handlerId } })],
        notifications: [notice('reopened', '居民不满意，报事重办', comment ?? matterText(t.description))],
      };
    }
    case 'auto_close':
      return {
        // Never counted as satisfied: silence is not a rating.
        changes: { status: 'closed', rating: 'not_rated', closedAt: now, autoCloseAt: null },
        events: [event('auto_closed', { bySystem: true })],
        notifications: [],
      };
    case 'escalate': {
      if (t.escalationLevel >= TOP_ESCALATION_LEVEL) return { refused: 'invalid_state' };
      const level = ESCALATION_LEVELS[t.escalationLevel + 1];
      const missed = t.status === 'accepted' ? '办结' : t.categoryId === null ? '设置类别' : '接单';
      return {
        changes: { escalationLevel: t.escalationLevel + 1, lastEscalatedAt: now },
        events: [event('escalated', { note: `超时未${missed}，升级至${ESCALATION_LEVEL_LABELS[level]}`, data: { level }, bySystem: true })],
        notifications: [notice('escalated', `报事超时，已升级至${ESCALATION_LEVEL_LABELS[level]}`, matterText(t.description))],
      };
    }
  }
}

/**
 * What a new report starts as: dispatched at once when a handler was found, else in the community's queue.
 * Without a category (随手拍, 待分类) it waits in the queue under the interim deadlines (UNCATEGORISED_SLA).
 */
export function reportTicket(input: {
  now: Date;
  reporterId: number;
  description: string;
  photoKeys: string[];
  handlerId: number | null;
  category: (SlaPolicy & { id: number; name: string }) | null;
}): { state: TicketState; events: TimelineEventDraft[]; notifications: NotificationDraft[] } {
  const { now, category } = input;
  const handlerId = category === null ? null : input.handlerId;
  const state: TicketState = {
    status: handlerId === null ? 'submitted' : 'dispatched',
    reporterId: input.reporterId,
    handlerId,
    categoryId: category?.id ?? null,
    description: input.description,
    createdAt: now,
    ...initialDeadlines(category ?? UNCATEGORISED_SLA, now),
    escalationLevel: 0,
    lastEscalatedAt: null,
    nextEscalationAt: null,
    autoCloseAt: null,
    firstAcceptedAt: null,
    firstResolvedAt: null,
    resolvedAt: null,
    closedAt: null,
    resolutionNote: null,
    resolutionPhotoKeys: null,
    rating: null,
    ratingComment: null,
    reopenCount: 0,
    rejectReason: null,
    duplicateOfId: null,
  };
  state.nextEscalationAt = nextEscalationAt(state);
  const submitted = event('submitted', { photoKeys: input.photoKeys });
  if (category === null) {
    return { state, events: [submitted], notifications: [notice('queued', `${UNCATEGORISED_LABEL}：请设置类别`, '有一件随手拍报事需要设置类别后派单')] };
  }
  if (handlerId === null) {
    return { state, events: [submitted], notifications: [notice('queued', `待派单：${category.name}`, '有一件报事需要人工派单')] };
  }
  return {
    state,
    events: [submitted, event('dispatched', { data: { toUserId: handlerId, auto: true }, bySystem: true })],
    notifications: [notice('dispatched', `新派单：${category.name}`, matterText(input.description))],
  };
}
