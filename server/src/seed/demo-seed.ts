import { DataSource, type EntityManager } from 'typeorm';
import { householdLabel, type FinalRating, type Role, type TicketStatus } from '@linli/shared';
import { Category } from '../categories/category.entity.js';
import { Building, Community, District, Grid, Household, Organisation, Street } from '../places/entities/places.entities.js';
import { HouseholdBinding } from '../bindings/entities/household-binding.entity.js';
import { RoleAssignment, User } from '../users/entities/users.entities.js';
import { Ticket } from '../tickets/entities/ticket.entity.js';
import { TicketEvent } from '../tickets/entities/ticket-event.entity.js';
import { issueTicketCode } from '../tickets/ticket-code.js';
import { CATEGORY_SEEDS } from './categories.data.js';
import { ticketWithHistory } from './ticket-history.js';
import { DELIBERATION_OWNERS, seedDeliberationBuilding, seedDeliberationTopics } from './deliberation-seed.js';
import { seedBookings } from './booking-seed.js';
import { HouseholdMember } from '../ledger/entities/household-member.entity.js';
import { PersonDetails } from '../ledger/entities/person-details.entity.js';
import type { MemberRelation } from '@linli/shared';

/**
 * 钢花村's people in the ledger (buildings 7–10, flats as `hh` numbers them; 钢花村7栋2单元301 is 张桂兰's):
 * 20 with a phone and a dev login, and children without either (their birth years make a household one
 * "with children"; 四点半学校 and the like). Two elders are special-care residents of 郑芳's grid.
 */
const GHC_RESIDENTS: { name: string; phone: string | null; building: number; flat: number; relation: MemberRelation; birthYear: number; specialCare?: string }[] = [
  { name: '刘桂芳', phone: '13907102001', building: 6, flat: 0, relation: 'owner', birthYear: 1948, specialCare: 'living_alone_elderly' },
  { name: '陈志强', phone: '13907102002', building: 6, flat: 1, relation: 'owner', birthYear: 1984 },
  { name: '黄晓燕', phone: '13907102003', building: 6, flat: 1, relation: 'family', birthYear: 1986 },
  { name: '陈小雨', phone: null, building: 6, flat: 1, relation: 'family', birthYear: 2016 },
  { name: '杨国强', phone: '13907102004', building: 6, flat: 3, relation: 'owner', birthYear: 1952 },
  { name: '朱秀兰', phone: '13907102005', building: 6, flat: 3, relation: 'family', birthYear: 1954 },
  { name: '胡建平', phone: '13907102006', building: 7, flat: 0, relation: 'owner', birthYear: 1961 },
  { name: '郭丽', phone: '13907102007', building: 7, flat: 1, relation: 'tenant', birthYear: 1992 },
  { name: '林海', phone: '13907102008', building: 7, flat: 2, relation: 'owner', birthYear: 1979 },
  { name: '林乐乐', phone: null, building: 7, flat: 2, relation: 'family', birthYear: 2014 },
  { name: '何桂英', phone: '13907102009', building: 7, flat: 3, relation: 'owner', birthYear: 1940, specialCare: 'empty_nest_elderly,disabled' },
  { name: '高振华', phone: '13907102010', building: 8, flat: 0, relation: 'owner', birthYear: 1958 },
  { name: '罗敏', phone: '13907102011', building: 8, flat: 1, relation: 'owner', birthYear: 1988 },
  { name: '梁文静', phone: '13907102012', building: 8, flat: 2, relation: 'owner', birthYear: 1963 },
  { name: '宋德福', phone: '13907102013', building: 8, flat: 3, relation: 'owner', birthYear: 1950 },
  { name: '谢春花', phone: '13907102014', building: 8, flat: 3, relation: 'family', birthYear: 1953 },
  { name: '韩磊', phone: '13907102015', building: 9, flat: 0, relation: 'owner', birthYear: 1990 },
  { name: '唐秀珍', phone: '13907102016', building: 9, flat: 1, relation: 'owner', birthYear: 1946 },
  { name: '冯建国', phone: '13907102017', building: 9, flat: 2, relation: 'owner', birthYear: 1966 },
  { name: '董小红', phone: '13907102018', building: 9, flat: 3, relation: 'owner', birthYear: 1983 },
  { name: '董天天', phone: null, building: 9, flat: 3, relation: 'family', birthYear: 2018 },
  { name: '萧玉兰', phone: '13907102019', building: 9, flat: 0, relation: 'family', birthYear: 1951 },
  { name: '程伟', phone: '13907102020', building: 7, flat: 0, relation: 'family', birthYear: 1987 },
];

/** A rectangle as a GeoJSON polygon ([lng, lat], closed ring). */
export function rectangle(minLng: number, minLat: number, maxLng: number, maxLat: number) {
  return {
    geometry: { type: 'Polygon' as const, coordinates: [[[minLng, minLat], [maxLng, minLat], [maxLng, maxLat], [minLng, maxLat], [minLng, minLat]]] },
    bbox: { minLng, minLat, maxLng, maxLat },
  };
}

export async function insertCategories(em: EntityManager): Promise<Category[]> {
  const rows = CATEGORY_SEEDS.map((c, i) => em.create(Category, { ...c, sortOrder: i + 1, active: true }));
  await em.save(rows);
  return rows;
}

interface Person {
  name: string;
  phone: string | null;
  roles: Partial<Omit<RoleAssignment, 'id' | 'userId'>>[];
}

/**
 * The demo district: 青山区 → 红卫路街道 → two communities with grids drawn
 * as polygons, buildings, households, residents, grid workers, committees,
 * partners and a few months of matters in every state.
 * Runs only on an empty database; returns how to log in, or null.
 */
export async function seedDemoIfEmpty(ds: DataSource, now = new Date()): Promise<string | null> {
  if ((await ds.getRepository(User).count()) > 0) return null;
  return ds.transaction(async (em) => {
    const district = await em.save(em.create(District, { name: '青山区' }));
    const street = await em.save(em.create(Street, { districtId: district.id, name: '红卫路街道' }));
    const [qhj, ghc] = await em.save([
      em.create(Community, { streetId: street.id, districtId: district.id, name: '青和居社区' }),
      em.create(Community, { streetId: street.id, districtId: district.id, name: '钢花村社区' }),
    ]);
    // Grids: strips 0.004° wide (≈ 380 m) side by side along 30.640–30.644 N.
    const gridSpecs = [
      { community: qhj, name: '青和居第一网格', from: 114.38 },
      { community: qhj, name: '青和居第二网格', from: 114.384 },
      { community: qhj, name: '青和居第三网格', from: 114.388 },
      { community: ghc, name: '钢花村第一网格', from: 114.392 },
      { community: ghc, name: '钢花村第二网格', from: 114.396 },
    ];
    const grids = await em.save(
      gridSpecs.map((g) => {
        const r = rectangle(g.from, 30.64, g.from + 0.004, 30.644);
        return em.create(Grid, { communityId: g.community.id, name: g.name, boundary: JSON.stringify(r.geometry), ...r.bbox });
      }),
    );
    const buildings = await em.save(
      grids.flatMap((g, gi) =>
        [1, 2].map((n) => {
          const no = gi * 2 + n;
          const prefix = g.communityId === qhj.id ? '青和居' : '钢花村';
          return em.create(Building, { communityId: g.communityId, gridId: g.id, name: `${prefix}${no}栋`, lat: 30.641 + n * 0.001, lng: g.minLng + 0.002 });
        }),
      ),
    );
    const households = await em.save(
      buildings.flatMap((b) =>
        [['1单元', '101'], ['1单元', '201'], ['2单元', '301'], ['2单元', '502']].map(([unit, door]) => em.create(Household, { buildingId: b.id, label: householdLabel(unit, door), unit, door, areaHundredths: null })),
      ),
    );
    const [property, enforcement, serviceCentre, clinic] = await em.save([
      em.create(Organisation, { name: '青和物业服务有限公司', kind: 'property_company' }),
      em.create(Organisation, { name: '青山区城管执法中队', kind: 'law_enforcement' }),
      em.create(Organisation, { name: '红卫路街道社区服务中心', kind: 'service_centre' }),
      em.create(Organisation, { name: '红卫路社区卫生服务中心', kind: 'health_provider' }),
    ]);
    const lawyerOffice = await em.save(em.create(Organisation, { name: '湖北青和律师事务所', kind: 'lawyer' }));
    const inCommunity = (c: Community) => ({ districtId: district.id, streetId: street.id, communityId: c.id });
    const inGrid = (i: number) => ({ ...inCommunity(grids[i].communityId === qhj.id ? qhj : ghc), gridId: grids[i].id });
    const role = (r: Role, place: Partial<RoleAssignment>, organisationId: number | null = null) => ({ role: r, ...place, organisationId });
    const people: Person[] = [
      { name: '王秀英', phone: '13871000001', roles: [role('resident', inCommunity(qhj))] },
      { name: '李建国', phone: '13871000002', roles: [role('resident', inCommunity(qhj))] },
      { name: '张桂兰', phone: '13871000003', roles: [role('resident', inCommunity(ghc))] },
      { name: '陈小明', phone: '13871000004', roles: [role('resident', {})] },
      { name: '赵敏', phone: '13972000001', roles: [role('grid_worker', inGrid(0))] },
      { name: '孙浩', phone: '13972000002', roles: [role('grid_worker', inGrid(1))] },
      { name: '周婷', phone: '13972000003', roles: [role('grid_worker', inGrid(1))] },
      { name: '吴磊', phone: '13972000004', roles: [role('grid_worker', inGrid(2))] },
      { name: '郑芳', phone: '13972000005', roles: [role('grid_worker', inGrid(3))] },
      { name: '钱伟', phone: '13972000006', roles: [role('grid_worker', inGrid(4))] },
      { name: '黄丽华', phone: '13673000001', roles: [role('committee_member', inCommunity(qhj))] },
      { name: '何志刚', phone: '13673000002', roles: [role('committee_member', inCommunity(ghc))] },
      { name: '林国栋', phone: '13574000001', roles: [role('street_officer', { districtId: district.id, streetId: street.id })] },
      { name: '高明', phone: '13574000002', roles: [role('district_officer', { districtId: district.id })] },
      { name: '马师傅', phone: '15875000001', roles: [role('partner', inCommunity(qhj), property.id), role('partner', inCommunity(ghc), property.id)] },
      { name: '许队长', phone: '15875000002', roles: [role('partner', inCommunity(qhj), enforcement.id), role('partner', inCommunity(ghc), enforcement.id)] },
      { name: '罗老师', phone: '15875000003', roles: [role('partner', inCommunity(qhj), serviceCentre.id), role('partner', inCommunity(ghc), serviceCentre.id)] },
      { name: '谢医生', phone: '15875000004', roles: [role('partner', inCommunity(qhj), clinic.id), role('partner', inCommunity(ghc), clinic.id)] },
      { name: '系统管理员', phone: '13000000000', roles: [role('admin', {})] },
      // 一社区一法律顾问: the lawyer of both communities.
      { name: '刘律师', phone: '15875000005', roles: [role('partner', inCommunity(qhj), lawyerOffice.id), role('partner', inCommunity(ghc), lawyerOffice.id)] },
      // 钢花村's households from the ledger, enough to fill a slot and overfill it (预约).
      ...GHC_RESIDENTS.map((r) => ({ name: r.name, phone: r.phone, roles: [role('resident', inCommunity(ghc))] })),
    ];
    const users: User[] = [];
    for (const p of people) {
      const user = await em.save(em.create(User, { name: p.name, phone: p.phone, openid: null, createdAt: now }));
      users.push(user);
      await em.insert(
        RoleAssignment,
        p.roles.map((r) => ({ userId: user.id, role: r.role!, districtId: r.districtId ?? null, streetId: r.streetId ?? null, communityId: r.communityId ?? null, gridId: r.gridId ?? null, organisationId: r.organisationId ?? null })),
      );
    }
    const byName = (name: string) => users.find((u) => u.name === name)!;
    // Three residents are bound to their homes; 陈小明 has asked and waits for the committee.
    const bind = (user: User, household: Household, building: Building, status: 'approved' | 'pending') =>
      em.create(HouseholdBinding, { userId: user.id, householdId: household.id, communityId: building.communityId, status, decidedById: status === 'approved' ? byName('黄丽华').id : null, decidedAt: status === 'approved' ? now : null, createdAt: now });
    const hh = (b: number, i: number) => households[b * 4 + i];
    await em.save([
      bind(byName('王秀英'), hh(0, 0), buildings[0], 'approved'),
      bind(byName('李建国'), hh(2, 1), buildings[2], 'approved'),
      bind(byName('张桂兰'), hh(6, 2), buildings[6], 'approved'),
      bind(byName('陈小明'), hh(1, 3), buildings[1], 'pending'),
    ]);
    // Their ledger: each in a household of 钢花村 (approved binding and membership), birth years for who may book what.
    const householdOf = new Map<number, number>();
    for (const r of GHC_RESIDENTS) {
      const user = byName(r.name);
      const household = hh(r.building, r.flat);
      const building = buildings[r.building];
      await em.save(bind(user, household, building, 'approved'));
      await em.insert(HouseholdMember, { householdId: household.id, userId: user.id, communityId: building.communityId, relation: r.relation, startedAt: now, endedAt: null, endedById: null, endReason: null, version: 1 });
      await em.insert(PersonDetails, { userId: user.id, birthYear: r.birthYear, specialCare: r.specialCare ?? '', updatedAt: now });
      householdOf.set(user.id, household.id);
    }
    const categories = await insertCategories(em);
    await seedBookings(em, {
      now,
      communities: { qhj, ghc },
      orgs: { property: property.id, serviceCentre: serviceCentre.id, clinic: clinic.id, lawyer: lawyerOffice.id },
      person: (name: string) => byName(name).id,
      householdOf,
      provider: byName('罗老师').id,
    });
    await seedHistory(em, { now, categories, buildings, grids, street, district, users: byName });
    // 议事: a building of 24 owners with floor areas, after everything else so that the ids above stay.
    const { building, households: flats, owners } = await seedDeliberationBuilding(em, { now, grid: grids[3], committeeId: byName('何志刚').id, districtId: district.id, streetId: street.id });
    const ghcTickets = await em.find(Ticket, { where: { communityId: ghc.id }, order: { id: 'ASC' }, take: 2, select: { id: true } });
    await seedDeliberationTopics(em, { now, communityId: ghc.id, districtId: district.id, buildingId: building.id, households: flats, owners, committeeId: byName('何志刚').id, gridWorkerId: byName('郑芳').id, ticketIds: ghcTickets.map((t) => t.id) });
    return [
      'Seeded the demo district 青山区 · 红卫路街道 · 青和居社区 / 钢花村社区.',
      'Log in (H5 at http://localhost:3000/ picks a role; or POST /api/auth/dev-login {"userId": N}):',
      ...users.map((u, i) => `  ${String(u.id).padStart(2)}  ${u.name}  ${people[i].roles.map((r) => r.role).join(', ')}`),
      `  ${owners[0].id}–${owners[owners.length - 1].id}  ${DELIBERATION_OWNERS.length} owners of 钢花村11栋 (议事: one flat each, with its floor area)`,
    ].join('\n');
  });
}

/** A few months of matters in every state, so the dashboard and the public board have something true to show. */
async function seedHistory(
  em: EntityManager,
  ctx: { now: Date; categories: Category[]; buildings: Building[]; grids: Grid[]; street: Street; district: District; users: (name: string) => User },
): Promise<void> {
  const { now, categories, buildings, users } = ctx;
  const cat = (code: string) => categories.find((c) => c.code === code)!;
  const residents = ['王秀英', '李建国', '张桂兰'].map(users);
  const workerOf = (b: Building) => users(['赵敏', '赵敏', '孙浩', '周婷', '吴磊', '吴磊', '郑芳', '郑芳', '钱伟', '钱伟'][buildings.indexOf(b)]);
  const stories: [string, string, string][] = [
    ['sanitation', '楼下垃圾桶满了好几天没人清理，味道很大', '已联系保洁清运，垃圾桶已清洗消毒'],
    ['facility', '单元门禁坏了，门一直关不上', '已更换门禁电磁锁，恢复正常'],
    ['parking', '消防通道长期被私家车占用', '已张贴告知并联系车主挪车，增设禁停标识'],
    ['noise', '晚上十点后楼上装修电钻声不断', '已上门劝导，装修方承诺遵守作业时间'],
    ['hazard', '楼道里堆放了很多纸箱杂物，存在消防隐患', '已组织清理楼道杂物'],
    ['dispute', '邻居空调外机滴水到我家阳台', '已调解，邻居加装了排水管'],
    ['sanitation', '小区绿化带里有人乱倒建筑垃圾', '已清运建筑垃圾并加强巡查'],
    ['facility', '路灯不亮，晚上出行不安全', '已更换灯泡，路灯恢复照明'],
  ];
  const ratings: FinalRating[] = ['satisfied', 'satisfied', 'basically_satisfied', 'satisfied', 'unsatisfied', 'satisfied', 'not_rated', 'basically_satisfied'];
  const statuses: TicketStatus[] = ['closed', 'closed', 'closed', 'closed', 'closed', 'closed', 'closed', 'resolved', 'accepted', 'dispatched', 'closed', 'closed'];
  for (let i = 0; i < 36; i++) {
    const building = buildings[i % buildings.length];
    const [code, description, note] = stories[i % stories.length];
    const daysAgo = 90 - i * 2.4;
    const status = statuses[i % statuses.length];
    const category = cat(code);
    const { ticket, events } = ticketWithHistory({
      reporterId: residents[i % residents.length].id,
      handlerId: workerOf(building).id,
      category,
      description,
      place: { gridId: building.gridId, communityId: building.communityId, streetId: ctx.street.id, districtId: ctx.district.id, buildingId: building.id, lat: building.lat, lng: building.lng },
      createdAt: new Date(now.getTime() - daysAgo * 86_400_000),
      status,
      acceptAfter: [12, 25, 50, 95][i % 4],
      resolveAfter: [180, 600, 1300, 3000][i % 4],
      rating: ratings[i % ratings.length],
      resolutionNote: note,
    });
    const saved = await em.save(em.create(Ticket, ticket));
    await em.update(Ticket, { id: saved.id }, { code: issueTicketCode(saved.id, saved.createdAt, ctx.district.utcOffsetMinutes), version: saved.version });
    await em.insert(TicketEvent, events.map((e) => ({ ...e, ticketId: saved.id })));
  }
}
