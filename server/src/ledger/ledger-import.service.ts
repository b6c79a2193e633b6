import { Inject, Injectable } from '@nestjs/common';
import { In, IsNull, type EntityManager } from 'typeorm';
import {
  LEDGER_COLUMNS,
  localDate,
  planLedgerImport,
  readLedgerRow,
  type LedgerCells,
  type LedgerColumn,
  type LedgerImportReport,
  type LedgerInputRow,
  type LedgerPlan,
  type SpecialCareFlag,
} from '@linli/shared';
import type { AuthUser } from '../auth/auth-user.js';
import { AuditService } from '../audit/audit.service.js';
import { HouseholdBinding } from '../bindings/entities/household-binding.entity.js';
import { AppError, Errors } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { maskPhone } from '../common/mask.js';
import { Db } from '../database/db.js';
import { Building, Household } from '../places/entities/places.entities.js';
import { PlacesService } from '../places/places.service.js';
import { RoleAssignment, User } from '../users/entities/users.entities.js';
import { HouseholdMember } from './entities/household-member.entity.js';
import { PersonDetails } from './entities/person-details.entity.js';
import { ledgerReach, type LedgerReach } from './ledger-access.js';
import { readLedgerFile, type LedgerSheet } from './ledger-file.js';
import { lockCommunity } from './ledger-lock.js';
import { loadSnapshot, storedFlags } from './ledger-snapshot.js';
import type { LedgerImportDto } from './ledger.dto.js';

const BATCH = 500;
export const LEAVER_REASON = '台账导入时确认已迁出';

/**
 * 台账导入: a file (and the app's fixes) read by the shared rules, planned against the community's ledger, and on
 * confirm written exactly as the dry run showed it, in one transaction with the community locked, or refused.
 */
@Injectable()
export class LedgerImportService {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(PlacesService) private readonly places: PlacesService,
  ) {}

  async import(user: AuthUser, fields: LedgerImportDto, file: { buffer: Buffer; originalname?: string } | undefined): Promise<LedgerImportReport> {
    const reach = await ledgerReach(this.db.manager, user, fields.communityId, 'write');
    if (!file) throw new AppError(400, 'FILE_MISSING', '请选择台账文件（表单字段 file）');
    const fixes = parseFixes(fields.fixes);
    const endIds = parseIds(fields.endMemberIds);
    const sheet = await readLedgerFile(file.buffer, file.originalname ?? '');
    const input = await this.readRows(sheet, fixes, reach.communityId);
    const present = Object.fromEntries(sheet.columns.map((c) => [c, true]));
    const phones = input.flatMap((r) => (r.read.ok && r.read.row.phone ? [r.read.row.phone] : []));

    if (fields.dryRun) {
      const plan = planLedgerImport(await loadSnapshot(this.db.manager, reach.communityId, phones), input, present);
      return report(plan, true, 0);
    }
    if (!fields.planHash) throw Errors.validation('确认导入需要预览时的 planHash');
    return this.db.transaction(async (em) => {
      await lockCommunity(em, this.db.isMysql, reach.communityId);
      const plan = planLedgerImport(await loadSnapshot(em, reach.communityId, phones), input, present);
      const missingIds = new Set(plan.missing.map((m) => m.memberId));
      const toEnd = endIds.filter((id) => missingIds.has(id));
      if (plan.planHash !== fields.planHash) {
        // A retried or concurrent confirm of a plan already written finds nothing left to write: the same answer as
        // a re-import. Anything else changed in between, and the committee must look again.
        const nothingToWrite = plan.rows.length === 0 && plan.newBuildings.length === 0 && plan.householdChanges.length === 0 && toEnd.length === 0;
        if (!nothingToWrite) throw new AppError(409, 'LEDGER_CHANGED', '台账或文件在预览后有变化，请重新预览后再确认');
      }
      const unknown = endIds.filter((id) => !missingIds.has(id));
      if (unknown.length) {
        const stillActive = await em.count(HouseholdMember, { where: { id: In(unknown), communityId: reach.communityId, endedAt: IsNull() } });
        if (stillActive > 0) throw Errors.validation('endMemberIds 只能是预览中列为“未出现在文件中”的人员');
      }
      const now = this.clock.now();
      await this.write(em, user, reach, plan, now);
      await endMembers(em, user.id, toEnd, LEAVER_REASON, now);
      await AuditService.record(em, {
        actor: { id: user.id, role: reach.role },
        action: 'import',
        communityId: reach.communityId,
        targetType: 'ledger',
        targetIds: [],
        details: { rows: plan.totalRows, added: plan.added, changed: plan.changed, unchanged: plan.unchanged, rejected: plan.rejected.length, ended: toEnd.length, planHash: plan.planHash },
        at: now,
      });
      return report(plan, false, toEnd.length);
    });
  }

  /** The sheet's rows with the app's fixes laid over them, read by the shared rules. */
  private async readRows(sheet: LedgerSheet, fixes: Map<number, LedgerCells>, communityId: number): Promise<LedgerInputRow[]> {
    const place = await this.places.communityPlace(communityId);
    const thisYear = Number(localDate(this.clock.now(), place?.utcOffsetMinutes).slice(0, 4));
    const known = new Set(sheet.rows.map((r) => r.row));
    for (const row of fixes.keys()) if (!known.has(row)) throw Errors.validation(`fixes 里的第${row}行不在文件中`);
    return sheet.rows.map(({ row, cells }) => {
      const fixed = { ...cells, ...fixes.get(row) };
      return { row, cells: fixed, read: readLedgerRow(row, fixed, thisYear) };
    });
  }

  /** Everything the plan adds and changes, in batches. */
  private async write(em: EntityManager, user: AuthUser, reach: LedgerReach, plan: LedgerPlan, now: Date): Promise<void> {
    const buildingIds = new Map<string, number>();
    for (const name of plan.newBuildings) {
      const inserted = await em.insert(Building, { communityId: reach.communityId, gridId: null, name, lat: null, lng: null });
      buildingIds.set(name, inserted.identifiers[0].id);
    }
    const householdIds = new Map<string, number>();
    for (const batch of chunks(plan.newHouseholds)) {
      const rows = batch.map((h) => ({
        buildingId: h.buildingId ?? buildingIds.get(h.building)!,
        label: `${h.unit ?? ''}${h.door}`,
        unit: h.unit ?? '',
        door: h.door,
        areaHundredths: h.areaHundredths,
        version: 1,
      }));
      const inserted = await em.insert(Household, rows);
      batch.forEach((h, i) => householdIds.set(h.key, inserted.identifiers[i].id));
    }
    for (const c of plan.householdChanges) {
      await em.createQueryBuilder().update(Household).set({ areaHundredths: c.areaHundredths, version: () => 'version + 1' }).where('id = :id', { id: c.householdId }).execute();
    }

    const personIds = new Map<string, number>();
    for (const batch of chunks(plan.newPersons)) {
      const inserted = await em.insert(
        User,
        batch.map((p) => ({ name: p.name, phone: p.phone, openid: null, phoneVerifiedAt: null, nickname: null, avatarKey: null, consentVersion: null, consentedAt: null, createdAt: now, deletedAt: null })),
      );
      batch.forEach((p, i) => personIds.set(p.key, inserted.identifiers[i].id));
      await em.insert(
        PersonDetails,
        batch.map((p) => ({ userId: personIds.get(p.key)!, birthYear: p.birthYear, specialCare: storedFlags(p.specialCare), updatedAt: now })),
      );
      await em.insert(
        RoleAssignment,
        batch.map((p) => ({ userId: personIds.get(p.key)!, role: 'resident' as const, districtId: null, streetId: null, communityId: reach.communityId, gridId: null, organisationId: null })),
      );
    }
    for (const p of plan.personChanges) {
      if (p.fields.includes('name') || p.fields.includes('phone')) await em.update(User, { id: p.personId }, { name: p.name, phone: p.phone });
      if (p.fields.includes('birthYear') || p.fields.includes('specialCare')) await upsertDetails(em, p.personId, p.birthYear, p.specialCare, now);
    }

    const idOf = (ref: { id: number } | { key: string }, keys: Map<string, number>) => ('id' in ref ? ref.id : keys.get(ref.key)!);
    const firstHome = new Map<string, number>(); // a new person's first household: their binding
    for (const batch of chunks(plan.newMembers)) {
      await em.insert(
        HouseholdMember,
        batch.map((m) => ({
          householdId: idOf(m.household, householdIds),
          userId: idOf(m.person, personIds),
          communityId: reach.communityId,
          relation: m.relation,
          startedAt: now,
          endedAt: null,
          endedById: null,
          endReason: null,
          version: 1,
        })),
      );
      for (const m of batch) if ('key' in m.person && !firstHome.has(m.person.key)) firstHome.set(m.person.key, idOf(m.household, householdIds));
    }
    for (const c of plan.memberChanges) {
      await em.createQueryBuilder().update(HouseholdMember).set({ relation: c.relation, version: () => 'version + 1' }).where('id = :id', { id: c.memberId }).execute();
    }
    // An imported person is bound to their first household, decided by the importer: claiming by phone finds them at home.
    for (const batch of chunks([...firstHome])) {
      await em.insert(
        HouseholdBinding,
        batch.map(([key, householdId]) => ({
          userId: personIds.get(key)!,
          householdId,
          communityId: reach.communityId,
          status: 'approved' as const,
          decidedById: user.id,
          decidedAt: now,
          reason: null,
          endedAt: null,
          endedById: null,
          createdAt: now,
        })),
      );
    }
  }
}

/** 已迁出: the memberships end (the records stay), and so does a binding to that household. */
export async function endMembers(em: EntityManager, actorId: number, ids: number[], reason: string, now: Date): Promise<void> {
  for (const batch of chunks(ids)) {
    const members = await em.find(HouseholdMember, { where: { id: In(batch), endedAt: IsNull() } });
    for (const m of members) {
      await em
        .createQueryBuilder()
        .update(HouseholdMember)
        .set({ endedAt: now, endedById: actorId, endReason: reason, version: () => 'version + 1' })
        .where('id = :id', { id: m.id })
        .execute();
      await em.update(HouseholdBinding, { userId: m.userId, householdId: m.householdId, status: 'approved' }, { status: 'ended', endedAt: now, endedById: actorId, reason });
    }
  }
}

export async function upsertDetails(em: EntityManager, userId: number, birthYear: number | null, specialCare: readonly SpecialCareFlag[], now: Date): Promise<void> {
  const stored = storedFlags(specialCare);
  const updated = await em.update(PersonDetails, { userId }, { birthYear, specialCare: stored, updatedAt: now });
  if (!updated.affected) await em.insert(PersonDetails, { userId, birthYear, specialCare: stored, updatedAt: now });
}

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += BATCH) out.push(items.slice(i, i + BATCH));
  return out;
}

function report(plan: LedgerPlan, dryRun: boolean, ended: number): LedgerImportReport {
  return {
    dryRun,
    planHash: plan.planHash,
    totalRows: plan.totalRows,
    added: plan.added,
    changed: plan.changed,
    unchanged: plan.unchanged,
    rows: plan.rows.map((r) => ({ ...r, phone: maskPhone(r.phone) })),
    rejected: plan.rejected,
    missing: plan.missing,
    ended,
  };
}

/** `{"<row>": {"<column>": "<value>"}}` as the app sends it. */
function parseFixes(text: string | undefined): Map<number, LedgerCells> {
  const fixes = new Map<number, LedgerCells>();
  if (!text) return fixes;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw Errors.validation('fixes 应为 JSON：{"行号": {"列名": "值"}}');
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw Errors.validation('fixes 应为 JSON 对象：{"行号": {"列名": "值"}}');
  for (const [row, cells] of Object.entries(json)) {
    if (!/^[1-9]\d{0,6}$/.test(row) || !cells || typeof cells !== 'object' || Array.isArray(cells)) throw Errors.validation(`fixes 的第${row}行应为 {"列名": "值"}`);
    const fixed: LedgerCells = {};
    for (const [column, value] of Object.entries(cells)) {
      if (!(LEDGER_COLUMNS as readonly string[]).includes(column)) throw Errors.validation(`fixes 里没有这一列：${column}`);
      if (typeof value !== 'string' || value.length > 200) throw Errors.validation(`fixes 的第${row}行${column}应为不超过200字的文字`);
      fixed[column as LedgerColumn] = value;
    }
    fixes.set(Number(row), fixed);
  }
  return fixes;
}

function parseIds(text: string | undefined): number[] {
  if (!text || text.trim() === '') return [];
  const parts = text.split(',').map((s) => s.trim());
  if (!parts.every((p) => /^[1-9]\d{0,9}$/.test(p))) throw Errors.validation('endMemberIds 应为逗号分隔的编号');
  return [...new Set(parts.map(Number))];
}
