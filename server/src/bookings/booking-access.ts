import { In, IsNull, type EntityManager } from 'typeorm';
import type { BookingPerson, BookingRelation } from '@linli/shared';
import type { AuthUser } from '../auth/auth-user.js';
import { HouseholdBinding } from '../bindings/entities/household-binding.entity.js';
import { HouseholdMember } from '../ledger/entities/household-member.entity.js';
import { PersonDetails } from '../ledger/entities/person-details.entity.js';
import { Building, Household } from '../places/entities/places.entities.js';
import type { ServiceItem } from './entities/catalogue.entities.js';
import type { Booking } from './entities/booking.entities.js';

/**
 * Who runs an item (the provider, 服务方): the partner staff of its organisation in its community, or, for the
 * community office's own items, the committee. The committee of the community manages every item of it.
 */
export function providesItem(user: AuthUser, item: Pick<ServiceItem, 'organisationId' | 'communityId'>): boolean {
  return item.organisationId !== null && user.roles.some((r) => r.role === 'partner' && r.organisationId === item.organisationId && r.communityId === item.communityId);
}

export function committeeOf(user: AuthUser, communityId: number): boolean {
  return user.communityIds('committee_member').includes(communityId);
}

/** May edit the item, its slots and schedule, read its rosters, check people in. */
export function managesItem(user: AuthUser, item: Pick<ServiceItem, 'organisationId' | 'communityId'>): boolean {
  return providesItem(user, item) || committeeOf(user, item.communityId);
}

/** How the caller stands to a booking, for the shared machine. */
export function relationsTo(user: AuthUser, booking: Pick<Booking, 'userId' | 'bookedById'>, item: Pick<ServiceItem, 'organisationId' | 'communityId'>): BookingRelation[] {
  const relations: BookingRelation[] = [];
  if (booking.userId === user.id) relations.push('holder');
  if (booking.bookedById !== null && booking.bookedById === user.id) relations.push('booker');
  if (providesItem(user, item)) relations.push('provider');
  if (committeeOf(user, item.communityId)) relations.push('committee');
  return relations;
}

/** Where a person lives by the ledger or their approved binding, and what eligibility reads (birth years). */
export interface PersonAtHome extends BookingPerson {
  userId: number;
  householdId: number | null;
  gridId: number | null;
  household: string | null;
}

/**
 * The person's household: their approved binding's, else their current ledger membership's. Birth years come from
 * the ledger's person details: they decide eligibility here and are never shown to a provider.
 */
export async function personAtHome(em: EntityManager, userId: number): Promise<PersonAtHome> {
  const binding = await em.findOne(HouseholdBinding, { where: { userId, status: 'approved' }, order: { id: 'DESC' } });
  const membership = binding ? null : await em.findOne(HouseholdMember, { where: { userId, endedAt: IsNull() }, order: { id: 'ASC' } });
  const householdId = binding?.householdId ?? membership?.householdId ?? null;
  const household = householdId !== null ? await em.findOneBy(Household, { id: householdId }) : null;
  const building = household ? await em.findOneBy(Building, { id: household.buildingId }) : null;
  const me = await em.findOneBy(PersonDetails, { userId });
  let householdBirthYears: (number | null)[] = [];
  if (householdId !== null) {
    const others = (await em.find(HouseholdMember, { where: { householdId, endedAt: IsNull() }, select: { userId: true } })).map((m) => m.userId).filter((id) => id !== userId);
    if (others.length) householdBirthYears = (await em.find(PersonDetails, { where: { userId: In(others) }, select: { userId: true, birthYear: true } })).map((d) => d.birthYear);
  }
  return {
    userId,
    householdId: building ? householdId : null,
    communityId: building?.communityId ?? null,
    gridId: building?.gridId ?? null,
    household: building && household ? `${building.name}${household.label}` : null,
    birthYear: me?.birthYear ?? null,
    householdBirthYears,
  };
}
