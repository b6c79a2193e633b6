import { Inject, Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { BookingHelpEntry, BookingHelpList, BookingHelpView } from '@linli/shared';
import type { AuthUser } from '../auth/auth-user.js';
import { AppError, Errors } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { maskPhone } from '../common/mask.js';
import { ContentSecurityService } from '../content-security/content-security.service.js';
import { Db } from '../database/db.js';
import { isUniqueViolation } from '../database/errors.js';
import { LedgerQueriesService } from '../ledger/ledger-queries.service.js';
import { enqueueNotifications } from '../notifications/outbox.js';
import { Grid } from '../places/entities/places.entities.js';
import { RoleAssignment, User } from '../users/entities/users.entities.js';
import { personAtHome } from './booking-access.js';
import { NOTIFICATION_KINDS } from '@linli/shared';
import type { BookingHelpDto, BookingHelpQueryDto } from './dto/bookings.dto.js';
import { Booking, BookingHelpRequest } from './entities/booking.entities.js';
import { ServiceItem } from './entities/catalogue.entities.js';

/** 请网格员帮我预约 (代办在网格): a resident's one tap lands on their grid workers' list, beside the grid's special-care residents. */
@Injectable()
export class BookingHelpService {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(ContentSecurityService) private readonly content: ContentSecurityService,
    @Inject(LedgerQueriesService) private readonly ledger: LedgerQueriesService,
  ) {}

  async request(user: AuthUser, dto: BookingHelpDto): Promise<BookingHelpView> {
    const open = await this.db.manager.findOneBy(BookingHelpRequest, { userId: user.id, open: 1 });
    if (open) return (await this.views([open]))[0];
    const home = await personAtHome(this.db.manager, user.id);
    if (home.householdId === null || home.communityId === null) {
      throw new AppError(403, 'HOUSEHOLD_REQUIRED', '请先在「我的」中绑定住址，网格员才能知道谁来帮您；也可以直接拨打网格员电话');
    }
    if (dto.serviceId !== undefined) {
      const item = await this.db.manager.findOneBy(ServiceItem, { id: dto.serviceId, communityId: home.communityId });
      if (!item) throw Errors.notFound('服务');
    }
    const note = dto.note ? dto.note : null;
    // 内容安全: the grid worker reads the note; a doubtful one waits for the committee instead.
    const verdict = note ? await this.content.check(user, [{ field: 'description', label: '需求说明', text: note, scene: 1 }], 'resident') : { held: false as const };
    try {
      const saved = await this.db.transaction(async (em) => {
        const now = this.clock.now();
        const row = em.create(BookingHelpRequest, {
          userId: user.id,
          communityId: home.communityId!,
          gridId: home.gridId,
          householdId: home.householdId,
          serviceId: dto.serviceId ?? null,
          note: verdict.held ? null : note,
          status: 'open',
          open: 1,
          handledById: null,
          handledAt: null,
          bookingId: null,
          createdAt: now,
        });
        await em.insert(BookingHelpRequest, row);
        await this.content.recordHold(em, verdict, user, { ticketId: null, communityId: home.communityId }, now);
        const workers =
          home.gridId === null ? [] : (await em.find(RoleAssignment, { where: { role: 'grid_worker', gridId: home.gridId }, select: { userId: true } })).map((r) => r.userId);
        const committee = workers.length ? [] : (await em.find(RoleAssignment, { where: { role: 'committee_member', communityId: home.communityId! }, select: { userId: true } })).map((r) => r.userId);
        await enqueueNotifications(
          em,
          [...workers, ...committee],
          { type: 'booking_help_requested', title: NOTIFICATION_KINDS.booking_help_requested.label, body: `${user.name}（${home.household ?? ''}）请您帮忙预约`, ticketId: null, communityId: home.communityId },
          now,
          'handler',
        );
        return row;
      });
      return (await this.views([saved]))[0];
    } catch (e) {
      // Two taps at once: the unique (userId, open) lets one through; the other answers it.
      if (!isUniqueViolation(e)) throw e;
      const winner = await this.db.manager.findOneByOrFail(BookingHelpRequest, { userId: user.id, open: 1 });
      return (await this.views([winner]))[0];
    }
  }

  async list(user: AuthUser, q: BookingHelpQueryDto): Promise<BookingHelpList> {
    if (q.scope === 'mine') {
      const rows = await this.db.manager.find(BookingHelpRequest, { where: { userId: user.id, ...(q.status ? { status: q.status } : {}) }, order: { id: 'DESC' }, take: 20 });
      return { requests: await this.entries(rows), specialCare: [] };
    }
    const reach = await this.reach(user, q.gridId);
    const where = reach.gridIds === null ? { communityId: reach.communityId } : { gridId: In(reach.gridIds) };
    const rows = await this.db.manager.find(BookingHelpRequest, { where: { ...where, status: q.status ?? 'open' }, order: { id: 'ASC' }, take: 200 });
    const specialCare = await this.ledger.specialCare(user, { communityId: reach.communityId, ...(q.gridId !== undefined ? { gridId: q.gridId } : {}) } as never);
    return { requests: await this.entries(rows), specialCare };
  }

  /** The grid worker's grids (one community), or the whole community for its committee. */
  private async reach(user: AuthUser, gridId: number | undefined): Promise<{ communityId: number; gridIds: number[] | null }> {
    const mine = user.gridIds('grid_worker');
    if (gridId !== undefined) {
      const grid = await this.db.manager.findOneBy(Grid, { id: gridId });
      if (!grid) throw Errors.notFound('网格');
      if (mine.includes(gridId)) return { communityId: grid.communityId, gridIds: [gridId] };
      if (user.communityIds('committee_member').includes(grid.communityId)) return { communityId: grid.communityId, gridIds: [gridId] };
      throw Errors.notFound('网格');
    }
    if (mine.length) {
      const grids = await this.db.manager.findBy(Grid, { id: In(mine) });
      const communityId = grids[0].communityId;
      return { communityId, gridIds: grids.filter((g) => g.communityId === communityId).map((g) => g.id) };
    }
    const committee = user.communityIds('committee_member');
    if (committee.length) return { communityId: committee[0], gridIds: null };
    throw Errors.forbidden('代办列表由网格员和社区居委会查看；需要帮助请点「请网格员帮我预约」');
  }

  async done(user: AuthUser, id: number, bookingId: number | undefined): Promise<BookingHelpView> {
    const row = await this.db.manager.findOneBy(BookingHelpRequest, { id });
    if (!row || !this.serves(user, row)) throw Errors.notFound('代办请求');
    if (bookingId !== undefined) {
      const b = await this.db.manager.findOneBy(Booking, { id: bookingId });
      if (!b || b.userId !== row.userId) throw Errors.notFound('预约');
    }
    return this.close(row, 'done', user.id, bookingId ?? null);
  }

  async withdraw(user: AuthUser, id: number): Promise<BookingHelpView> {
    const row = await this.db.manager.findOneBy(BookingHelpRequest, { id });
    if (!row || row.userId !== user.id) throw Errors.notFound('代办请求');
    return this.close(row, 'withdrawn', null, null);
  }

  private serves(user: AuthUser, row: BookingHelpRequest): boolean {
    return (row.gridId !== null && user.gridIds('grid_worker').includes(row.gridId)) || user.communityIds('committee_member').includes(row.communityId);
  }

  private async close(row: BookingHelpRequest, status: 'done' | 'withdrawn', by: number | null, bookingId: number | null): Promise<BookingHelpView> {
    const now = this.clock.now();
    const changed = await this.db.manager
      .createQueryBuilder()
      .update(BookingHelpRequest)
      .set({ status, open: null, handledById: by, handledAt: now, bookingId })
      .where("id = :id AND status = 'open'", { id: row.id })
      .execute();
    if (changed.affected !== 1) throw new AppError(409, 'BOOKING_INVALID_STATE', '这条代办请求已经处理或撤回，请刷新查看');
    return (await this.views([(await this.db.manager.findOneBy(BookingHelpRequest, { id: row.id }))!]))[0];
  }

  private async views(rows: BookingHelpRequest[]): Promise<BookingHelpView[]> {
    const em = this.db.manager;
    const items = new Map((await em.findBy(ServiceItem, { id: In([0, ...rows.map((r) => r.serviceId ?? 0)]) })).map((i) => [i.id, i]));
    const handlers = new Map((await em.find(User, { where: { id: In([0, ...rows.map((r) => r.handledById ?? 0)]) }, select: { id: true, name: true } })).map((u) => [u.id, u]));
    return rows.map((r) => ({
      id: r.id,
      status: r.status,
      service: r.serviceId !== null && items.has(r.serviceId) ? { id: r.serviceId, name: items.get(r.serviceId)!.name } : null,
      note: r.note,
      createdAt: r.createdAt.toISOString(),
      handledAt: r.handledAt?.toISOString() ?? null,
      handledBy: r.handledById !== null && handlers.has(r.handledById) ? { id: r.handledById, name: handlers.get(r.handledById)!.name } : null,
      bookingId: r.bookingId,
    }));
  }

  private async entries(rows: BookingHelpRequest[]): Promise<BookingHelpEntry[]> {
    const views = await this.views(rows);
    const people = new Map((await this.db.manager.find(User, { where: { id: In([0, ...rows.map((r) => r.userId)]) }, select: { id: true, name: true, phone: true } })).map((u) => [u.id, u]));
    const out: BookingHelpEntry[] = [];
    for (const [i, r] of rows.entries()) {
      const home = await personAtHome(this.db.manager, r.userId);
      out.push({ ...views[i], resident: { id: r.userId, name: people.get(r.userId)?.name ?? '', phone: maskPhone(people.get(r.userId)?.phone), household: home.household, gridId: r.gridId } });
    }
    return out;
  }
}
