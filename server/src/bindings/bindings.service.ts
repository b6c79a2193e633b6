import { Inject, Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { BindingListItem, BindingStatus, BindingView } from '@linli/shared';
import type { AuthUser } from '../auth/auth-user.js';
import { Errors } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { maskPhone } from '../common/mask.js';
import { Db } from '../database/db.js';
import { enqueueNotifications } from '../notifications/outbox.js';
import { Building, Household } from '../places/entities/places.entities.js';
import { RoleAssignment, User } from '../users/entities/users.entities.js';
import { HouseholdBinding } from './entities/household-binding.entity.js';

/** 居民绑定: a resident asks, a committee member of the household's community decides; either may end it later. */
@Injectable()
export class BindingsService {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** The household the resident is bound to (or has asked to be), the newest first. */
  current(userId: number): Promise<HouseholdBinding | null> {
    return this.db.manager.findOne(HouseholdBinding, {
      where: [
        { userId, status: 'approved' },
        { userId, status: 'pending' },
      ],
      order: { status: 'ASC', id: 'DESC' }, // 'approved' sorts before 'pending'
    });
  }

  /** The household the committee approved for the resident; a pending request proves nothing. */
  approved(userId: number): Promise<HouseholdBinding | null> {
    return this.db.manager.findOne(HouseholdBinding, { where: { userId, status: 'approved' }, order: { id: 'DESC' } });
  }

  async request(user: AuthUser, householdId: number): Promise<BindingView> {
    const household = await this.db.manager.findOneBy(Household, { id: householdId });
    if (!household) throw Errors.unprocessable('UNKNOWN_HOUSEHOLD', '所选房屋不存在，请返回重新选择');
    const building = (await this.db.manager.findOneBy(Building, { id: household.buildingId }))!;
    return this.db.transaction(async (em) => {
      const open = await em.findOne(HouseholdBinding, { where: { userId: user.id, status: In(['pending', 'approved']) } });
      if (open?.householdId === householdId) return this.view(open); // asking twice is asking once
      if (open?.status === 'pending') throw Errors.unprocessable('BINDING_PENDING', '您已有一个待审核的绑定申请，请等待居委会审核，或在“我的”里撤回后重新申请');
      const now = this.clock.now();
      const binding = em.create(HouseholdBinding, {
        userId: user.id,
        householdId,
        communityId: building.communityId,
        status: 'pending',
        decidedById: null,
        decidedAt: null,
        reason: null,
        endedAt: null,
        endedById: null,
        createdAt: now,
      });
      await em.save(binding);
      const committee = await em.find(RoleAssignment, { where: { role: 'committee_member', communityId: building.communityId }, select: { userId: true } });
      await enqueueNotifications(
        em,
        committee.map((r) => r.userId),
        { type: 'binding_requested', title: '绑定申请', body: `有居民申请绑定${building.name}${household.label}，请审核`, ticketId: null, communityId: building.communityId },
        now,
      );
      return this.view(binding);
    });
  }

  /** The committee's list, newest first, with who asked (phone masked) and for which household. */
  async list(user: AuthUser, status: BindingStatus | undefined): Promise<BindingListItem[]> {
    const communities = user.communityIds('committee_member');
    const rows = await this.db.manager.find(HouseholdBinding, {
      where: { communityId: In(communities.concat(0)), ...(status ? { status } : {}) },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: 200,
    });
    const users = await this.db.manager.find(User, { where: { id: In(rows.map((r) => r.userId).concat(0)) } });
    const labels = await this.householdLabels(rows.map((r) => r.householdId));
    return rows.map((r) => {
      const u = users.find((x) => x.id === r.userId);
      return { ...this.view(r), userName: u?.name ?? '', phone: maskPhone(u?.phone), householdLabel: labels.get(r.householdId) ?? '' };
    });
  }

  approve(user: AuthUser, id: number): Promise<BindingView> {
    return this.decide(user, id, 'approved', null);
  }

  reject(user: AuthUser, id: number, reason: string): Promise<BindingView> {
    return this.decide(user, id, 'rejected', reason);
  }

  private async decide(user: AuthUser, id: number, status: 'approved' | 'rejected', reason: string | null): Promise<BindingView> {
    return this.db.transaction(async (em) => {
      const binding = await em.findOneBy(HouseholdBinding, { id });
      if (!binding || !user.communityIds('committee_member').includes(binding.communityId)) throw Errors.notFound('绑定申请');
      if (binding.status === status) return this.view(binding);
      if (binding.status !== 'pending') throw Errors.invalidState('该申请已处理');
      const now = this.clock.now();
      if (status === 'approved') {
        // One household per resident: an earlier approved binding ends (they moved).
        await em.update(HouseholdBinding, { userId: binding.userId, status: 'approved' }, { status: 'ended', endedAt: now, endedById: user.id });
      }
      const result = await em.update(HouseholdBinding, { id, status: 'pending' }, { status, reason, decidedById: user.id, decidedAt: now });
      if (result.affected !== 1) throw Errors.conflict('该申请刚被他人处理');
      const [label] = (await this.householdLabels([binding.householdId])).values();
      await enqueueNotifications(
        em,
        [binding.userId],
        status === 'approved'
          ? { type: 'binding_approved', title: '绑定通过', body: `您已绑定${label}`, ticketId: null, communityId: binding.communityId }
          : { type: 'binding_rejected', title: '绑定未通过', body: `绑定${label}未通过：${reason}`, ticketId: null, communityId: binding.communityId },
        now,
      );
      return this.view({ ...binding, status, reason, decidedAt: now });
    });
  }

  /** Moving out: the resident's approved binding ends, or their pending request is withdrawn. */
  async leave(user: AuthUser): Promise<BindingView> {
    return this.db.transaction(async (em) => {
      const binding = await em.findOne(HouseholdBinding, { where: { userId: user.id, status: In(['approved', 'pending']) }, order: { status: 'ASC', id: 'DESC' } });
      if (!binding) throw Errors.notFound('房屋绑定');
      const now = this.clock.now();
      const status = binding.status === 'approved' ? 'ended' : 'withdrawn';
      await em.update(HouseholdBinding, { id: binding.id }, { status, endedAt: now, endedById: user.id });
      return this.view({ ...binding, status });
    });
  }

  /** The committee ends a binding (the resident moved without saying, or it was wrong); the resident is told why. */
  async end(user: AuthUser, id: number, reason: string): Promise<BindingView> {
    return this.db.transaction(async (em) => {
      const binding = await em.findOneBy(HouseholdBinding, { id });
      if (!binding || !user.communityIds('committee_member').includes(binding.communityId)) throw Errors.notFound('房屋绑定');
      if (binding.status === 'ended') return this.view(binding);
      if (binding.status !== 'approved') throw Errors.invalidState('只能解除已通过的绑定，请刷新后查看申请状态');
      const now = this.clock.now();
      const result = await em.update(HouseholdBinding, { id, status: 'approved' }, { status: 'ended', reason, endedAt: now, endedById: user.id });
      if (result.affected !== 1) throw Errors.conflict('该绑定刚被他人处理，请刷新后查看');
      const [label] = (await this.householdLabels([binding.householdId])).values();
      await enqueueNotifications(em, [binding.userId], { type: 'binding_ended', title: '绑定解除', body: `社区已解除您与${label}的绑定：${reason}`, ticketId: null, communityId: binding.communityId }, now);
      return this.view({ ...binding, status: 'ended', reason });
    });
  }

  /** The building of a household (its grid decides who serves it). */
  async householdBuilding(householdId: number): Promise<Building | null> {
    const household = await this.db.manager.findOneBy(Household, { id: householdId });
    return household ? this.db.manager.findOneBy(Building, { id: household.buildingId }) : null;
  }

  /** 1栋1单元101 for each household id. */
  async householdLabels(ids: number[]): Promise<Map<number, string>> {
    const households = await this.db.manager.find(Household, { where: { id: In(ids.concat(0)) } });
    const buildings = await this.db.manager.find(Building, { where: { id: In(households.map((h) => h.buildingId).concat(0)) } });
    return new Map(households.map((h) => [h.id, `${buildings.find((b) => b.id === h.buildingId)?.name ?? ''}${h.label}`]));
  }

  view(b: HouseholdBinding): BindingView {
    return {
      id: b.id,
      userId: b.userId,
      householdId: b.householdId,
      communityId: b.communityId,
      status: b.status,
      reason: b.reason ?? null,
      createdAt: b.createdAt.toISOString(),
      decidedAt: b.decidedAt?.toISOString() ?? null,
    };
  }
}
