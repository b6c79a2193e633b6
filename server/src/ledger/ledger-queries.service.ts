import { Inject, Injectable } from '@nestjs/common';
import { Brackets, In, IsNull, type EntityManager } from 'typeorm';
import {
  householdLabel,
  type LedgerHouseholdDetail,
  type LedgerHouseholdSummary,
  type LedgerMemberView,
  type LedgerSpecialCareEntry,
  type PageOfLedgerHousehold,
} from '@linli/shared';
import type { AuthUser } from '../auth/auth-user.js';
import { AuditService } from '../audit/audit.service.js';
import { Errors } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { maskPhone } from '../common/mask.js';
import { paging } from '../common/paging.js';
import { Db } from '../database/db.js';
import { Building, Household } from '../places/entities/places.entities.js';
import { User } from '../users/entities/users.entities.js';
import { HouseholdMember } from './entities/household-member.entity.js';
import { PersonDetails } from './entities/person-details.entity.js';
import { ledgerReach, reachesBuilding, type LedgerReach } from './ledger-access.js';
import { flagsOf } from './ledger-snapshot.js';
import type { LedgerHouseholdsQueryDto, LedgerSpecialCareQueryDto } from './ledger.dto.js';

/** Reading the ledger: the household list, one household with its people, the special-care list (logged). */
@Injectable()
export class LedgerQueriesService {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async households(user: AuthUser, q: LedgerHouseholdsQueryDto): Promise<PageOfLedgerHousehold> {
    const em = this.db.manager;
    const reach = await ledgerReach(em, user, q.communityId, 'read');
    const { page, pageSize, skip, take } = paging(q);
    const qb = em.createQueryBuilder(Household, 'h').innerJoin(Building, 'b', 'b.id = h.buildingId').where('b.communityId = :c', { c: reach.communityId });
    if (reach.gridIds) qb.andWhere('b.gridId IN (:...grids)', { grids: reach.gridIds });
    if (q.buildingId !== undefined) qb.andWhere('b.id = :b', { b: q.buildingId });
    if (q.q) {
      const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere(
        new Brackets((w) => {
          w.where('h.label LIKE :like', { like }).orWhere(
            `EXISTS (SELECT 1 FROM household_members m INNER JOIN users u ON u.id = m.userId WHERE m.householdId = h.id AND m.endedAt IS NULL AND u.name LIKE :like)`,
            { like },
          );
        }),
      );
    }
    const total = await qb.getCount();
    const rows = await qb.select(['h.id AS id', 'h.buildingId AS buildingId', 'b.name AS building', 'h.label AS label', 'h.areaHundredths AS areaHundredths']).orderBy('b.name', 'ASC').addOrderBy('h.label', 'ASC').addOrderBy('h.id', 'ASC').offset(skip).limit(take).getRawMany();
    const ids = rows.map((r) => Number(r.id));
    const members = ids.length ? await em.find(HouseholdMember, { where: { householdId: In(ids), endedAt: IsNull() }, select: { householdId: true, relation: true } }) : [];
    const items: LedgerHouseholdSummary[] = rows.map((r) => {
      const mine = members.filter((m) => m.householdId === Number(r.id));
      return {
        id: Number(r.id),
        buildingId: Number(r.buildingId),
        building: r.building,
        label: r.label,
        areaHundredths: r.areaHundredths === null ? null : Number(r.areaHundredths),
        members: mine.length,
        owners: mine.filter((m) => m.relation === 'owner').length,
      };
    });
    return { items, total, page, pageSize };
  }

  /** One household with its people, their birth years and flags: a special-care reading, logged. */
  async household(user: AuthUser, id: number): Promise<LedgerHouseholdDetail> {
    return this.db.transaction(async (em) => {
      const { reach, detail } = await this.readHousehold(em, user, id, 'read');
      await AuditService.record(em, {
        actor: { id: user.id, role: reach.role },
        action: 'special_care_list',
        communityId: reach.communityId,
        targetType: 'household',
        targetIds: [id],
        details: { people: detail.members.length },
        at: this.clock.now(),
      });
      return detail;
    });
  }

  /** A household the caller may read (404 otherwise), with the reach it was read through. */
  async readHousehold(em: EntityManager, user: AuthUser, id: number, want: 'read' | 'write'): Promise<{ reach: LedgerReach; detail: LedgerHouseholdDetail }> {
    const household = await em.findOneBy(Household, { id });
    const building = household ? await em.findOneBy(Building, { id: household.buildingId }) : null;
    if (!household || !building) throw Errors.notFound('户');
    let reach: LedgerReach;
    try {
      reach = await ledgerReach(em, user, building.communityId, want);
    } catch {
      throw Errors.notFound('户');
    }
    if (!reachesBuilding(reach, building)) throw Errors.notFound('户');
    return { reach, detail: await householdDetail(em, household, building) };
  }

  /** 特殊人群 of the community (or one grid): each person once, at their first household; the reading is logged. */
  async specialCare(user: AuthUser, q: LedgerSpecialCareQueryDto): Promise<LedgerSpecialCareEntry[]> {
    return this.db.transaction(async (em) => {
      const reach = await ledgerReach(em, user, q.communityId, 'read');
      if (q.gridId !== undefined && reach.gridIds && !reach.gridIds.includes(q.gridId)) throw Errors.notFound('网格');
      const qb = em
        .createQueryBuilder(HouseholdMember, 'm')
        .innerJoin(PersonDetails, 'd', 'd.userId = m.userId')
        .innerJoin(User, 'u', 'u.id = m.userId')
        .innerJoin(Household, 'h', 'h.id = m.householdId')
        .innerJoin(Building, 'b', 'b.id = h.buildingId')
        .where('m.communityId = :c AND m.endedAt IS NULL', { c: reach.communityId })
        .andWhere("d.specialCare <> ''");
      const grids = q.gridId !== undefined ? [q.gridId] : reach.gridIds;
      if (grids) qb.andWhere('b.gridId IN (:...grids)', { grids });
      if (q.flag) qb.andWhere('d.specialCare LIKE :flag', { flag: `%${q.flag}%` });
      const rows = await qb
        .select(['u.id AS personId', 'u.name AS name', 'u.phone AS phone', 'h.id AS householdId', 'b.name AS building', 'h.label AS label', 'b.gridId AS gridId', 'd.birthYear AS birthYear', 'd.specialCare AS specialCare'])
        .orderBy('b.name', 'ASC')
        .addOrderBy('h.label', 'ASC')
        .addOrderBy('m.id', 'ASC')
        .getRawMany();
      const seen = new Set<number>();
      const entries: LedgerSpecialCareEntry[] = [];
      for (const r of rows) {
        const personId = Number(r.personId);
        if (seen.has(personId)) continue;
        seen.add(personId);
        entries.push({
          personId,
          name: r.name,
          phone: maskPhone(r.phone),
          householdId: Number(r.householdId),
          household: `${r.building}${r.label}`,
          gridId: r.gridId === null ? null : Number(r.gridId),
          birthYear: r.birthYear === null ? null : Number(r.birthYear),
          specialCare: flagsOf(r.specialCare),
        });
      }
      await AuditService.record(em, {
        actor: { id: user.id, role: reach.role },
        action: 'special_care_list',
        communityId: reach.communityId,
        targetType: 'special_care',
        targetIds: [],
        details: { gridId: q.gridId ?? null, flag: q.flag ?? null, people: entries.length },
        at: this.clock.now(),
      });
      return entries;
    });
  }
}

/** The household's detail as the committee and its grid worker read it: phones masked. */
export async function householdDetail(em: EntityManager, household: Household, building: Building): Promise<LedgerHouseholdDetail> {
  const members = await em.find(HouseholdMember, { where: { householdId: household.id, endedAt: IsNull() }, order: { id: 'ASC' } });
  const userIds = members.map((m) => m.userId);
  const users = new Map(userIds.length ? (await em.find(User, { where: { id: In(userIds) } })).map((u) => [u.id, u]) : []);
  const details = new Map(userIds.length ? (await em.find(PersonDetails, { where: { userId: In(userIds) } })).map((d) => [d.userId, d]) : []);
  const views: LedgerMemberView[] = members.map((m) => {
    const u = users.get(m.userId);
    const d = details.get(m.userId);
    return {
      memberId: m.id,
      personId: m.userId,
      name: u?.name ?? '',
      phone: maskPhone(u?.phone),
      relation: m.relation,
      birthYear: d?.birthYear ?? null,
      specialCare: flagsOf(d?.specialCare),
      claimed: (u?.openid ?? null) !== null,
      version: m.version,
    };
  });
  return {
    id: household.id,
    communityId: building.communityId,
    buildingId: building.id,
    building: building.name,
    unit: household.unit || null,
    door: household.door,
    label: householdLabel(household.unit || null, household.door),
    areaHundredths: household.areaHundredths,
    gridId: building.gridId,
    members: views,
    version: household.version,
  };
}
