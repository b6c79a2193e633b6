import type { EntityManager } from 'typeorm';
import { householdLabel } from '@linli/shared';
import { HouseholdBinding } from '../bindings/entities/household-binding.entity.js';
import { HouseholdMember } from '../ledger/entities/household-member.entity.js';
import { Building, Household, type Grid } from '../places/entities/places.entities.js';
import { RoleAssignment, User } from '../users/entities/users.entities.js';

/**
 * The 24 owners of 钢花村11栋, one flat each, in the order of their flats (1单元101, 1单元102, … 2单元602):
 * every one a dev login, so that a vote can be played end to end.
 */
export const DELIBERATION_OWNERS = [
  '曹建华', '邓淑芬', '冯志强', '龚秀兰', '韩伟', '蒋丽', '康国庆', '廖春梅',
  '孟凡军', '聂小燕', '潘德胜', '秦玉珍', '任家豪', '宋美玲', '唐振东', '田翠花',
  '汪海涛', '魏红霞', '夏立新', '姚桂英', '叶永平', '于秀珍', '袁卫东', '钟玉兰',
] as const;

/** 专有部分面积 in hundredths of m² by door: x01 and x02 of 1单元, then of 2单元. */
const AREAS = { '1单元': { '01': 8950, '02': 12030 }, '2单元': { '01': 7520, '02': 9860 } } as const;

/**
 * A deliberation-ready building in 钢花村 (committee 何志刚, grid worker 郑芳): 24 flats over two units and
 * six floors, each with its floor area in the ledger and a bound owner (业主) who can log in.
 * Total area: 6 × (89.50 + 120.30 + 75.20 + 98.60) = 2301.60 m².
 */
export async function seedDeliberationBuilding(em: EntityManager, ctx: { now: Date; grid: Grid; committeeId: number; districtId: number; streetId: number }): Promise<User[]> {
  const { now, grid } = ctx;
  const building = await em.save(em.create(Building, { communityId: grid.communityId, gridId: grid.id, name: '钢花村11栋', lat: 30.6425, lng: grid.minLng + 0.003 }));
  const flats: { unit: '1单元' | '2单元'; door: string; area: number }[] = [];
  for (const unit of ['1单元', '2单元'] as const) {
    for (let floor = 1; floor <= 6; floor++) for (const d of ['01', '02'] as const) flats.push({ unit, door: `${floor}${d}`, area: AREAS[unit][d] });
  }
  const households = await em.save(flats.map((f) => em.create(Household, { buildingId: building.id, label: householdLabel(f.unit, f.door), unit: f.unit, door: f.door, areaHundredths: f.area })));
  const owners: User[] = [];
  for (const [i, name] of DELIBERATION_OWNERS.entries()) {
    const user = await em.save(em.create(User, { name, phone: `1390001${String(i + 1).padStart(4, '0')}`, openid: null, createdAt: now }));
    owners.push(user);
    await em.insert(RoleAssignment, { userId: user.id, role: 'resident', districtId: ctx.districtId, streetId: ctx.streetId, communityId: grid.communityId, gridId: null, organisationId: null });
    await em.insert(HouseholdBinding, { userId: user.id, householdId: households[i].id, communityId: grid.communityId, status: 'approved', decidedById: ctx.committeeId, decidedAt: now, reason: null, endedAt: null, endedById: null, createdAt: now });
    await em.insert(HouseholdMember, { householdId: households[i].id, userId: user.id, communityId: grid.communityId, relation: 'owner', startedAt: now, endedAt: null, endedById: null, endReason: null, version: 1 });
  }
  return owners;
}
