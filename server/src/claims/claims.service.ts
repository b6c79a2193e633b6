import { Inject, Injectable } from '@nestjs/common';
import { In, IsNull, Not, type EntityManager } from 'typeorm';
import { STAFF_ROLES, type ClaimView, type PhoneVerifiedResult, type Role } from '@linli/shared';
import type { AuthUser } from '../auth/auth-user.js';
import { AuthService } from '../auth/auth.service.js';
import { SessionsService } from '../auth/sessions.service.js';
import { Errors } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { maskPhone } from '../common/mask.js';
import { Db } from '../database/db.js';
import { HouseholdBinding } from '../bindings/entities/household-binding.entity.js';
import { enqueueNotifications } from '../notifications/outbox.js';
import { Community } from '../places/entities/places.entities.js';
import { RoleAssignment, User } from '../users/entities/users.entities.js';
import { UsersService } from '../users/users.service.js';
import { WechatGateway } from '../wechat/wechat.gateway.js';
import { AccountClaim } from './account-claim.entity.js';
import { mergeAccount } from './account-merge.js';

const isStaff = (r: RoleAssignment) => (STAFF_ROLES as readonly Role[]).includes(r.role);

/**
 * 认领 by phone: users created by staff, the seed or a ledger import carry a phone and no openid.
 * A WeChat user who proves that phone becomes that record: a resident's at once (the committee is told);
 * one holding a staff role only when a committee member or officer over its places confirms, because
 * a phone number can be recycled and a role must not pass with it.
 */
@Injectable()
export class ClaimsService {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(WechatGateway) private readonly wechat: WechatGateway,
    @Inject(UsersService) private readonly users: UsersService,
    @Inject(AuthService) private readonly auth: AuthService,
    @Inject(SessionsService) private readonly sessions: SessionsService,
  ) {}

  async verifyPhone(caller: AuthUser, code: string): Promise<PhoneVerifiedResult> {
    const { phone } = await this.wechat.phoneNumber(code);
    const merged = await this.db.transaction(async (em) => {
      const now = this.clock.now();
      const me = (await em.findOneBy(User, { id: caller.id }))!;
      await em.update(User, { id: me.id }, { phone, phoneVerifiedAt: now });
      // Only a fresh WeChat account claims: one that already holds a staff role keeps its own record.
      const record =
        caller.roles.some(isStaff) || me.openid === null
        ? null
        : await em.findOne(User, { where: { phone, openid: IsNull(), deletedAt: IsNull(), id: Not(me.id) }, order: { id: 'ASC' } });
      if (!record) return null;
      const roles = await em.find(RoleAssignment, { where: { userId: record.id } });
      if (!roles.some(isStaff)) {
        const kept = await mergeAccount(em, { ...me, phone, phoneVerifiedAt: now }, record, now);
        const community = await residentCommunity(em, kept.id, roles);
        if (community !== null) {
          await enqueueNotifications(
            em,
            await committeeOf(em, community),
            { type: 'claim_made', title: '居民认领账号', body: `居民${kept.name}（${maskPhone(phone)}）已用微信认领了社区登记的账号`, ticketId: null },
            now,
          );
        }
        return kept;
      }
      const open = await em.findOneBy(AccountClaim, { accountId: record.id, claimantId: me.id, status: 'pending' });
      if (!open) {
        await em.insert(AccountClaim, { accountId: record.id, claimantId: me.id, phone, status: 'pending', reason: null, decidedById: null, decidedAt: null, createdAt: now });
        await enqueueNotifications(
          em,
          await confirmersOf(em, roles),
          { type: 'claim_pending', title: '待确认认领', body: `有微信用户用${maskPhone(phone)}认领${record.name}的工作人员账号，请核实后确认`, ticketId: null },
          now,
        );
      }
      return null;
    });
    if (merged) {
      await this.sessions.revokeAll(caller.id); // the fresh account is gone; its sessions end with it
      return { me: await this.users.me(merged.id), login: await this.auth.issue(merged) };
    }
    return { me: await this.users.me(caller.id), login: null };
  }

  async list(user: AuthUser, status: 'pending' | 'confirmed' | 'rejected'): Promise<ClaimView[]> {
    const claims = await this.db.manager.find(AccountClaim, { where: { status }, order: { id: 'DESC' }, take: 500 });
    const views: ClaimView[] = [];
    for (const c of claims) {
      const roles = await this.db.manager.find(RoleAssignment, { where: { userId: c.accountId }, order: { id: 'ASC' } });
      if (await this.mayDecide(user, c, roles)) views.push(await this.view(c, roles));
      if (views.length === 200) break;
    }
    return views;
  }

  async confirm(user: AuthUser, id: number): Promise<ClaimView> {
    return this.decide(user, id, 'confirmed', null);
  }

  async reject(user: AuthUser, id: number, reason: string): Promise<ClaimView> {
    return this.decide(user, id, 'rejected', reason);
  }

  private async decide(user: AuthUser, id: number, status: 'confirmed' | 'rejected', reason: string | null): Promise<ClaimView> {
    const claim = await this.db.manager.findOneBy(AccountClaim, { id });
    const roles = claim ? await this.db.manager.find(RoleAssignment, { where: { userId: claim.accountId }, order: { id: 'ASC' } }) : [];
    if (!claim || !(await this.mayDecide(user, claim, roles))) throw Errors.notFound('认领申请');
    if (claim.status === status) return this.view(claim, roles);
    if (claim.status !== 'pending') throw Errors.invalidState('该认领已处理，请刷新列表');
    const decided = await this.db.transaction(async (em) => {
      const now = this.clock.now();
      const result = await em.update(AccountClaim, { id, status: 'pending' }, { status, reason, decidedById: user.id, decidedAt: now });
      if (result.affected !== 1) throw Errors.conflict('该认领刚被他人处理，请刷新列表');
      const fresh = await em.findOneBy(User, { id: claim.claimantId });
      const record = await em.findOneBy(User, { id: claim.accountId });
      if (status === 'confirmed') {
        // The record was claimed meanwhile by someone else, or the claimant left: nothing to merge.
        if (!fresh || fresh.deletedAt || !record || record.openid !== null || record.deletedAt) throw Errors.invalidState('认领人或账号已不存在，无法确认，请刷新列表');
        await mergeAccount(em, fresh, record, now);
        // Anyone else who claimed the same record (a second phone holder) is answered now.
        const others = await em.find(AccountClaim, { where: { accountId: record.id, status: 'pending' } });
        if (others.length > 0) {
          await em.update(AccountClaim, { id: In(others.map((o) => o.id)) }, { status: 'rejected', reason: '该账号已被认领', decidedById: user.id, decidedAt: now });
          await enqueueNotifications(em, others.map((o) => o.claimantId), { type: 'claim_rejected', title: '认领未通过', body: '认领工作人员账号未通过：该账号已被认领', ticketId: null }, now);
        }
        await enqueueNotifications(em, [record.id], { type: 'claim_confirmed', title: '认领已确认', body: `您已认领${record.name}的账号，请重新进入小程序`, ticketId: null }, now);
      } else if (fresh) {
        await enqueueNotifications(em, [fresh.id], { type: 'claim_rejected', title: '认领未通过', body: `认领工作人员账号未通过：${reason}`, ticketId: null }, now);
      }
      return { ...claim, status, reason, decidedById: user.id, decidedAt: now };
    });
    if (status === 'confirmed') await this.sessions.revokeAll(claim.claimantId);
    return this.view(decided, roles);
  }

  /** A committee member of every community the roles are in, or an officer above all their places; never the claimant. */
  private async mayDecide(user: AuthUser, claim: AccountClaim, roles: RoleAssignment[]): Promise<boolean> {
    if (user.id === claim.claimantId || user.id === claim.accountId) return false;
    if (user.has('admin')) return true;
    const staff = roles.filter(isStaff);
    if (staff.length === 0) return false;
    const communityIds = [...new Set(staff.map((r) => r.communityId).filter((c): c is number => c !== null))];
    const communities = await this.db.manager.find(Community, { where: { id: In(communityIds.concat(0)) } });
    return staff.every((r) => {
      if (r.communityId !== null) {
        const c = communities.find((x) => x.id === r.communityId);
        return c !== undefined && user.overseesCommunity(c);
      }
      if (r.streetId !== null) return user.districtIds('district_officer').includes(r.districtId ?? -1);
      return false; // district officers and admins: only an admin confirms
    });
  }

  private async view(c: AccountClaim, roles: RoleAssignment[]): Promise<ClaimView> {
    const [account, claimant] = await Promise.all([this.db.manager.findOneBy(User, { id: c.accountId }), this.db.manager.findOneBy(User, { id: c.claimantId })]);
    const [roleViews] = await this.users.roleViews([roles]);
    return {
      id: c.id,
      status: c.status,
      account: { id: c.accountId, name: account?.name ?? '', phone: maskPhone(c.phone), roles: roleViews },
      claimant: { id: c.claimantId, nickname: claimant?.nickname ?? null, createdAt: (claimant?.createdAt ?? c.createdAt).toISOString() },
      reason: c.reason,
      createdAt: c.createdAt.toISOString(),
      decidedAt: c.decidedAt?.toISOString() ?? null,
    };
  }
}

/** The community a resident record belongs to: its approved household's, else its resident role's. */
async function residentCommunity(em: EntityManager, userId: number, roles: RoleAssignment[]): Promise<number | null> {
  const binding = await em.findOne(HouseholdBinding, { where: { userId, status: In(['approved', 'pending']) }, order: { status: 'ASC', id: 'DESC' } });
  return binding?.communityId ?? roles.find((r) => r.communityId !== null)?.communityId ?? null;
}

export async function committeeOf(em: EntityManager, communityId: number): Promise<number[]> {
  return (await em.find(RoleAssignment, { where: { role: 'committee_member', communityId }, select: { userId: true } })).map((r) => r.userId);
}

/** Who is told of a staff claim: the committees of the roles' communities; the district's officers for a street role; admins above that. */
async function confirmersOf(em: EntityManager, roles: RoleAssignment[]): Promise<number[]> {
  const staff = roles.filter(isStaff);
  const communityIds = [...new Set(staff.map((r) => r.communityId).filter((c): c is number => c !== null))];
  const districtIds = [...new Set(staff.filter((r) => r.communityId === null && r.streetId !== null).map((r) => r.districtId!))];
  const where: Record<string, unknown>[] = [];
  if (communityIds.length) where.push({ role: 'committee_member', communityId: In(communityIds) });
  if (districtIds.length) where.push({ role: 'district_officer', districtId: In(districtIds), streetId: IsNull() });
  if (staff.some((r) => r.communityId === null && r.streetId === null)) where.push({ role: 'admin' });
  if (where.length === 0) return [];
  return [...new Set((await em.find(RoleAssignment, { where, select: { userId: true } })).map((r) => r.userId))];
}
