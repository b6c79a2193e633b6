import { Inject, Injectable } from '@nestjs/common';
import { IsNull, Not, type EntityManager } from 'typeorm';
import { normalisePhone, type LedgerHouseholdDetail } from '@linli/shared';
import type { AuthUser } from '../auth/auth-user.js';
import { AuditService } from '../audit/audit.service.js';
import { HouseholdBinding } from '../bindings/entities/household-binding.entity.js';
import { AppError, Errors } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { Db } from '../database/db.js';
import { Household } from '../places/entities/places.entities.js';
import { RoleAssignment, User } from '../users/entities/users.entities.js';
import { HouseholdMember } from './entities/household-member.entity.js';
import type { LedgerReach } from './ledger-access.js';
import { endMembers, upsertDetails } from './ledger-import.service.js';
import { lockCommunity } from './ledger-lock.js';
import { LedgerQueriesService } from './ledger-queries.service.js';
import { flagsOf, UNNAMED_WECHAT_USER } from './ledger-snapshot.js';
import { PersonDetails } from './entities/person-details.entity.js';
import type { LedgerEndMemberDto, LedgerHouseholdEditDto, LedgerMemberDto, LedgerMemberEditDto } from './ledger.dto.js';

const stale = () => new AppError(409, 'LEDGER_CONFLICT', '这条记录刚被他人修改，请刷新后再改');

/** The committee's corrections: each in one transaction, checked against the version it was based on, and logged. */
@Injectable()
export class LedgerEditsService {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(LedgerQueriesService) private readonly queries: LedgerQueriesService,
  ) {}

  async editHousehold(user: AuthUser, id: number, dto: LedgerHouseholdEditDto): Promise<LedgerHouseholdDetail> {
    return this.db.transaction(async (em) => {
      const { reach } = await this.queries.readHousehold(em, user, id, 'write');
      const updated = await em
        .createQueryBuilder()
        .update(Household)
        .set({ areaHundredths: dto.areaHundredths, version: () => 'version + 1' })
        .where('id = :id AND version = :v', { id, v: dto.version })
        .execute();
      if (!updated.affected) throw stale();
      await this.audit(em, user, reach, 'household', id, ['area']);
      return (await this.queries.readHousehold(em, user, id, 'write')).detail;
    });
  }

  async addMember(user: AuthUser, householdId: number, dto: LedgerMemberDto): Promise<LedgerHouseholdDetail> {
    const phone = phoneOf(dto.phone);
    return this.db.transaction(async (em) => {
      const { reach } = await this.queries.readHousehold(em, user, householdId, 'write');
      await lockCommunity(em, this.db.isMysql, reach.communityId);
      const now = this.clock.now();
      let person = phone ? await em.findOne(User, { where: { phone, deletedAt: IsNull() }, order: { id: 'ASC' } }) : null;
      if (person && person.name !== dto.name && !(person.openid !== null && person.name === UNNAMED_WECHAT_USER)) {
        throw Errors.validation('这个手机号已登记在另一人名下，请核对');
      }
      if (person) {
        if (await em.findOneBy(HouseholdMember, { householdId, userId: person.id, endedAt: IsNull() })) throw Errors.validation('这个人已在这一户，请勿重复添加');
        if (person.name !== dto.name) await em.update(User, { id: person.id }, { name: dto.name });
      } else {
        const inserted = await em.insert(User, { name: dto.name, phone, openid: null, phoneVerifiedAt: null, nickname: null, avatarKey: null, consentVersion: null, consentedAt: null, createdAt: now, deletedAt: null });
        person = (await em.findOneBy(User, { id: inserted.identifiers[0].id }))!;
        await em.insert(RoleAssignment, { userId: person.id, role: 'resident', districtId: null, streetId: null, communityId: reach.communityId, gridId: null, organisationId: null });
        await em.insert(HouseholdBinding, { userId: person.id, householdId, communityId: reach.communityId, status: 'approved', decidedById: user.id, decidedAt: now, reason: null, endedAt: null, endedById: null, createdAt: now });
      }
      const existing = await em.findOneBy(PersonDetails, { userId: person.id });
      await upsertDetails(em, person.id, dto.birthYear !== undefined ? dto.birthYear : (existing?.birthYear ?? null), dto.specialCare ?? flagsOf(existing?.specialCare), now);
      const member = await em.insert(HouseholdMember, { householdId, userId: person.id, communityId: reach.communityId, relation: dto.relation, startedAt: now, endedAt: null, endedById: null, endReason: null, version: 1 });
      await this.audit(em, user, reach, 'member', member.identifiers[0].id, ['added']);
      return (await this.queries.readHousehold(em, user, householdId, 'write')).detail;
    });
  }

  async editMember(user: AuthUser, memberId: number, dto: LedgerMemberEditDto): Promise<LedgerHouseholdDetail> {
    const phone = dto.phone === undefined ? undefined : phoneOf(dto.phone);
    return this.db.transaction(async (em) => {
      const member = await em.findOneBy(HouseholdMember, { id: memberId, endedAt: IsNull() });
      if (!member) throw Errors.notFound('人员');
      const { reach } = await this.queries.readHousehold(em, user, member.householdId, 'write').catch(() => {
        throw Errors.notFound('人员');
      });
      const updated = await em
        .createQueryBuilder()
        .update(HouseholdMember)
        .set({ relation: dto.relation, version: () => 'version + 1' })
        .where('id = :id AND version = :v', { id: memberId, v: dto.version })
        .execute();
      if (!updated.affected) throw stale();
      const person = (await em.findOneBy(User, { id: member.userId }))!;
      const fields: string[] = [];
      if (phone !== undefined && phone !== person.phone) {
        if (phone && (await em.findOneBy(User, { phone, deletedAt: IsNull(), id: Not(person.id) }))) throw Errors.validation('这个手机号已登记在另一人名下，请核对');
        if (person.phoneVerifiedAt !== null) throw Errors.validation('这个手机号已由本人在微信中验证，不能在台账中修改，如有变化请本人在微信中更换');
        fields.push('phone');
      }
      if (dto.name !== person.name) fields.push('name');
      if (fields.length) await em.update(User, { id: person.id }, { name: dto.name, ...(phone !== undefined ? { phone } : {}) });
      if (member.relation !== dto.relation) fields.push('relation');
      const existing = await em.findOneBy(PersonDetails, { userId: person.id });
      const birthYear = dto.birthYear !== undefined ? dto.birthYear : (existing?.birthYear ?? null);
      const specialCare = dto.specialCare ?? flagsOf(existing?.specialCare);
      if (birthYear !== (existing?.birthYear ?? null)) fields.push('birthYear');
      if (specialCare.join(',') !== flagsOf(existing?.specialCare).join(',')) fields.push('specialCare');
      await upsertDetails(em, person.id, birthYear, specialCare, this.clock.now());
      await this.audit(em, user, reach, 'member', memberId, fields);
      return (await this.queries.readHousehold(em, user, member.householdId, 'write')).detail;
    });
  }

  /** 已迁出: the membership ends (and a binding to the household); the record stays. */
  async endMember(user: AuthUser, memberId: number, dto: LedgerEndMemberDto): Promise<LedgerHouseholdDetail> {
    return this.db.transaction(async (em) => {
      const member = await em.findOneBy(HouseholdMember, { id: memberId, endedAt: IsNull() });
      if (!member) throw Errors.notFound('人员');
      const { reach } = await this.queries.readHousehold(em, user, member.householdId, 'write').catch(() => {
        throw Errors.notFound('人员');
      });
      await endMembers(em, user.id, [memberId], dto.reason, this.clock.now());
      await this.audit(em, user, reach, 'member', memberId, ['ended']);
      return (await this.queries.readHousehold(em, user, member.householdId, 'write')).detail;
    });
  }

  private audit(em: EntityManager, user: AuthUser, reach: LedgerReach, targetType: 'household' | 'member', id: number, fields: string[]): Promise<void> {
    return AuditService.record(em, { actor: { id: user.id, role: reach.role }, action: 'edit', communityId: reach.communityId, targetType, targetIds: [id], details: { fields }, at: this.clock.now() });
  }
}

/** A phone as typed in the app: the import's rule; null for none. */
function phoneOf(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  const phone = normalisePhone(text);
  if (phone === null) throw Errors.validation('手机号应为11位数字，以13–19开头');
  return phone === '' ? null : phone;
}
