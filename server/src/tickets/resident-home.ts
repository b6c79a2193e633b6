import type { EntityManager } from 'typeorm';
import { Building, Household } from '../places/entities/places.entities.js';
import { HouseholdBinding } from '../bindings/entities/household-binding.entity.js';

/** Where a resident lives, as the committee approved it (居民绑定); a pending request proves nothing. */
export interface ResidentHome {
  communityId: number;
  building: Building;
}

export async function approvedHome(em: EntityManager, userId: number): Promise<ResidentHome | null> {
  const binding = await em.findOne(HouseholdBinding, { where: { userId, status: 'approved' }, order: { id: 'DESC' } });
  if (!binding) return null;
  const household = await em.findOneBy(Household, { id: binding.householdId });
  const building = household ? await em.findOneBy(Building, { id: household.buildingId }) : null;
  return building ? { communityId: building.communityId, building } : null;
}
