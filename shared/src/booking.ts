/**
 * 预约: the rules of booking community services and venues, pure, for the server and the app alike
 * (docs/architecture.md, "Booking"). A booking's life is one state machine, applied like the ticket
 * machine: `applyBookingTransition` says what a change does (new columns, the timeline event, the
 * notices with recipient roles), and the server persists exactly that. The waiting list, who may book,
 * when, and the no-show block are plain functions beside it. The waiting list also serves the
 * deliberation issue's meeting registrations.
 */
import { addLocalDays, localDate, startOfLocalDay, type LocalDate } from './time.js';
import type { Rating } from './ratings.js';

/** Service families as the seeds list them (政务, 生活, 法律, 文体, 关爱, 场地). */
export const SERVICE_FAMILIES = ['government', 'living', 'legal', 'culture', 'care', 'venue'] as const;
export type ServiceFamily = (typeof SERVICE_FAMILIES)[number];
export const SERVICE_FAMILY_LABELS: Record<ServiceFamily, string> = {
  government: '政务',
  living: '生活',
  legal: '法律',
  culture: '文体',
  care: '关爱',
  venue: '场地',
};

export const BOOKING_STATUSES = ['booked', 'waiting', 'offered', 'attended', 'no_show', 'cancelled', 'expired'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];
export const BOOKING_STATUS_LABELS: Record<BookingStatus, string> = {
  booked: '已预约',
  waiting: '候补中',
  offered: '候补到位待确认',
  attended: '已签到',
  no_show: '未到场',
  cancelled: '已取消',
  expired: '已过期',
};

/** A place of the slot is taken by these: capacity minus their count is what is left. */
export const PLACE_HOLDING_STATUSES: readonly BookingStatus[] = ['booked', 'offered', 'attended', 'no_show'];
/** Still to come: what counts against a person's and a household's limits. */
export const ACTIVE_BOOKING_STATUSES: readonly BookingStatus[] = ['booked', 'waiting', 'offered'];

export const BOOKING_ACTIONS = ['cancel', 'close', 'offer', 'confirm', 'expire', 'check_in', 'mark_no_show', 'rate'] as const;
export type BookingAction = (typeof BOOKING_ACTIONS)[number];
export const BOOKING_ACTION_LABELS: Record<BookingAction, string> = {
  cancel: '取消预约',
  close: '停止服务',
  offer: '候补到位',
  confirm: '确认候补',
  expire: '候补过期',
  check_in: '签到',
  mark_no_show: '标记未到',
  rate: '评价',
};

/**
 * How the actor stands to the booking: `holder` (the resident it is for), `booker` (the grid worker
 * who booked it for them, 代办), `provider` (staff of the organisation giving the service),
 * `committee` (a committee member of the item's community), `system` (the offer clock).
 */
export type BookingRelation = 'holder' | 'booker' | 'provider' | 'committee' | 'system';

export interface BookingRule {
  from: readonly BookingStatus[];
  to: BookingStatus | 'unchanged';
  by: readonly BookingRelation[];
}

/** docs/architecture.md writes this table by hand; shared/test/booking.test.ts holds the two together. */
export const BOOKING_TRANSITIONS: Record<BookingAction, BookingRule> = {
  cancel: { from: ['booked', 'waiting', 'offered'], to: 'cancelled', by: ['holder', 'booker'] },
  // Closing a day or an item cancels what is on it, whoever booked it.
  close: { from: ['booked', 'waiting', 'offered'], to: 'cancelled', by: ['provider', 'committee'] },
  offer: { from: ['waiting'], to: 'offered', by: ['system'] },
  confirm: { from: ['offered'], to: 'booked', by: ['holder', 'booker'] },
  expire: { from: ['offered', 'waiting'], to: 'expired', by: ['system'] },
  check_in: { from: ['booked'], to: 'attended', by: ['provider', 'committee'] },
  mark_no_show: { from: ['booked'], to: 'no_show', by: ['provider', 'committee'] },
  rate: { from: ['attended'], to: 'unchanged', by: ['holder'] },
};

/** Minutes a freed place is held for the first in line before it passes on. */
export const OFFER_HOLD_MINUTES = 120;
/** Check-in opens this long before the slot starts, and closes when it ends. */
export const CHECK_IN_OPENS_MINUTES = 30;
/** No-shows: this many within the window block new bookings in that family for the block's length. */
export const NO_SHOW_LIMIT = 3;
export const NO_SHOW_WINDOW_DAYS = 30;
export const NO_SHOW_BLOCK_DAYS = 14;

export interface BookingState {
  status: BookingStatus;
  offerExpiresAt: Date | null;
  rating: Rating | null;
  /** The slot was moved after this was booked: cancelling it never counts as late. */
  slotMovedAt: Date | null;
}

export interface SlotTimes {
  startsAt: Date;
  endsAt: Date;
}

export type BookingCommand =
  | { action: 'cancel' }
  | { action: 'close'; reason: string }
  | { action: 'offer' }
  | { action: 'confirm' }
  | { action: 'expire' }
  | { action: 'check_in' }
  | { action: 'mark_no_show' }
  | { action: 'rate'; rating: Rating; comment?: string | null };

export interface BookingContext {
  now: Date;
  relations: readonly BookingRelation[];
  slot: SlotTimes;
  /** The item's cancellation cut-off: minutes before the start after which the holder cannot cancel. */
  cancelCutoffMinutes: number;
}

/** Who a notice goes to, as roles the server resolves to people. */
export type BookingRecipient = 'holder' | 'booker' | 'provider';

export interface BookingNotice {
  kind: 'booking_offered' | 'booking_cancelled' | 'booking_expired';
  recipients: BookingRecipient[];
  title: string;
}

export type BookingRefusal = 'forbidden' | 'invalid_state' | 'too_late' | 'too_early' | 'offer_expired' | 'already_rated';

export type BookingResult =
  | {
      ok: true;
      changes: Partial<BookingState & { cancelledAt: Date; checkedInAt: Date; ratedAt: Date; ratingComment: string | null }>;
      /** The place this change gives back to the slot (a cancelled or expired holder of a place): offer it to the next in line. */
      freesPlace: boolean;
      notices: BookingNotice[];
    }
  | { ok: false; reason: BookingRefusal };

const MINUTE = 60_000;

/** Whether these relations may fire the action from this state, before anything about time. */
export function checkBookingTransition(status: BookingStatus, action: BookingAction, relations: readonly BookingRelation[]): { ok: true } | { ok: false; reason: 'forbidden' | 'invalid_state' } {
  const rule = BOOKING_TRANSITIONS[action];
  if (!relations.some((r) => rule.by.includes(r))) return { ok: false, reason: 'forbidden' };
  if (!rule.from.includes(status)) return { ok: false, reason: 'invalid_state' };
  return { ok: true };
}

/** The buttons to show: the actions these relations may take now, time rules included. */
export function allowedBookingActions(b: BookingState, relations: readonly BookingRelation[], ctx: Omit<BookingContext, 'relations'>): BookingAction[] {
  const people = relations.filter((r) => r !== 'system');
  return BOOKING_ACTIONS.filter((action) => applyBookingTransition(b, commandFor(action), { ...ctx, relations: people }).ok);
}

function commandFor(action: BookingAction): BookingCommand {
  if (action === 'close') return { action, reason: '' };
  if (action === 'rate') return { action, rating: 'satisfied' };
  return { action } as BookingCommand;
}

export function applyBookingTransition(b: BookingState, command: BookingCommand, ctx: BookingContext): BookingResult {
  const check = checkBookingTransition(b.status, command.action, ctx.relations);
  if (!check.ok) return check;
  const { now, slot } = ctx;
  const holdsPlace = PLACE_HOLDING_STATUSES.includes(b.status);
  switch (command.action) {
    case 'cancel': {
      // A booked place may be given back until the cut-off (or any time before the start once the slot was moved);
      // a waiting or offered one until the start.
      const late = b.status === 'booked' && b.slotMovedAt === null ? cancelDeadline(slot, ctx.cancelCutoffMinutes) : slot.startsAt;
      if (now >= late) return { ok: false, reason: 'too_late' };
      return { ok: true, changes: { status: 'cancelled', cancelledAt: now, offerExpiresAt: null }, freesPlace: holdsPlace, notices: [] };
    }
    case 'close':
      return {
        ok: true,
        changes: { status: 'cancelled', cancelledAt: now, offerExpiresAt: null },
        freesPlace: false, // the slot itself is closing: there is no one to offer it to
        notices: [{ kind: 'booking_cancelled', recipients: ['holder', 'booker'], title: '预约已取消' }],
      };
    case 'offer': {
      if (now >= slot.startsAt) return { ok: false, reason: 'too_late' };
      // Held for OFFER_HOLD_MINUTES, never past the start.
      const until = new Date(Math.min(now.getTime() + OFFER_HOLD_MINUTES * MINUTE, slot.startsAt.getTime()));
      return { ok: true, changes: { status: 'offered', offerExpiresAt: until }, freesPlace: false, notices: [{ kind: 'booking_offered', recipients: ['holder', 'booker'], title: '候补到位，请确认' }] };
    }
    case 'confirm':
      if (b.offerExpiresAt !== null && now >= b.offerExpiresAt) return { ok: false, reason: 'offer_expired' };
      return { ok: true, changes: { status: 'booked', offerExpiresAt: null }, freesPlace: false, notices: [] };
    case 'expire': {
      // An offer past its time; a waiting place when the slot starts.
      const due = b.status === 'offered' ? b.offerExpiresAt ?? slot.startsAt : slot.startsAt;
      if (now < due) return { ok: false, reason: 'too_early' };
      return {
        ok: true,
        changes: { status: 'expired', offerExpiresAt: null },
        freesPlace: holdsPlace && now < slot.startsAt,
        notices: [{ kind: 'booking_expired', recipients: ['holder'], title: b.status === 'offered' ? '候补名额已过期' : '候补未能到位' }],
      };
    }
    case 'check_in':
      if (now < new Date(slot.startsAt.getTime() - CHECK_IN_OPENS_MINUTES * MINUTE)) return { ok: false, reason: 'too_early' };
      if (now >= slot.endsAt) return { ok: false, reason: 'too_late' };
      return { ok: true, changes: { status: 'attended', checkedInAt: now }, freesPlace: false, notices: [] };
    case 'mark_no_show':
      if (now < slot.endsAt) return { ok: false, reason: 'too_early' };
      return { ok: true, changes: { status: 'no_show' }, freesPlace: false, notices: [] };
    case 'rate':
      if (b.rating !== null) return { ok: false, reason: 'already_rated' };
      return { ok: true, changes: { rating: command.rating, ratingComment: command.comment ?? null, ratedAt: now }, freesPlace: false, notices: [] };
  }
}

/** The last moment a booked place may be cancelled by its holder. */
export function cancelDeadline(slot: SlotTimes, cutoffMinutes: number): Date {
  return new Date(slot.startsAt.getTime() - cutoffMinutes * MINUTE);
}

// ───────────────────────── the waiting list ─────────────────────────

export interface QueueEntry {
  id: number;
  status: BookingStatus;
  /** When they joined the list: first come, first served (then the lower id). */
  joinedAt: Date;
  offerExpiresAt: Date | null;
}

/**
 * What the waiting list does now: offers whose time is up expire (giving their place back), then the
 * free places go, in order of joining, to those still waiting. `freePlaces` counts places neither
 * booked nor held by an offer. Applied under the slot's lock, so two cancellations racing promote once.
 */
export function advanceQueue(entries: readonly QueueEntry[], freePlaces: number, now: Date): { expire: number[]; offer: number[] } {
  const expire = entries.filter((e) => e.status === 'offered' && e.offerExpiresAt !== null && e.offerExpiresAt <= now).map((e) => e.id);
  const places = Math.max(0, freePlaces + expire.length);
  const offer = entries
    .filter((e) => e.status === 'waiting')
    .sort((a, b) => a.joinedAt.getTime() - b.joinedAt.getTime() || a.id - b.id)
    .slice(0, places)
    .map((e) => e.id);
  return { expire, offer };
}

// ───────────────────────── who may book, and when ─────────────────────────

/** Who an item is for (any that apply must all hold). */
export const ELIGIBILITY_RULES = ['residents', 'age_60_plus', 'households_with_children'] as const;
export type EligibilityRule = (typeof ELIGIBILITY_RULES)[number];
export const ELIGIBILITY_LABELS: Record<EligibilityRule, string> = {
  residents: '本社区居民',
  age_60_plus: '60周岁及以上',
  households_with_children: '有未成年子女的家庭',
};
/** Under this age (by birth year) a household member is a child. */
export const CHILD_UNDER_YEARS = 18;
export const SENIOR_FROM_YEARS = 60;

/** What the ledger says of the person booking (children's data is used here and shown to no provider). */
export interface BookingPerson {
  communityId: number | null;
  birthYear: number | null;
  /** Birth years of the other members of their household. */
  householdBirthYears: readonly (number | null)[];
}

export type EligibilityProblem = { rule: EligibilityRule; message: string };

/**
 * The first rule the person does not meet, or null. Ages go by birth year in the community's local
 * year (the ledger keeps no birthday): someone born in 1966 is 60 throughout 2026.
 */
export function eligibilityProblem(rules: readonly EligibilityRule[], person: BookingPerson, itemCommunityId: number, today: LocalDate): EligibilityProblem | null {
  const year = Number(today.slice(0, 4));
  for (const rule of rules) {
    if (rule === 'residents' && person.communityId !== itemCommunityId) return { rule, message: '此服务仅限本社区居民预约，请先绑定本社区的住址' };
    if (rule === 'age_60_plus' && (person.birthYear === null || year - person.birthYear < SENIOR_FROM_YEARS)) {
      return { rule, message: person.birthYear === null ? '此服务面向60周岁及以上居民，社区台账中没有您的出生年份，请联系社区核实' : '此服务面向60周岁及以上居民' };
    }
    if (rule === 'households_with_children' && !person.householdBirthYears.some((y) => y !== null && year - y < CHILD_UNDER_YEARS)) {
      return { rule, message: '此服务面向有未成年子女的家庭，社区台账中您的家庭没有未成年人，如有出入请联系社区' };
    }
  }
  return null;
}

export type WindowProblem = { code: 'SLOT_PAST' | 'OUTSIDE_BOOKING_WINDOW'; message: string };

/**
 * A slot can be booked from 00:00 (local) of the day `advanceDays` before its day, until it starts.
 * With advanceDays 7, Monday's slots open the Monday before at midnight.
 */
export function bookingWindowProblem(slot: SlotTimes, advanceDays: number, now: Date, offsetMinutes: number): WindowProblem | null {
  if (now >= slot.startsAt) return { code: 'SLOT_PAST', message: '该时段已开始或已结束，请选择其他时段' };
  const opens = bookingOpensAt(slot, advanceDays, offsetMinutes);
  if (now < opens) return { code: 'OUTSIDE_BOOKING_WINDOW', message: `该时段${localDate(opens, offsetMinutes)}起才能预约` };
  return null;
}

export function bookingOpensAt(slot: SlotTimes, advanceDays: number, offsetMinutes: number): Date {
  return startOfLocalDay(addLocalDays(localDate(slot.startsAt, offsetMinutes), -advanceDays), offsetMinutes);
}

/**
 * Three no-shows within 30 days block new bookings in the family for 14 days from the third; the
 * block ends when the last such run's 14 days do. `noShows` are when each slot ended.
 */
export function noShowBlockedUntil(noShows: readonly Date[], now: Date): Date | null {
  const sorted = [...noShows].sort((a, b) => a.getTime() - b.getTime());
  let until: Date | null = null;
  for (let i = NO_SHOW_LIMIT - 1; i < sorted.length; i++) {
    if (sorted[i].getTime() - sorted[i - NO_SHOW_LIMIT + 1].getTime() <= NO_SHOW_WINDOW_DAYS * 86_400_000) {
      const end = new Date(sorted[i].getTime() + NO_SHOW_BLOCK_DAYS * 86_400_000);
      if (!until || end > until) until = end;
    }
  }
  return until !== null && until > now ? until : null;
}
