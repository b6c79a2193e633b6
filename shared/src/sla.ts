/**
 * SLA deadline arithmetic and the escalation ladder.
 * "信息从网格到市、区领导流转全程不超过四个小时": an unresolved matter climbs
 * grid → community → street → district by rule, not by memory.
 */
import { DEADLINE_BY_STATUS, type TicketStatus } from './tickets.js';

export const ESCALATION_LEVELS = ['grid', 'community', 'street', 'district'] as const;
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number];
export const ESCALATION_LEVEL_LABELS: Record<EscalationLevel, string> = {
  grid: '网格',
  community: '社区',
  street: '街道',
  district: '区',
};
export const TOP_ESCALATION_LEVEL = ESCALATION_LEVELS.length - 1;

/** After the first escalation, each further level follows this long after the last one if nothing moved. */
export const ESCALATION_STEP_MINUTES = 60;

export interface SlaPolicy {
  /** 响应时限: from report (or from dispatch to a new handler) to acceptance. */
  acceptMinutes: number;
  /** 办结时限: from report to resolution. */
  resolveMinutes: number;
}

/**
 * The deadlines of a matter reported without a category (随手拍, 待分类), until a committee member sets one:
 * an hour to classify and route it (a photo may show a hazard, and the hour is what the everyday
 * categories give for a first response), and the longest everyday resolve time (3 days). Setting the
 * category replaces both by the category's own, counted from the submission.
 */
export const UNCATEGORISED_SLA: SlaPolicy = { acceptMinutes: 60, resolveMinutes: 3 * 24 * 60 };

const MINUTE = 60_000;

export function addMinutes(at: Date, minutes: number): Date {
  return new Date(at.getTime() + minutes * MINUTE);
}

export function addDays(at: Date, days: number): Date {
  return addMinutes(at, days * 24 * 60);
}

/** Deadlines set when a matter is reported, or reopened after a bad rating (the clock starts again). */
export function initialDeadlines(sla: SlaPolicy, at: Date): { respondDueAt: Date; acceptDueAt: Date; resolveDueAt: Date } {
  const acceptDueAt = addMinutes(at, sla.acceptMinutes);
  return { respondDueAt: acceptDueAt, acceptDueAt, resolveDueAt: addMinutes(at, sla.resolveMinutes) };
}

/**
 * A new handler (dispatch, transfer, return to the queue) gets the accept time
 * from now, but never past the resolve deadline: passing a matter around does not buy time.
 */
export function acceptDeadlineOnHandover(sla: SlaPolicy, at: Date, resolveDueAt: Date): Date {
  const due = addMinutes(at, sla.acceptMinutes);
  return due < resolveDueAt ? due : resolveDueAt;
}

export interface EscalationState {
  status: TicketStatus;
  acceptDueAt: Date;
  resolveDueAt: Date;
  escalationLevel: number;
  lastEscalatedAt: Date | null;
}

/** The deadline the ticket is currently racing against, or null when nothing is due. */
export function currentDeadline(t: Pick<EscalationState, 'status' | 'acceptDueAt' | 'resolveDueAt'>): Date | null {
  const field = (DEADLINE_BY_STATUS as Partial<Record<TicketStatus, 'acceptDueAt' | 'resolveDueAt'>>)[t.status];
  return field ? t[field] : null;
}

export function isOverdue(t: Pick<EscalationState, 'status' | 'acceptDueAt' | 'resolveDueAt'>, now: Date): boolean {
  const due = currentDeadline(t);
  return due !== null && due.getTime() < now.getTime();
}

/**
 * When the sweeper must next escalate this ticket, or null if never.
 * The first escalation happens at the current deadline; each following level
 * one step after the previous escalation, if the matter is still late.
 */
export function nextEscalationAt(t: EscalationState): Date | null {
  const due = currentDeadline(t);
  if (due === null || t.escalationLevel >= TOP_ESCALATION_LEVEL) return null;
  if (t.lastEscalatedAt === null) return due;
  const step = addMinutes(t.lastEscalatedAt, ESCALATION_STEP_MINUTES);
  return step > due ? step : due;
}

/** Ratio in [0, 1], or null when there is nothing to measure (never a fake 100%). */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}
