import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  ACTION_ROLES,
  TICKET_ACTION_LABELS,
  TICKET_STATUS_LABELS,
  NOT_COUNTED_TICKET_STATUSES,
  UNCATEGORISED,
  applyTransition,
  type AuditAction,
  type Rating,
  type RejectReason,
  type TicketAction,
  type TicketCommand,
  type TicketDetail,
  type TicketRelation,
  type TicketStatus,
} from '@linli/shared';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CategoriesService } from '../categories/categories.service.js';
import type { Category } from '../categories/category.entity.js';
import { Errors } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { ContentSecurityService, type PublishedText } from '../content-security/content-security.service.js';
import { Db } from '../database/db.js';
import { DispatchService } from '../dispatch/dispatch.service.js';
import { FilesService } from '../files/files.service.js';
import { TicketFollower } from './entities/ticket-follower.entity.js';
import { Ticket } from './entities/ticket.entity.js';
import { relationsTo, watches } from './ticket-access.js';
import { photoKeysOf } from './ticket-photos.js';
import { TicketQueries } from './ticket-queries.service.js';
import { TicketWrites, VersionConflict } from './ticket-writes.js';

const MAX_ATTEMPTS = 3;

/** What a transition may check or write besides what the rules return, inside its transaction. */
type Alongside = (t: Ticket, em: EntityManager, writes: TicketWrites, now: Date, actorRole: string) => Promise<void>;

/** A command that depends on the ticket as read in the transaction (设置类别: whom the category's routing picks). */
interface CommandFromTicket {
  action: TicketAction;
  from: (t: Ticket, em: EntityManager) => Promise<TicketCommand>;
}

/** 办理: every action people take on a ticket, each through the shared rules (applyTransition). */
@Injectable()
export class TicketWorkflow {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(CategoriesService) private readonly categories: CategoriesService,
    @Inject(DispatchService) private readonly dispatcher: DispatchService,
    @Inject(TicketQueries) private readonly queries: TicketQueries,
    @Inject(ContentSecurityService) private readonly content: ContentSecurityService,
  ) {}

  /** Staff's words are checked (risky → 422) and published; a doubt is only logged. */
  private async checkStaffText(user: AuthUser, field: PublishedText['field'], label: string, text: string | undefined): Promise<void> {
    await this.content.check(user, [{ field, label, text, scene: 2 }], 'staff');
  }

  accept(user: AuthUser, id: number) {
    return this.transition(user, id, { action: 'accept' });
  }

  async resolve(user: AuthUser, id: number, note: string, photoIds: number[]) {
    const photoKeys = await photoKeysOf(this.db.manager, user, photoIds);
    await this.checkStaffText(user, 'resolutionNote', '办结说明', note);
    return this.transition(user, id, { action: 'resolve', note, photoKeys }, (_t, em, _writes, now) => FilesService.attach(em, photoIds, now));
  }

  async returnToQueue(user: AuthUser, id: number, reason: string) {
    await this.checkStaffText(user, 'reason', '退回原因', reason);
    return this.transition(user, id, { action: 'return', reason });
  }

  async transfer(user: AuthUser, id: number, toUserId: number, reason: string) {
    await this.checkStaffText(user, 'reason', '转派原因', reason);
    return this.transition(user, id, { action: 'transfer', toUserId, reason }, both(this.validHandler(toUserId), audited(user, 'transfer', (t) => ({ fromUserId: t.handlerId, toUserId }))));
  }

  dispatch(user: AuthUser, id: number, toUserId: number) {
    return this.transition(user, id, { action: 'dispatch', toUserId }, both(this.validHandler(toUserId), audited(user, 'dispatch', (t) => ({ fromUserId: t.handlerId, toUserId }))));
  }

  /**
   * 设置类别 of a matter reported without one; in the same transaction the category's routing picks the
   * handler, as it would have on report (docs/architecture.md, "随手拍").
   */
  async categorise(user: AuthUser, id: number, categoryId: number) {
    const category = await this.categories.get(categoryId);
    if (!category || !category.active) throw Errors.unprocessable('UNKNOWN_CATEGORY', '请选择有效的报事类别');
    const command = { action: 'categorise' as const, from: (t: Ticket, em: EntityManager) => this.routeFor(t, em, category) };
    return this.transition(user, id, command, audited(user, 'categorise', () => ({ categoryId })));
  }

  private async routeFor(t: Ticket, em: EntityManager, category: Category): Promise<TicketCommand> {
    // Only a matter still without a category is routed; the rules refuse the others (409) before anything is written.
    const handler = t.categoryId === null && t.status === 'submitted' ? await this.dispatcher.chooseHandler(em, t, category) : null;
    return { action: 'categorise', category, handlerId: handler?.userId ?? null };
  }

  async reject(user: AuthUser, id: number, reason: RejectReason, note: string | undefined) {
    await this.checkStaffText(user, 'reason', '不予受理说明', note);
    return this.transition(user, id, { action: 'reject', reason, note }, audited(user, 'reject', () => ({ reason })));
  }

  cancel(user: AuthUser, id: number) {
    return this.transition(user, id, { action: 'cancel' });
  }

  /** 评价: the comment is a resident's words others may read, so a doubtful one is held off the board. */
  async rate(user: AuthUser, id: number, rating: Rating, comment: string | undefined) {
    const verdict = await this.content.check(user, [{ field: 'ratingComment', label: '评价内容', text: comment, scene: 2 }], 'resident');
    return this.transition(user, id, { action: 'rate', rating, comment }, async (t, em, _writes, now) => {
      if (!verdict.held) return;
      t.contentHeld = true;
      await this.content.recordHold(em, verdict, user, { ticketId: t.id, communityId: t.communityId }, now);
    });
  }

  /** A committee member merges a duplicate into the original: rejected as duplicate-of, its residents follow the original. */
  async merge(user: AuthUser, id: number, intoTicketId: number): Promise<TicketDetail> {
    if (id === intoTicketId) throw Errors.unprocessable('MERGE_INTO_SELF', '不能合并到自身，请选择另一件重复的报事');
    const original = await this.db.manager.findOneBy(Ticket, { id: intoTicketId });
    if (!original || !(await relationsTo(this.db.manager, user, original)).includes('committee')) throw Errors.notFound('原报事');
    if ((NOT_COUNTED_TICKET_STATUSES as readonly TicketStatus[]).includes(original.status)) throw Errors.invalidState('原报事已撤回或不予受理，不能合并到它，请选择另一件原报事');
    const duplicateOf = { id: original.id, code: original.code };
    const record = audited(user, 'merge', () => ({ intoTicketId: original.id }), [original.id]);
    return this.transition(user, id, { action: 'reject', reason: 'duplicate', duplicateOf }, async (t, em, writes, now, actorRole) => {
      if (t.communityId !== original.communityId) throw Errors.unprocessable('MERGE_ACROSS_COMMUNITIES', '只能合并同一社区的报事，请选择本社区的报事');
      const residents = [t.reporterId, ...(await em.find(TicketFollower, { where: { ticketId: t.id } })).map((f) => f.userId)];
      let added = 0;
      for (const userId of new Set(residents)) {
        if (userId === original.reporterId || (await em.countBy(TicketFollower, { ticketId: original.id, userId }))) continue;
        await em.insert(TicketFollower, { ticketId: original.id, userId, createdAt: now });
        added += 1;
      }
      if (added) await em.increment(Ticket, { id: original.id }, 'followerCount', added);
      writes.note({ ticketId: original.id, type: 'merged', actorId: user.id, actorRole: 'committee_member', note: null, photoKeys: null, data: { ticketId: t.id }, createdAt: now });
      await record(t, em, writes, now, actorRole);
    });
  }

  private validHandler(toUserId: number): Alongside {
    return async (t, em) => {
      if (!(await this.dispatcher.isValidHandler(em, toUserId, t.communityId))) throw Errors.unprocessable('INVALID_HANDLER', '只能派给本社区的网格员或合作单位，请从名单中重新选择');
    };
  }

  /**
   * Every user transition: role (403), visibility (404), then the rules (409 for the state), then
   * the change, its timeline events and its notifications in one transaction, written only if nobody
   * else changed the ticket meanwhile (optimistic lock on `version`, retried from the read).
   */
  private async transition(
    user: AuthUser,
    id: number,
    commandOrFor: TicketCommand | CommandFromTicket,
    alongside?: Alongside,
  ): Promise<TicketDetail> {
    const action = commandOrFor.action;
    if (!user.has(...(ACTION_ROLES[action].filter((r) => r !== 'system')))) {
      throw Errors.forbidden(`您的身份不能执行“${TICKET_ACTION_LABELS[action]}”，如需办理请联系社区居委会`);
    }
    for (let attempt = 1; ; attempt++) {
      try {
        const changed = await this.db.transaction(async (em) => {
          const t = await em.findOneBy(Ticket, { id });
          if (!t) throw Errors.notFound('报事');
          const relations = await relationsTo(em, user, t);
          if (relations.length === 0 && !watches(user, t)) throw Errors.notFound('报事');
          const category = t.categoryId === null ? UNCATEGORISED : (await this.categories.get(t.categoryId))!;
          const now = this.clock.now();
          const command = 'from' in commandOrFor ? await commandOrFor.from(t, em) : commandOrFor;
          const result = applyTransition(t, command, { now, relations, actorId: user.id, category });
          if (!result.ok) {
            if (result.reason === 'forbidden') throw Errors.forbidden(`您不能对这件报事执行“${TICKET_ACTION_LABELS[action]}”，如需办理请联系社区居委会`);
            if (result.reason === 'same_handler') throw Errors.unprocessable('SAME_HANDLER', '该报事已在此人手中，请选择其他人');
            if (result.reason === 'uncategorised') throw Errors.invalidState('这件报事还没有类别，请先设置类别，设置后会按类别自动派单');
            if (result.reason === 'categorised') throw Errors.invalidState('这件报事已有类别，不能再设置，请刷新查看最新进度');
            throw Errors.invalidState(`报事当前状态为“${TICKET_STATUS_LABELS[t.status]}”，不能${TICKET_ACTION_LABELS[action]}，请刷新查看最新进度`);
          }
          const writes = new TicketWrites(em);
          const actorRole = actorRoleFor(user, relations, action);
          await alongside?.(t, em, writes, now, actorRole);
          Object.assign(t, result.changes);
          await writes.save(t, now);
          await writes.record(t, result, { id: user.id, role: actorRole }, now);
          await writes.flush();
          return t;
        });
        return this.queries.detailOf(user, changed, true);
      } catch (e) {
        if (e instanceof VersionConflict && attempt < MAX_ATTEMPTS) continue;
        if (e instanceof VersionConflict) throw Errors.conflict();
        throw e;
      }
    }
  }
}

/** Both checks or writes, in order. */
function both(first: Alongside, second: Alongside): Alongside {
  return async (...args) => {
    await first(...args);
    await second(...args);
  };
}

/** 操作留痕 of a staff action, in its transaction; `details` read before the change (the handler it had). */
function audited(user: AuthUser, action: AuditAction, details: (t: Ticket) => Record<string, unknown>, alsoIds: number[] = []): Alongside {
  return (t, em, _writes, now, actorRole) =>
    AuditService.record(em, { actor: { id: user.id, role: actorRole }, action, communityId: t.communityId, districtId: t.districtId, targetType: 'ticket', targetIds: [t.id, ...alsoIds], details: details(t), at: now });
}

/** The role the actor acted in, for the timeline. */
function actorRoleFor(user: AuthUser, relations: TicketRelation[], action: TicketAction): string {
  if (action === 'cancel' || action === 'rate') return 'resident';
  const asHandler = (action === 'accept' || action === 'resolve' || action === 'return' || action === 'transfer') && relations.some((r) => r === 'handler' || r === 'grid_colleague');
  if (asHandler) return user.has('grid_worker') ? 'grid_worker' : 'partner';
  if (!relations.includes('committee') && relations.includes('overseer')) {
    return user.has('street_officer') ? 'street_officer' : user.has('district_officer') ? 'district_officer' : 'admin';
  }
  return 'committee_member';
}
