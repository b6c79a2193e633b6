import { In, IsNull, type EntityManager } from 'typeorm';
import type { TopicParty, TopicRelation } from '@linli/shared';
import type { AuthUser } from '../auth/auth-user.js';
import { HouseholdBinding } from '../bindings/entities/household-binding.entity.js';
import { HouseholdMember } from '../ledger/entities/household-member.entity.js';
import { Building, Community, District, Household, Organisation } from '../places/entities/places.entities.js';
import { Topic, TopicScopeBuilding } from './entities/deliberation.entities.js';

/** A household a person speaks for: the one the committee bound them to, and every one the ledger lists them in. */
export interface PersonHousehold {
  householdId: number;
  buildingId: number;
  communityId: number;
  gridId: number | null;
  /** The binding approved by the committee (居民绑定). */
  bound: boolean;
  /** 业主 of it in the ledger (for the Civil Code votes). */
  owner: boolean;
}

/** The households a person belongs to now: their approved binding and their current ledger memberships. */
export async function householdsOf(em: EntityManager, userId: number): Promise<PersonHousehold[]> {
  const [bindings, members] = await Promise.all([
    em.find(HouseholdBinding, { where: { userId, status: 'approved' }, select: { householdId: true } }),
    em.find(HouseholdMember, { where: { userId, endedAt: IsNull() }, select: { householdId: true, relation: true } }),
  ]);
  const ids = [...new Set([...bindings.map((b) => b.householdId), ...members.map((m) => m.householdId)])];
  if (ids.length === 0) return [];
  const households = await em.find(Household, { where: { id: In(ids) }, select: { id: true, buildingId: true } });
  const buildings = new Map((await em.find(Building, { where: { id: In([...new Set(households.map((h) => h.buildingId))]) } })).map((b) => [b.id, b]));
  return households
    .filter((h) => buildings.has(h.buildingId))
    .map((h) => {
      const b = buildings.get(h.buildingId)!;
      return {
        householdId: h.id,
        buildingId: b.id,
        communityId: b.communityId,
        gridId: b.gridId,
        bound: bindings.some((x) => x.householdId === h.id),
        owner: members.some((m) => m.householdId === h.id && m.relation === 'owner'),
      };
    })
    .sort((a, b) => Number(b.bound) - Number(a.bound) || a.householdId - b.householdId);
}

/** The buildings a topic's scope covers: the ones named, its grid's, or its community's. */
export async function scopeBuildingIds(em: EntityManager, topic: Pick<Topic, 'id' | 'scope' | 'gridId' | 'communityId'>): Promise<number[]> {
  if (topic.scope === 'building' || topic.scope === 'buildings') {
    return (await em.find(TopicScopeBuilding, { where: { topicId: topic.id } })).map((r) => r.buildingId);
  }
  const where = topic.scope === 'grid' ? { gridId: topic.gridId! } : { communityId: topic.communityId };
  return (await em.find(Building, { where, select: { id: true } })).map((b) => b.id);
}

/** The user's households inside the topic's scope, the bound one first. */
export async function householdsInScope(em: EntityManager, user: AuthUser, topic: Topic, buildingIds?: number[]): Promise<PersonHousehold[]> {
  const mine = await householdsOf(em, user.id);
  if (mine.length === 0) return [];
  const inScope = new Set(buildingIds ?? (await scopeBuildingIds(em, topic)));
  return mine.filter((h) => inScope.has(h.buildingId));
}

/**
 * A community's place and local time, read through the caller's manager: inside a transaction it must not
 * wait for a second connection from the pool (PlacesService's cache refills through the pool, and a
 * burst of transactions each waiting for one would hold every connection and wait forever).
 */
export async function communityOf(em: EntityManager, id: number): Promise<{ id: number; streetId: number; districtId: number; utcOffsetMinutes: number } | null> {
  const c = await em.findOne(Community, { where: { id }, select: { id: true, streetId: true, districtId: true } });
  if (!c) return null;
  const d = await em.findOne(District, { where: { id: c.districtId }, select: { id: true, utcOffsetMinutes: true } });
  return { id: c.id, streetId: c.streetId, districtId: c.districtId, utcOffsetMinutes: d?.utcOffsetMinutes ?? 480 };
}

export function isCommittee(user: AuthUser, communityId: number): boolean {
  return user.communityIds('committee_member').includes(communityId);
}

/** How the user stands to the topic, for applyTopicTransition. */
export async function topicRelations(em: EntityManager, user: AuthUser, topic: Topic): Promise<TopicRelation[]> {
  const relations: TopicRelation[] = [];
  if (topic.proposerId === user.id) relations.push('proposer');
  if (isCommittee(user, topic.communityId)) relations.push('committee');
  if ((await householdsInScope(em, user, topic)).length > 0) relations.push('in_scope');
  return relations;
}

/** Staff who work in the community: its committee, grid workers of its grids, partners serving it. */
export function worksIn(user: AuthUser, communityId: number): boolean {
  return user.roles.some((r) => r.communityId === communityId && (r.role === 'committee_member' || r.role === 'grid_worker' || r.role === 'partner'));
}

/**
 * Who may read a community's topics: the people living there (bound or in the ledger), staff working in it,
 * officers above it and admins. Anyone else gets 404, never a hint it exists.
 */
export async function mayReadCommunity(em: EntityManager, user: AuthUser, community: { id: number; streetId: number; districtId: number }): Promise<boolean> {
  if (user.roles.some((r) => r.communityId === community.id) || user.overseesCommunity(community)) return true;
  return (await householdsOf(em, user.id)).some((h) => h.communityId === community.id);
}

/**
 * The party a comment speaks for (四方: the committee, the owners' committee 业委会, the property company, social
 * organisations; and grid workers), or null when the user may not comment: residents must live in scope.
 */
export async function partyOf(em: EntityManager, user: AuthUser, topic: Topic, inScope: boolean): Promise<TopicParty | null> {
  if (isCommittee(user, topic.communityId)) return 'committee';
  if (user.roles.some((r) => r.role === 'owners_committee' && r.communityId === topic.communityId)) return 'owners_committee';
  if (user.roles.some((r) => r.role === 'grid_worker' && r.communityId === topic.communityId)) return 'grid_worker';
  const partner = user.roles.find((r) => r.role === 'partner' && r.communityId === topic.communityId && r.organisationId !== null);
  if (partner) {
    const org = await em.findOneBy(Organisation, { id: partner.organisationId! });
    return org?.kind === 'property_company' ? 'property_company' : org?.kind === 'social_organisation' ? 'social_organisation' : 'partner';
  }
  return inScope ? 'resident' : null;
}
