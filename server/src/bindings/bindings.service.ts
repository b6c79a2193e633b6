import { Inject, Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { Errors } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { Db } from '../database/db.js';
import { Building, Household } from '../places/entities/places.entities.js';
import { User } from '../users/entities/users.entities.js';
import { HouseholdBinding } from './entities/household-binding.entity.js';

/** 居民绑定: a resident asks, a committee member of the household's community decides. */
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

  async request(user: AuthUser, householdId: number) {
    const household = await this.db.manager.findOneBy(Household, { id: householdId });
    if (!household) throw Errors.unprocessable('UNKNOWN_HOUSEHOLD', '所选房屋不存在');
    const building = (await this.db.manager.findOneBy(Building, { id: household.buildingId }))!;
    return this.db.transaction(async (em) => {
      const open = await em.findOne(HouseholdBinding, { where: { userId: user.id, status: In(['pending', 'approved']) } });
      if (open?.householdId === householdId) return this.view(open); // asking twice is asking once
      if (open?.status === 'pending') throw Errors.unprocessable('BINDING_PENDING', '您已有一个待审核的绑定申请');
      const binding = em.create(HouseholdBinding, {
        userId: user.id,
        householdId,
        communityId: building.communityId,
        status: 'pending',
        decidedById: null,
        decidedAt: null,
        createdAt: this.clock.now(),
      });
      await em.save(binding);
      return this.view(binding);
    });
  }

  async list(user: AuthUser, status: 'pending' | 'approved' | 'rejected' | undefined) {
    const communities = user.communityIds('committee_member');
    const rows = await this.db.manager.find(HouseholdBinding, {
      where: { communityId: In(communities), ...(status ? { status } : {}) },
      order: { id: 'DESC' },
      take: 200,
    });
    const users = await this.db.manager.find(User, { where: { id: In(rows.map((r) => r.userId).concat(0)) } });
    return rows.map((r) => ({ ...this.view(r), userName: users.find((u) => u.id === r.userId)?.name ?? '' }));
  }

  async decide(user: AuthUser, id: number, status: 'approved' | 'rejected') {
    return this.db.transaction(async (em) => {
      const binding = await em.findOneBy(HouseholdBinding, { id });
      if (!binding || !user.communityIds('committee_member').includes(binding.communityId)) throw Errors.notFound('绑定申请');
      if (binding.status === status) return this.view(binding);
      if (binding.status !== 'pending') throw Errors.invalidState('该申请已处理');
      const result = await em.update(HouseholdBinding, { id, status: 'pending' }, { status, decidedById: user.id, decidedAt: this.clock.now() });
      if (result.affected !== 1) throw Errors.conflict('该申请刚被他人处理');
      if (status === 'approved') {
        // One household per resident: an earlier approved binding ends.
        await em.update(HouseholdBinding, { userId: binding.userId, status: 'approved' }, { status: 'rejected' });
        await em.update(HouseholdBinding, { id }, { status: 'approved' });
      }
      return this.view({ ...binding, status });
    });
  }

  private view(b: HouseholdBinding) {
    return { id: b.id, userId: b.userId, householdId: b.householdId, communityId: b.communityId, status: b.status, createdAt: b.createdAt.toISOString() };
  }
}
