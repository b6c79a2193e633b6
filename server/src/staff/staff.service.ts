import { Inject, Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { HANDLER_INBOX_STATUSES, type Role, type StaffRemovalResult } from '@linli/shared';
import type { AuthUser } from '../auth/auth-user.js';
import { AppError, Errors } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { Db } from '../database/db.js';
import { enqueueNotifications } from '../notifications/outbox.js';
import { Community } from '../places/entities/places.entities.js';
import { Ticket } from '../tickets/entities/ticket.entity.js';
import { TicketWorkflow } from '../tickets/ticket-workflow.service.js';
import { RoleAssignment } from '../users/entities/users.entities.js';
import { UsersService } from '../users/users.service.js';

/** The posts a community's overseers hand out and take back. */
const COMMUNITY_STAFF_ROLES: Role[] = ['grid_worker', 'committee_member', 'partner'];

export const staffHasOpenTickets = (count: number) =>
  new AppError(409, 'STAFF_HAS_OPEN_TICKETS', `还有${count}件报事在办理中，请先交接给其他网格员或合作单位`);

/** A staff member who leaves: their open tickets are handed over (转派 through the ticket rules), then their posts end. */
@Injectable()
export class StaffService {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(TicketWorkflow) private readonly workflow: TicketWorkflow,
    @Inject(UsersService) private readonly users: UsersService,
  ) {}

  async remove(user: AuthUser, staffId: number, handoverToUserId: number | undefined): Promise<StaffRemovalResult> {
    if (staffId === user.id) throw Errors.unprocessable('CANNOT_REMOVE_SELF', '不能解除自己的岗位，请由另一位居委会成员办理');
    const posts = await this.postsOverseenBy(user, staffId);
    if (posts.length === 0) throw Errors.notFound('工作人员');
    const communityIds = [...new Set(posts.map((r) => r.communityId!))];
    const open = await this.openTickets(staffId, communityIds);
    if (open.length > 0 && handoverToUserId === undefined) throw staffHasOpenTickets(open.length);
    if (open.length > 0 && handoverToUserId === staffId) throw Errors.unprocessable('INVALID_HANDLER', '不能交接给要离岗的本人，请选择另一位同事');
    // Each hand-over is a 转派 by the remover, with its timeline event and the new handler's notice.
    for (const t of open) await this.workflow.transfer(user, t.id, handoverToUserId!, '工作人员离岗交接');
    const [removedRoles] = await this.users.roleViews([posts]);
    await this.db.transaction(async (em) => {
      const left = await em.count(Ticket, { where: { handlerId: staffId, status: In([...HANDLER_INBOX_STATUSES]), communityId: In(communityIds) } });
      if (left > 0) throw staffHasOpenTickets(left); // dispatched to them while handing over
      const now = this.clock.now();
      await em.delete(RoleAssignment, { id: In(posts.map((r) => r.id)) });
      // Still a person of the place: without any post left, they are a resident like anyone.
      if ((await em.countBy(RoleAssignment, { userId: staffId })) === 0) {
        await em.insert(RoleAssignment, { userId: staffId, role: 'resident', districtId: null, streetId: null, communityId: null, gridId: null, organisationId: null });
      }
      const names = removedRoles.map((r) => r.placeName ?? '').filter(Boolean);
      await enqueueNotifications(em, [staffId], { type: 'staff_removed', title: '岗位解除', body: `您在${[...new Set(names)].join('、')}的岗位已解除`, ticketId: null }, now);
    });
    return { userId: staffId, removedRoles, handedOverTicketIds: open.map((t) => t.id) };
  }

  /** The staff member's posts in communities this user oversees (committee of it, its street's or district's officers, admin). */
  private async postsOverseenBy(user: AuthUser, staffId: number): Promise<RoleAssignment[]> {
    const posts = await this.db.manager.find(RoleAssignment, { where: { userId: staffId, role: In(COMMUNITY_STAFF_ROLES) }, order: { id: 'ASC' } });
    const communities = await this.db.manager.find(Community, { where: { id: In(posts.map((r) => r.communityId ?? 0).concat(0)) } });
    return posts.filter((r) => {
      const c = communities.find((x) => x.id === r.communityId);
      return c !== undefined && user.overseesCommunity(c);
    });
  }

  private openTickets(staffId: number, communityIds: number[]): Promise<Ticket[]> {
    return this.db.manager.find(Ticket, {
      where: { handlerId: staffId, status: In([...HANDLER_INBOX_STATUSES]), communityId: In(communityIds) },
      select: { id: true },
      order: { id: 'ASC' },
    });
  }
}
