import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import {
  BOOKING_ACTIONS,
  BOOKING_STATUSES,
  advanceQueue,
  applyBookingTransition,
  bookingWindowProblem,
  checkBookingTransition,
  eligibilityProblem,
  noShowBlockedUntil,
  type BookingAction,
  type BookingRelation,
  type BookingState,
  type BookingStatus,
} from '../src/index.js';

/** The booking table as docs/architecture.md writes it by hand. */
function documentedTable(): Map<string, { from: string[]; to: string; by: string[] }> {
  const doc = fs.readFileSync(new URL('../../docs/architecture.md', import.meta.url), 'utf8');
  const block = doc.split('<!-- booking-transitions:start -->')[1]?.split('<!-- booking-transitions:end -->')[0];
  assert.ok(block, 'docs/architecture.md has the booking table between its markers');
  const rows = block
    .trim()
    .split('\n')
    .slice(2)
    .map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()));
  const list = (cell: string) => cell.split(',').map((x) => x.trim());
  return new Map(rows.map(([action, , from, to, by]) => [action, { from: list(from), to, by: list(by) }]));
}

const TABLE = documentedTable();
const RELATIONS: BookingRelation[] = ['holder', 'booker', 'provider', 'committee', 'system'];

describe('booking state machine: every state × action × relation agrees with the documented table', () => {
  it('same actions in the document and in the code', () => {
    assert.deepEqual([...TABLE.keys()].sort(), [...BOOKING_ACTIONS].sort());
  });
  for (const action of BOOKING_ACTIONS) {
    const row = TABLE.get(action)!;
    for (const status of BOOKING_STATUSES) {
      for (const relation of RELATIONS) {
        const allowed = row.from.includes(status) && row.by.includes(relation);
        const expected = allowed ? { ok: true } : row.by.includes(relation) ? { ok: false, reason: 'invalid_state' } : { ok: false, reason: 'forbidden' };
        it(`${status} × ${action} × ${relation} → ${allowed ? 'allowed' : expected.reason}`, () => {
          assert.deepEqual(checkBookingTransition(status as BookingStatus, action as BookingAction, [relation]), expected);
        });
      }
    }
  }
});

// A Saturday class, 2026-11-28 09:00–10:30 Beijing (01:00–02:30 UTC), cancellable until 24 hours before.
const slot = { startsAt: new Date('2026-11-28T01:00:00Z'), endsAt: new Date('2026-11-28T02:30:00Z') };
const at = (iso: string) => new Date(iso);
const booking = (status: BookingStatus, over: Partial<BookingState> = {}): BookingState => ({ status, offerExpiresAt: null, rating: null, slotMovedAt: null, ...over });
const ctx = (now: string, relations: BookingRelation[] = ['holder']) => ({ now: at(now), relations, slot, cancelCutoffMinutes: 24 * 60 });

describe('time rules', () => {
  it('a booked place is cancelled up to the cut-off, 24 h before the start, and gives its place back', () => {
    const ok = applyBookingTransition(booking('booked'), { action: 'cancel' }, ctx('2026-11-27T00:59:59Z'));
    assert.equal(ok.ok && ok.changes.status, 'cancelled');
    assert.equal(ok.ok && ok.freesPlace, true);
    assert.deepEqual(applyBookingTransition(booking('booked'), { action: 'cancel' }, ctx('2026-11-27T01:00:00Z')), { ok: false, reason: 'too_late' });
  });

  it('once the slot was moved, the holder may cancel until the start', () => {
    const moved = booking('booked', { slotMovedAt: at('2026-11-26T00:00:00Z') });
    assert.equal(applyBookingTransition(moved, { action: 'cancel' }, ctx('2026-11-28T00:30:00Z')).ok, true);
    assert.deepEqual(applyBookingTransition(moved, { action: 'cancel' }, ctx('2026-11-28T01:00:00Z')), { ok: false, reason: 'too_late' });
  });

  it('leaving the waiting list frees no place; an offer held until 2 h later, never past the start', () => {
    const left = applyBookingTransition(booking('waiting'), { action: 'cancel' }, ctx('2026-11-28T00:00:00Z'));
    assert.equal(left.ok && left.freesPlace, false);
    const offer = applyBookingTransition(booking('waiting'), { action: 'offer' }, ctx('2026-11-27T12:00:00Z', ['system']));
    assert.deepEqual(offer.ok && offer.changes, { status: 'offered', offerExpiresAt: at('2026-11-27T14:00:00Z') });
    const lateOffer = applyBookingTransition(booking('waiting'), { action: 'offer' }, ctx('2026-11-28T00:15:00Z', ['system']));
    assert.deepEqual(lateOffer.ok && lateOffer.changes, { status: 'offered', offerExpiresAt: slot.startsAt });
  });

  it('an offer is confirmed before it runs out; after, it expires and passes its place on', () => {
    const offered = booking('offered', { offerExpiresAt: at('2026-11-27T14:00:00Z') });
    assert.deepEqual(applyBookingTransition(offered, { action: 'confirm' }, ctx('2026-11-27T13:59:00Z')), { ok: true, changes: { status: 'booked', offerExpiresAt: null }, freesPlace: false, notices: [] });
    assert.deepEqual(applyBookingTransition(offered, { action: 'confirm' }, ctx('2026-11-27T14:00:00Z')), { ok: false, reason: 'offer_expired' });
    assert.deepEqual(applyBookingTransition(offered, { action: 'expire' }, ctx('2026-11-27T13:00:00Z', ['system'])), { ok: false, reason: 'too_early' });
    const expired = applyBookingTransition(offered, { action: 'expire' }, ctx('2026-11-27T14:00:00Z', ['system']));
    assert.equal(expired.ok && expired.freesPlace, true);
  });

  it('check-in from 30 minutes before the start until the end; a no-show only after the end', () => {
    const b = booking('booked');
    assert.deepEqual(applyBookingTransition(b, { action: 'check_in' }, ctx('2026-11-28T00:29:00Z', ['provider'])), { ok: false, reason: 'too_early' });
    assert.equal(applyBookingTransition(b, { action: 'check_in' }, ctx('2026-11-28T00:30:00Z', ['provider'])).ok, true);
    assert.deepEqual(applyBookingTransition(b, { action: 'check_in' }, ctx('2026-11-28T02:30:00Z', ['provider'])), { ok: false, reason: 'too_late' });
    assert.deepEqual(applyBookingTransition(b, { action: 'mark_no_show' }, ctx('2026-11-28T02:00:00Z', ['provider'])), { ok: false, reason: 'too_early' });
    assert.equal(applyBookingTransition(b, { action: 'mark_no_show' }, ctx('2026-11-28T02:30:00Z', ['provider'])).ok, true);
  });

  it('a service is rated once', () => {
    const attended = booking('attended');
    assert.equal(applyBookingTransition(attended, { action: 'rate', rating: 'satisfied' }, ctx('2026-11-28T03:00:00Z')).ok, true);
    assert.deepEqual(applyBookingTransition({ ...attended, rating: 'satisfied' }, { action: 'rate', rating: 'unsatisfied' }, ctx('2026-11-28T03:00:00Z')), { ok: false, reason: 'already_rated' });
  });
});

describe('the waiting list', () => {
  const entry = (id: number, status: BookingStatus, joined: string, offerExpiresAt: string | null = null) => ({ id, status, joinedAt: at(joined), offerExpiresAt: offerExpiresAt ? at(offerExpiresAt) : null });
  const now = at('2026-11-27T12:00:00Z');

  it('first come, first served; the lower id breaks a tie', () => {
    const list = [entry(7, 'waiting', '2026-11-25T10:00:00Z'), entry(5, 'waiting', '2026-11-25T09:00:00Z'), entry(3, 'waiting', '2026-11-25T10:00:00Z')];
    assert.deepEqual(advanceQueue(list, 2, now), { expire: [], offer: [5, 3] });
    assert.deepEqual(advanceQueue(list, 0, now), { expire: [], offer: [] });
  });

  it('an offer past its time gives its place to the next in line; one still running keeps it', () => {
    const list = [entry(1, 'offered', '2026-11-25T08:00:00Z', '2026-11-27T11:59:00Z'), entry(2, 'offered', '2026-11-25T08:30:00Z', '2026-11-27T13:00:00Z'), entry(3, 'waiting', '2026-11-25T09:00:00Z'), entry(4, 'waiting', '2026-11-25T09:30:00Z')];
    assert.deepEqual(advanceQueue(list, 0, now), { expire: [1], offer: [3] });
  });
});

describe('who may book, and when', () => {
  const today = '2026-11-23';
  it('60 and over by birth year in the local year: born 1966 is 60 all of 2026, born 1967 is not', () => {
    const person = (birthYear: number | null) => ({ communityId: 1, birthYear, householdBirthYears: [] });
    assert.equal(eligibilityProblem(['age_60_plus'], person(1966), 1, today), null);
    assert.equal(eligibilityProblem(['age_60_plus'], person(1967), 1, today)?.rule, 'age_60_plus');
    assert.match(eligibilityProblem(['age_60_plus'], person(null), 1, today)!.message, /没有您的出生年份/);
  });

  it('a household with a child: someone born 2009 is 17 in 2026; born 2008 is 18', () => {
    const parent = (childYear: number) => ({ communityId: 1, birthYear: 1980, householdBirthYears: [1982, childYear] });
    assert.equal(eligibilityProblem(['households_with_children'], parent(2009), 1, today), null);
    assert.equal(eligibilityProblem(['households_with_children'], parent(2008), 1, today)?.rule, 'households_with_children');
  });

  it('residents of the community only', () => {
    assert.equal(eligibilityProblem(['residents'], { communityId: 2, birthYear: 1950, householdBirthYears: [] }, 1, today)?.rule, 'residents');
    assert.equal(eligibilityProblem(['residents', 'age_60_plus'], { communityId: 1, birthYear: 1950, householdBirthYears: [] }, 1, today), null);
  });

  it('booking opens at local midnight 7 days before the slot’s day, and closes at its start', () => {
    // Saturday 28th 09:00 Beijing: opens Saturday 21st 00:00 Beijing = 20th 16:00 UTC.
    assert.equal(bookingWindowProblem(slot, 7, at('2026-11-20T15:59:59Z'), 480)?.code, 'OUTSIDE_BOOKING_WINDOW');
    assert.equal(bookingWindowProblem(slot, 7, at('2026-11-20T16:00:00Z'), 480), null);
    assert.equal(bookingWindowProblem(slot, 7, at('2026-11-28T01:00:00Z'), 480)?.code, 'SLOT_PAST');
  });

  it('three no-shows within 30 days block for 14 days from the third; spread wider, none', () => {
    const days = (...isos: string[]) => isos.map(at);
    const close = days('2026-11-01T02:00:00Z', '2026-11-10T02:00:00Z', '2026-11-20T02:00:00Z');
    assert.deepEqual(noShowBlockedUntil(close, at('2026-11-23T00:00:00Z')), at('2026-12-04T02:00:00Z'));
    assert.equal(noShowBlockedUntil(close, at('2026-12-04T02:00:00Z')), null);
    const spread = days('2026-10-01T02:00:00Z', '2026-10-20T02:00:00Z', '2026-11-05T02:00:00Z');
    assert.equal(noShowBlockedUntil(spread, at('2026-11-06T00:00:00Z')), null);
  });
});
