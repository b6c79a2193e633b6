import { addMinutes, initialDeadlines, nextEscalationAt, RATING_WINDOW_DAYS, addDays, type FinalRating, type TicketStatus } from '@linli/shared';
import type { Category } from '../categories/category.entity.js';
import type { Ticket } from '../tickets/entities/ticket.entity.js';
import type { EventData, TicketEvent } from '../tickets/entities/ticket-event.entity.js';

export interface HistorySpec {
  reporterId: number;
  handlerId: number | null;
  category: Category;
  description: string;
  place: { gridId: number | null; communityId: number; streetId: number; districtId: number; buildingId: number | null; lat: number | null; lng: number | null };
  createdAt: Date;
  /** Where the ticket has got to. */
  status: TicketStatus;
  /** Minutes from report to acceptance and to resolution. */
  acceptAfter: number;
  resolveAfter: number;
  rating: FinalRating | null;
  resolutionNote: string;
}

type Row<T> = Omit<T, 'id'>;
/** The code is issued once the id is known (ticket-code.ts). */
type TicketRow = Omit<Ticket, 'id' | 'code'>;

/**
 * A ticket that already lived part of its life, with the timeline events that
 * life would have written: for demo data and for the district-scale seed.
 * Events carry `ticketId: 0`; the caller sets it once the ticket has an id.
 */
export function ticketWithHistory(s: HistorySpec): { ticket: TicketRow; events: Row<TicketEvent>[] } {
  const at = (minutes: number) => addMinutes(s.createdAt, minutes);
  const d = initialDeadlines(s.category, s.createdAt);
  const ev = (type: TicketEvent['type'], when: Date, actorId: number | null, actorRole: string, note: string | null = null, data: EventData | null = null): Row<TicketEvent> => ({
    ticketId: 0,
    type,
    actorId,
    actorRole,
    note,
    photoKeys: null,
    data,
    createdAt: when,
  });
  const reached = (step: TicketStatus) => ORDER.indexOf(s.status) >= ORDER.indexOf(step);
  const handled = s.handlerId !== null && s.status !== 'submitted';
  const events: Row<TicketEvent>[] = [ev('submitted', s.createdAt, s.reporterId, 'resident')];
  if (handled) events.push(ev('dispatched', s.createdAt, null, 'system', null, { toUserId: s.handlerId, auto: true }));
  const accepted = handled && reached('accepted');
  const resolved = handled && reached('resolved');
  if (accepted) events.push(ev('accepted', at(s.acceptAfter), s.handlerId, 'grid_worker'));
  if (resolved) events.push(ev('resolved', at(s.resolveAfter), s.handlerId, 'grid_worker', s.resolutionNote));
  let closedAt: Date | null = null;
  if (s.status === 'closed' && resolved) {
    closedAt = s.rating === 'not_rated' ? addDays(at(s.resolveAfter), RATING_WINDOW_DAYS) : at(s.resolveAfter + 12 * 60);
    if (s.rating === 'not_rated') events.push(ev('auto_closed', closedAt, null, 'system'));
    else events.push(ev('rated', closedAt, s.reporterId, 'resident', null, { rating: s.rating }), ev('closed', closedAt, s.reporterId, 'resident'));
  }
  if (s.status === 'cancelled') {
    closedAt = at(10);
    events.push(ev('cancelled', closedAt, s.reporterId, 'resident'));
  }
  if (s.status === 'rejected') {
    closedAt = at(30);
    events.push(ev('rejected', closedAt, null, 'committee_member', '不属于社区受理范围', { reason: 'outside_remit' }));
  }
  const ticket: TicketRow = {
    reporterId: s.reporterId,
    categoryId: s.category.id,
    description: s.description,
    anonymous: false,
    // The demo's history was written by the seed, not by people: nothing of it awaits review.
    contentHeld: false,
    photoKeys: [],
    lat: s.place.lat,
    lng: s.place.lng,
    buildingId: s.place.buildingId,
    gridId: s.place.gridId,
    communityId: s.place.communityId,
    streetId: s.place.streetId,
    districtId: s.place.districtId,
    status: s.status,
    handlerId: handled || s.status === 'dispatched' ? s.handlerId : null,
    ...d,
    escalationLevel: 0,
    lastEscalatedAt: null,
    nextEscalationAt: null,
    autoCloseAt: s.status === 'resolved' ? addDays(at(s.resolveAfter), RATING_WINDOW_DAYS) : null,
    firstAcceptedAt: accepted ? at(s.acceptAfter) : null,
    firstResolvedAt: resolved ? at(s.resolveAfter) : null,
    resolvedAt: resolved ? at(s.resolveAfter) : null,
    closedAt,
    resolutionNote: resolved ? s.resolutionNote : null,
    resolutionPhotoKeys: resolved ? [] : null,
    rating: s.status === 'closed' && resolved ? s.rating : null,
    ratingComment: null,
    reopenCount: 0,
    rejectReason: s.status === 'rejected' ? 'outside_remit' : null,
    duplicateOfId: null,
    followerCount: 0,
    version: 1,
    createdAt: s.createdAt,
    updatedAt: events[events.length - 1].createdAt,
  };
  ticket.nextEscalationAt = nextEscalationAt(ticket as Ticket);
  return { ticket, events };
}

const ORDER: TicketStatus[] = ['submitted', 'dispatched', 'accepted', 'resolved', 'closed'];
