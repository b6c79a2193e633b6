import { In, IsNull, type EntityManager } from 'typeorm';
import { SPECIAL_CARE_FLAGS, type LedgerSnapshot, type SpecialCareFlag } from '@linli/shared';
import { Building, Household } from '../places/entities/places.entities.js';
import { User } from '../users/entities/users.entities.js';
import { HouseholdMember } from './entities/household-member.entity.js';
import { PersonDetails } from './entities/person-details.entity.js';

/** The name a first WeChat login gives (auth.service): nobody typed it, so a ledger row may name the person. */
export const UNNAMED_WECHAT_USER = '微信用户';
const CHUNK = 1000;

export function flagsOf(stored: string | null | undefined): SpecialCareFlag[] {
  const set = new Set((stored ?? '').split(',').filter(Boolean));
  return SPECIAL_CARE_FLAGS.filter((f) => set.has(f));
}

export function storedFlags(flags: readonly SpecialCareFlag[]): string {
  return SPECIAL_CARE_FLAGS.filter((f) => flags.includes(f)).join(',');
}

async function inChunks<T, R>(items: T[], load: (chunk: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(...(await load(items.slice(i, i + CHUNK))));
  return out;
}

/** The community's ledger as the planner reads it, plus whoever holds one of `phones` anywhere. */
export async function loadSnapshot(em: EntityManager, communityId: number, phones: string[]): Promise<LedgerSnapshot> {
  const buildings = await em.find(Building, { where: { communityId }, select: { id: true, name: true }, order: { id: 'ASC' } });
  const households = await inChunks(
    buildings.map((b) => b.id),
    (ids) => em.find(Household, { where: { buildingId: In(ids) }, select: { id: true, buildingId: true, unit: true, door: true, areaHundredths: true }, order: { id: 'ASC' } }),
  );
  const members = await em.find(HouseholdMember, { where: { communityId, endedAt: IsNull() }, select: { id: true, householdId: true, userId: true, relation: true }, order: { id: 'ASC' } });
  const userIds = new Set(members.map((m) => m.userId));
  const users = await inChunks([...userIds], (ids) => em.find(User, { where: { id: In(ids) }, select: { id: true, name: true, phone: true, openid: true } }));
  const known = new Set(users.map((u) => u.phone).filter(Boolean));
  const others = await inChunks(
    [...new Set(phones)].filter((p) => !known.has(p)),
    (chunk) => em.find(User, { where: { phone: In(chunk), deletedAt: IsNull() }, select: { id: true, name: true, phone: true, openid: true }, order: { id: 'ASC' } }),
  );
  const people = [...users, ...others];
  const details = new Map((await inChunks(people.map((u) => u.id), (ids) => em.find(PersonDetails, { where: { userId: In(ids) } }))).map((d) => [d.userId, d]));
  return {
    buildings: buildings.map((b) => ({ id: b.id, name: b.name })),
    households: households.map((h) => ({ id: h.id, buildingId: h.buildingId, unit: h.unit || null, door: h.door, areaHundredths: h.areaHundredths })),
    members: members.map((m) => ({ id: m.id, householdId: m.householdId, personId: m.userId, relation: m.relation })),
    persons: people
      .sort((a, b) => a.id - b.id)
      .map((u) => ({
        id: u.id,
        name: u.openid !== null && u.name === UNNAMED_WECHAT_USER ? null : u.name,
        phone: u.phone,
        birthYear: details.get(u.id)?.birthYear ?? null,
        specialCare: flagsOf(details.get(u.id)?.specialCare),
      })),
  };
}
