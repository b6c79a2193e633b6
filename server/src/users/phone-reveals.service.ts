import { Inject, Injectable } from '@nestjs/common';
import { In, Not } from 'typeorm';
import { FINAL_TICKET_STATUSES, type PhoneRevealLogEntry, type PhoneRevealView } from '@linli/shared';
import type { AuthUser } from '../auth/auth-user.js';
import { AuditService } from '../audit/audit.service.js';
import { BindingsService } from '../bindings/bindings.service.js';
import { Errors } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { Db } from '../database/db.js';
import { Community } from '../places/entities/places.entities.js';
import { Ticket } from '../tickets/entities/ticket.entity.js';
import { RoleAssignment, User } from './entities/users.entities.js';
import { PhoneReveal } from './phone-reveal.entity.js';

/**
 * 查看号码: phones are shown masked everywhere; staff who serve a person may press to see it whole,
 * and every such reveal is logged (who, whose, when) for the committee and for the person.
 */
@Injectable()
export class PhoneRevealsService {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(BindingsService) private readonly bindings: BindingsService,
  ) {}

  async reveal(viewer: AuthUser, subjectId: number): Promise<PhoneRevealView> {
    const subject = await this.db.manager.findOneBy(User, { id: subjectId });
    if (!subject || subject.deletedAt) throw Errors.notFound('用户');
    const home = await this.homeOf(subject.id);
    if (subject.id !== viewer.id && !(await this.serves(viewer, subject.id, home))) throw Errors.notFound('用户');
    if (!subject.phone) throw Errors.notFound('号码');
    if (subject.id !== viewer.id) {
      // The reveal log the person and the committee read, and the staff audit trail, in one transaction.
      const now = this.clock.now();
      await this.db.transaction(async (em) => {
        await em.insert(PhoneReveal, { viewerId: viewer.id, subjectId: subject.id, communityId: home.communityId, createdAt: now });
        const role = viewer.roles.find((r) => r.role !== 'resident')?.role ?? 'resident';
        await AuditService.record(em, { actor: { id: viewer.id, role }, action: 'phone_reveal', communityId: home.communityId, targetType: 'user', targetIds: [subject.id], at: now });
      });
    }
    return { phone: subject.phone };
  }

  /** The log of a community, for its committee and the officers above it, newest first. */
  async forCommunity(viewer: AuthUser, communityId: number): Promise<PhoneRevealLogEntry[]> {
    const community = await this.db.manager.findOneBy(Community, { id: communityId });
    if (!community || !viewer.overseesCommunity(community)) throw Errors.notFound('社区');
    return this.entries(await this.db.manager.find(PhoneReveal, { where: { communityId }, order: { id: 'DESC' }, take: 200 }));
  }

  /** Who has seen my number, newest first. */
  async forSubject(userId: number): Promise<PhoneRevealLogEntry[]> {
    return this.entries(await this.db.manager.find(PhoneReveal, { where: { subjectId: userId }, order: { id: 'DESC' }, take: 200 }));
  }

  async entries(rows: PhoneReveal[]): Promise<PhoneRevealLogEntry[]> {
    const users = await this.db.manager.find(User, { where: { id: In(rows.flatMap((r) => [r.viewerId, r.subjectId]).concat(0)) }, select: { id: true, name: true } });
    const person = (id: number) => ({ id, name: users.find((u) => u.id === id)?.name ?? '' });
    return rows.map((r) => ({ id: r.id, viewer: person(r.viewerId), subject: person(r.subjectId), communityId: r.communityId, at: r.createdAt.toISOString() }));
  }

  /** Where the person lives: their approved household's community and grid, else their roles' community. */
  private async homeOf(userId: number): Promise<{ communityId: number | null; gridId: number | null }> {
    const binding = await this.bindings.approved(userId);
    if (binding) {
      const household = await this.bindings.householdBuilding(binding.householdId);
      return { communityId: binding.communityId, gridId: household?.gridId ?? null };
    }
    const role = await this.db.manager.findOne(RoleAssignment, { where: { userId }, order: { id: 'ASC' } });
    return { communityId: role?.communityId ?? null, gridId: role?.gridId ?? null };
  }

  /** Staff who serve the person: the overseers of their community, the grid worker of their grid, the handler of a matter they reported that is not finished. */
  private async serves(viewer: AuthUser, subjectId: number, home: { communityId: number | null; gridId: number | null }): Promise<boolean> {
    if (home.communityId !== null) {
      const community = await this.db.manager.findOneBy(Community, { id: home.communityId });
      if (community && viewer.overseesCommunity(community)) return true;
    }
    if (home.gridId !== null && viewer.gridIds('grid_worker').includes(home.gridId)) return true;
    return (await this.db.manager.countBy(Ticket, { reporterId: subjectId, handlerId: viewer.id, status: Not(In([...FINAL_TICKET_STATUSES])) })) > 0;
  }
}
