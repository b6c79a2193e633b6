/**
 * A district the size of Shenzhen's 福田区 for benchmarks: 10 streets, 95
 * communities, 1,226 grids tiling the area as a lattice of rectangles, ~8
 * buildings per grid with their households, 1,342 grid workers, committees,
 * street and district officers, partners, tens of thousands of residents and
 * any number of tickets spread over the past year, each with the timeline its
 * life would have written.
 *
 * Rows are generated in memory with explicit ids (the database is empty, so
 * ids are ours to give) and written with multi-row INSERTs; nothing goes
 * through the entity manager row by row.
 */
import cliProgress from 'cli-progress';
import type { DataSource, EntityTarget, QueryRunner } from 'typeorm';
import { DEFAULT_UTC_OFFSET_MINUTES, householdLabel, ESCALATION_LEVEL_LABELS, ESCALATION_LEVELS, nextEscalationAt, type FinalRating, type Role, type TicketStatus } from '@linli/shared';
import type { Category } from '../categories/category.entity.js';
import { Building, Community, District, Grid, Household, Organisation, Street } from '../places/entities/places.entities.js';
import { HouseholdBinding } from '../bindings/entities/household-binding.entity.js';
import { RoleAssignment, User } from '../users/entities/users.entities.js';
import { Ticket } from '../tickets/entities/ticket.entity.js';
import { TicketEvent } from '../tickets/entities/ticket-event.entity.js';
import { issueTicketCode } from '../tickets/ticket-code.js';
import { insertCategories, rectangle } from './demo-seed.js';
import { ticketWithHistory } from './ticket-history.js';

export interface ScaleOptions {
  tickets: number;
  residents: number;
  /** Tickets are spread over the year before this moment. */
  now: Date;
  /** Same seed, same district. */
  seed: number;
  /** Draw progress bars (on a terminal). */
  progress: boolean;
}

export const FUTIAN = {
  streets: 10,
  communities: 95,
  grids: 1226,
  gridWorkers: 1342,
  buildingsPerGrid: 8,
  householdsPerBuilding: 12,
  committeePerCommunity: 3,
  streetOfficersPerStreet: 2,
  districtOfficers: 3,
  // 福田区, roughly: 113.98–114.10 E, 22.50–22.57 N.
  bbox: { minLng: 113.98, minLat: 22.5, maxLng: 114.1, maxLat: 22.57 },
  columns: 38,
} as const;

export interface ScaleSummary {
  users: number;
  residents: number;
  grids: number;
  buildings: number;
  households: number;
  tickets: number;
  events: number;
  seconds: number;
}

/** Refuses to touch a database that already holds a district, users or tickets. */
export async function assertEmptyDatabase(ds: DataSource): Promise<void> {
  for (const entity of [District, User, Ticket] as EntityTarget<object>[]) {
    const n = await ds.getRepository(entity).count();
    if (n > 0) {
      const table = ds.getMetadata(entity).tableName;
      throw new Error(`The database is not empty (${table} has ${n} rows). The scale seed only fills an empty database: point DATABASE_URL (or SQLITE_PATH) at a new one.`);
    }
  }
}

export async function seedFutian(ds: DataSource, opts: ScaleOptions): Promise<ScaleSummary> {
  const started = Date.now();
  await assertEmptyDatabase(ds);
  const rnd = mulberry32(opts.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const qr = ds.createQueryRunner();
  await qr.connect();
  const writer = new BatchWriter(ds, qr);
  const bars = opts.progress
    ? new cliProgress.MultiBar({ format: ' {phase} [{bar}] {percentage}% {value}/{total} {eta_formatted}', hideCursor: true, clearOnComplete: false }, cliProgress.Presets.shades_classic)
    : null;
  try {
    // ── Places ──
    const F = FUTIAN;
    const districtId = 1;
    const utcOffsetMinutes = DEFAULT_UTC_OFFSET_MINUTES; // Shenzhen keeps Beijing time
    await writer.insert(District, [{ id: districtId, name: '福田区', utcOffsetMinutes }]);
    const streetNames = ['园岭', '南园', '福田', '沙头', '梅林', '华富', '香蜜湖', '莲花', '华强北', '福保'];
    const streets = streetNames.slice(0, F.streets).map((n, i) => ({ id: i + 1, districtId, name: `${n}街道` }));
    await writer.insert(Street, streets);
    const communities = Array.from({ length: F.communities }, (_, i) => {
      const street = streets[Math.floor((i * F.streets) / F.communities)];
      return { id: i + 1, streetId: street.id, districtId, name: `${street.name.replace('街道', '')}${COMMUNITY_WORDS[i % COMMUNITY_WORDS.length]}社区` };
    });
    await writer.insert(Community, communities);

    // A lattice of rectangles, row by row; consecutive cells form a community, so communities are contiguous strips.
    const rows = Math.ceil(F.grids / F.columns);
    const cellW = (F.bbox.maxLng - F.bbox.minLng) / F.columns;
    const cellH = (F.bbox.maxLat - F.bbox.minLat) / rows;
    const grids = Array.from({ length: F.grids }, (_, i) => {
      const col = i % F.columns;
      const row = Math.floor(i / F.columns);
      const community = communities[Math.floor((i * F.communities) / F.grids)];
      const r = rectangle(F.bbox.minLng + col * cellW, F.bbox.minLat + row * cellH, F.bbox.minLng + (col + 1) * cellW, F.bbox.minLat + (row + 1) * cellH);
      return { id: i + 1, communityId: community.id, name: '', boundary: JSON.stringify(r.geometry), ...r.bbox };
    });
    const perCommunity = new Map<number, number>();
    for (const g of grids) {
      const n = (perCommunity.get(g.communityId) ?? 0) + 1;
      perCommunity.set(g.communityId, n);
      g.name = `${communities[g.communityId - 1].name.replace('社区', '')}第${n}网格`;
    }
    await writer.insert(Grid, grids);
    const communityOf = (id: number) => communities[id - 1];

    const buildings: { id: number; communityId: number; gridId: number; name: string; lat: number; lng: number }[] = [];
    for (const g of grids) {
      for (let b = 0; b < F.buildingsPerGrid; b++) {
        // Buildings on a 4 × 2 lattice inside the cell, never on its edge.
        const lng = g.minLng + (((b % 4) + 0.5) / 4) * cellW;
        const lat = g.minLat + ((Math.floor(b / 4) + 0.5) / 2) * cellH;
        buildings.push({ id: buildings.length + 1, communityId: g.communityId, gridId: g.id, name: `${g.name}${b + 1}栋`, lat, lng });
      }
    }
    await writer.insert(Building, buildings, bars, '楼栋 buildings ');
    const households = (function* () {
      let id = 1;
      for (const b of buildings) for (let h = 0; h < F.householdsPerBuilding; h++) {
        const unit = `${Math.floor(h / 6) + 1}单元`;
        const door = `${(h % 6) + 1}0${(h % 2) + 1}`;
        yield { id: id++, buildingId: b.id, label: householdLabel(unit, door), unit, door, areaHundredths: null, version: 1 };
      }
    })();
    const householdCount = buildings.length * F.householdsPerBuilding;
    await writer.insert(Household, households, bars, '户 households    ', householdCount);

    // ── Partners ──
    const orgs: { id: number; name: string; kind: string; communities: number[] }[] = [];
    for (const c of communities) orgs.push({ id: orgs.length + 1, name: `${c.name.replace('社区', '')}物业服务有限公司`, kind: 'property_company', communities: [c.id] });
    for (const s of streets) {
      const cs = communities.filter((c) => c.streetId === s.id).map((c) => c.id);
      orgs.push({ id: orgs.length + 1, name: `福田区城管执法${s.name}中队`, kind: 'law_enforcement', communities: cs });
      orgs.push({ id: orgs.length + 1, name: `${s.name}社区服务中心`, kind: 'service_centre', communities: cs });
      orgs.push({ id: orgs.length + 1, name: `${s.name}社区健康服务中心`, kind: 'health_provider', communities: cs });
    }
    await writer.insert(Organisation, orgs.map(({ id, name, kind }) => ({ id, name, kind })));

    // ── People ── staff first, so the dev login list (first 200 users) shows every kind of role.
    const users: { id: number; name: string; phone: string; openid: null; createdAt: Date }[] = [];
    const roles: Omit<RoleAssignment, 'id'>[] = [];
    const yearAgo = new Date(opts.now.getTime() - 365 * DAY);
    const person = (phonePrefix: string) => {
      const u = { id: users.length + 1, name: pick(SURNAMES) + pick(GIVEN) + (rnd() < 0.6 ? pick(GIVEN) : ''), phone: `${phonePrefix}${String(users.length + 1).padStart(8, '0')}`, openid: null, createdAt: yearAgo };
      users.push(u);
      return u.id;
    };
    const role = (userId: number, r: Role, place: Partial<RoleAssignment>) =>
      roles.push({ userId, role: r, districtId: place.districtId ?? null, streetId: place.streetId ?? null, communityId: place.communityId ?? null, gridId: place.gridId ?? null, organisationId: place.organisationId ?? null });
    role(person('130'), 'admin', {});
    for (let i = 0; i < F.districtOfficers; i++) role(person('135'), 'district_officer', { districtId });
    for (const s of streets) for (let i = 0; i < F.streetOfficersPerStreet; i++) role(person('135'), 'street_officer', { districtId, streetId: s.id });
    const committee = new Map<number, number[]>();
    for (const c of communities) {
      const ids = Array.from({ length: F.committeePerCommunity }, () => person('136'));
      ids.forEach((id) => role(id, 'committee_member', { districtId, streetId: c.streetId, communityId: c.id }));
      committee.set(c.id, ids);
    }
    // 1,342 grid workers for 1,226 grids: every grid has one, and the busiest 116 a second.
    const workers = new Map<number, number[]>();
    for (let i = 0; i < F.gridWorkers; i++) {
      const g = grids[i < F.grids ? i : Math.floor(((i - F.grids) * F.grids) / (F.gridWorkers - F.grids))];
      const id = person('139');
      const c = communityOf(g.communityId);
      role(id, 'grid_worker', { districtId, streetId: c.streetId, communityId: c.id, gridId: g.id });
      workers.set(g.id, [...(workers.get(g.id) ?? []), id]);
    }
    const partnerOf = new Map<string, number>(); // `${kind}:${communityId}` → user
    for (const o of orgs) {
      const id = person('158');
      for (const cid of o.communities) {
        const c = communityOf(cid);
        role(id, 'partner', { districtId, streetId: c.streetId, communityId: cid, organisationId: o.id });
        partnerOf.set(`${o.kind}:${cid}`, id);
      }
    }
    const staffCount = users.length;
    // Residents, each living in a household of a building (of a grid).
    const residentHome: number[] = []; // resident index → building index
    const bindings: Omit<HouseholdBinding, 'id'>[] = [];
    for (let i = 0; i < opts.residents; i++) {
      const bIndex = Math.floor(rnd() * buildings.length);
      const b = buildings[bIndex];
      const c = communityOf(b.communityId);
      const id = person('138');
      residentHome.push(bIndex);
      role(id, 'resident', { districtId, streetId: c.streetId, communityId: c.id });
      const pending = rnd() < 0.02;
      const createdAt = new Date(yearAgo.getTime() + rnd() * 30 * DAY);
      bindings.push({
        userId: id,
        householdId: bIndex * F.householdsPerBuilding + 1 + Math.floor(rnd() * F.householdsPerBuilding),
        communityId: c.id,
        status: pending ? 'pending' : 'approved',
        decidedById: pending ? null : committee.get(c.id)![0],
        decidedAt: pending ? null : new Date(createdAt.getTime() + DAY),
        reason: null,
        endedAt: null,
        endedById: null,
        createdAt,
      });
    }
    await writer.insert(User, users, bars, '用户 users      ');
    await writer.insert(RoleAssignment, roles.map((r, i) => ({ id: i + 1, ...r })), bars, '角色 roles      ');
    await writer.insert(HouseholdBinding, bindings.map((b, i) => ({ id: i + 1, ...b })), bars, '绑定 bindings   ');

    const categories = await ds.transaction((em) => insertCategories(em));

    // ── Tickets ── in order of creation, so ids grow with time as they would.
    const bar = bars?.create(opts.tickets, 0, { phase: '报事 tickets    ' });
    let eventId = 1;
    const span = opts.now.getTime() - yearAgo.getTime();
    const CHUNK = 2000;
    for (let start = 0; start < opts.tickets; start += CHUNK) {
      const ticketRows: Record<string, unknown>[] = [];
      const eventRows: Record<string, unknown>[] = [];
      for (let i = start; i < Math.min(start + CHUNK, opts.tickets); i++) {
        const createdAt = new Date(yearAgo.getTime() + ((i + rnd()) / opts.tickets) * span);
        const category = pick(categories);
        const reporterIndex = Math.floor(rnd() * opts.residents);
        const reporterId = staffCount + 1 + reporterIndex;
        const home = buildings[residentHome[reporterIndex]];
        // Most report at home; some at a point elsewhere in their grid, without a building.
        const withBuilding = rnd() < 0.85;
        const place = withBuilding
          ? { buildingId: home.id, lat: home.lat, lng: home.lng }
          : { buildingId: null, lat: grids[home.gridId - 1].minLat + rnd() * cellH, lng: grids[home.gridId - 1].minLng + rnd() * cellW };
        const c = communityOf(home.communityId);
        const gridWorkers = workers.get(home.gridId)!;
        const gridWorker = gridWorkers[Math.floor(rnd() * gridWorkers.length)];
        const handlerId = category.routing === 'partner' ? (partnerOf.get(`${category.partnerKind}:${c.id}`) ?? gridWorker) : gridWorker;
        const life = lifeOf(rnd, category, createdAt, opts.now, category.routing === 'community');
        const { ticket, events } = ticketWithHistory({
          reporterId,
          handlerId,
          category,
          description: pick(STORIES[category.code] ?? STORIES.other),
          place: { gridId: home.gridId, communityId: c.id, streetId: c.streetId, districtId, ...place },
          createdAt,
          status: life.status,
          acceptAfter: life.acceptAfter,
          resolveAfter: life.resolveAfter,
          rating: life.rating,
          resolutionNote: pick(RESOLUTIONS),
        });
        if (category.routing === 'community') {
          // The community office routes by hand: a committee member dispatched it, not the system.
          const dispatched = events.find((e) => e.type === 'dispatched');
          if (dispatched) {
            dispatched.actorId = committee.get(c.id)![0];
            dispatched.actorRole = 'committee_member';
            dispatched.data = { toUserId: handlerId, auto: false };
          }
        }
        const id = i + 1;
        const all = withEscalations(ticket as unknown as Ticket, events, opts.now);
        ticketRows.push({ id, code: issueTicketCode(id, createdAt, utcOffsetMinutes), ...ticket });
        for (const e of all) eventRows.push({ id: eventId++, ...e, ticketId: id });
      }
      // One commit per chunk: a ticket and its timeline land together, and the log is flushed once per chunk, not per statement.
      await qr.startTransaction();
      await writer.insert(Ticket, ticketRows);
      await writer.insert(TicketEvent, eventRows);
      await qr.commitTransaction();
      bar?.increment(ticketRows.length);
    }
    bars?.stop();
    const summary: ScaleSummary = {
      users: users.length,
      residents: opts.residents,
      grids: grids.length,
      buildings: buildings.length,
      households: householdCount,
      tickets: opts.tickets,
      events: eventId - 1,
      seconds: (Date.now() - started) / 1000,
    };
    return summary;
  } finally {
    bars?.stop();
    await qr.release();
  }
}

const DAY = 86_400_000;

/**
 * Where a ticket reported at `createdAt` has got to by `now`: how fast it was
 * accepted and resolved, how it was rated, or whether it was cancelled or rejected.
 */
function lifeOf(rnd: () => number, category: Category, createdAt: Date, now: Date, queued: boolean) {
  const age = (now.getTime() - createdAt.getTime()) / 60_000;
  // Most accept within the deadline; a quarter run late. A few are stuck for good and climb the ladder.
  const stuck = rnd() < 0.003;
  const acceptAfter = Math.max(1, Math.round(category.acceptMinutes * (0.1 + rnd() * 1.2)));
  const resolveAfter = acceptAfter + Math.max(5, Math.round(category.resolveMinutes * (0.1 + rnd() * 1.1)));
  const r = rnd();
  const rating: FinalRating = r < 0.74 ? 'satisfied' : r < 0.88 ? 'basically_satisfied' : 'not_rated';
  const closeAfter = rating === 'not_rated' ? resolveAfter + 7 * 24 * 60 : resolveAfter + 12 * 60;
  const fate = rnd();
  let status: TicketStatus;
  if (fate < 0.03 && age >= 30) status = 'rejected';
  else if (fate < 0.06 && age >= 10) status = 'cancelled';
  else if (stuck) status = rnd() < 0.5 ? (queued ? 'submitted' : 'dispatched') : 'accepted';
  else if (age < acceptAfter) status = queued ? 'submitted' : 'dispatched';
  else if (age < resolveAfter) status = 'accepted';
  else if (age < closeAfter) status = 'resolved';
  else status = 'closed';
  return { status, acceptAfter, resolveAfter, rating };
}

type EventRow = Omit<TicketEvent, 'id'>;

/**
 * The escalations the sweeper would have made over the ticket's life: while it
 * waited for acceptance, then for resolution, each overdue step climbs one
 * level (the same rule as the sweeper: nextEscalationAt from @linli/shared).
 * Leaves the ticket as the sweeper would have: nothing due before `now`.
 */
function withEscalations(t: Ticket, events: EventRow[], now: Date): EventRow[] {
  const at = (type: string) => events.find((e) => e.type === type)?.createdAt ?? null;
  const accepted = at('accepted');
  const resolved = at('resolved');
  const ended = at('cancelled') ?? at('rejected');
  const segments: { status: TicketStatus; until: Date }[] = [];
  const first = t.handlerId !== null || accepted ? 'dispatched' : 'submitted';
  const stop = (d: Date | null) => (d && d < now ? d : now);
  segments.push({ status: first, until: stop(accepted ?? resolved ?? ended) });
  if (accepted) segments.push({ status: 'accepted', until: stop(resolved ?? ended) });
  const state = { ...t, escalationLevel: 0, lastEscalatedAt: null as Date | null };
  const escalations: EventRow[] = [];
  for (const seg of segments) {
    state.status = seg.status;
    for (let next = nextEscalationAt(state); next !== null && next <= seg.until && next <= now; next = nextEscalationAt(state)) {
      state.escalationLevel += 1;
      state.lastEscalatedAt = next;
      const level = ESCALATION_LEVELS[state.escalationLevel];
      escalations.push({
        ticketId: 0,
        type: 'escalated',
        actorId: null,
        actorRole: 'system',
        note: `超时未${seg.status === 'accepted' ? '办结' : '接单'}，升级至${ESCALATION_LEVEL_LABELS[level]}`,
        photoKeys: null,
        data: { level },
        createdAt: next,
      });
    }
  }
  t.escalationLevel = state.escalationLevel;
  t.lastEscalatedAt = state.lastEscalatedAt;
  t.nextEscalationAt = nextEscalationAt(t);
  if (escalations.length === 0) return events;
  // Stable by time: an escalation at the same instant as a step comes after it.
  const all = [...events, ...escalations].map((e, i) => ({ e, i })).sort((a, b) => a.e.createdAt.getTime() - b.e.createdAt.getTime() || a.i - b.i).map((x) => x.e);
  t.updatedAt = all[all.length - 1].createdAt;
  return all;
}

/**
 * Multi-row INSERTs straight through one connection, columns and value
 * conversions taken from the entities' metadata, so the rows land exactly as
 * TypeORM would write them on either dialect.
 */
class BatchWriter {
  private readonly mysql: boolean;
  constructor(
    private readonly ds: DataSource,
    private readonly qr: QueryRunner,
  ) {
    this.mysql = ds.options.type !== 'better-sqlite3';
  }

  async insert<T>(
    entity: EntityTarget<T>,
    rows: Iterable<Record<string, unknown>>,
    bars?: cliProgress.MultiBar | null,
    phase?: string,
    total?: number,
  ): Promise<void> {
    const meta = this.ds.getMetadata(entity);
    const columns = meta.columns;
    const q = (name: string) => (this.mysql ? `\`${name}\`` : `"${name}"`);
    // SQLite binds at most 32,766 parameters per statement; MySQL's limit is the packet size.
    const perStatement = Math.max(1, Math.min(2000, Math.floor(30_000 / columns.length)));
    const head = `INSERT INTO ${q(meta.tableName)} (${columns.map((c) => q(c.databaseName)).join(', ')}) VALUES `;
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    const size = total ?? (Array.isArray(rows) ? rows.length : 0);
    const bar = bars && phase && size > 20_000 ? bars.create(size, 0, { phase }) : null;
    let batch: unknown[] = [];
    let n = 0;
    const flush = async () => {
      if (n === 0) return;
      await this.qr.query(head + Array(n).fill(tuple).join(', '), batch);
      bar?.increment(n);
      batch = [];
      n = 0;
    };
    for (const row of rows) {
      for (const c of columns) batch.push(this.value(row[c.propertyName], c.type));
      n += 1;
      if (n === perStatement) await flush();
    }
    await flush();
    bar?.stop();
  }

  private value(v: unknown, type: unknown): unknown {
    if (v === undefined || v === null) return null;
    if (v instanceof Date) return v.toISOString().replace('T', ' ').replace('Z', '');
    if (type === 'simple-json') return JSON.stringify(v);
    if (typeof v === 'boolean') return v ? 1 : 0;
    return v;
  }
}

/** A small, fast, seedable PRNG: the same seed draws the same district. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMMUNITY_WORDS = ['新村', '花园', '东', '西', '南', '北', '中心', '华庭', '景田', '园', '岭', '湾', '苑', '林', '港'];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高', '郑', '梁', '谢', '宋', '唐'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀', '霞', '平', '刚', '桂', '英', '华', '建', '国', '文', '辉', '玲', '婷'];
const RESOLUTIONS = ['已现场处理完毕', '已联系相关单位处理，问题已解决', '已上门调解，双方达成一致', '已安排维修，恢复正常', '已清理完毕并加强巡查'];
const STORIES: Record<string, string[]> = {
  sanitation: ['楼下垃圾桶满了好几天没人清理，味道很大', '小区绿化带里有人乱倒建筑垃圾', '楼道里有很多小广告'],
  repair: ['单元门禁坏了，门一直关不上', '电梯经常停在半层，很危险', '楼顶漏水，家里天花板发霉'],
  noise: ['晚上十点后楼上装修电钻声不断', '楼下商铺音响声音太大', '凌晨有人在广场跳舞'],
  parking: ['消防通道长期被私家车占用', '共享单车堆满人行道', '小区门口有车辆乱停'],
  dispute: ['邻居空调外机滴水到我家阳台', '楼上住户养狗扰民', '邻居在公共走廊堆放杂物'],
  hazard: ['楼道里堆放了很多纸箱杂物，存在消防隐患', '电动车在楼道里充电', '路边井盖松动'],
  facility: ['路灯不亮，晚上出行不安全', '健身器材损坏', '小区围墙破损'],
  other: ['想咨询社区办事流程', '希望社区组织更多活动', '对社区工作提一点建议'],
};
