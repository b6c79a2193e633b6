import { Inject, Injectable } from '@nestjs/common';
import { Brackets, type SelectQueryBuilder } from 'typeorm';
import { FOLLOW_RADIUS_METERS, HANDLER_INBOX_STATUSES, OPEN_TICKET_STATUSES, maskPersonalText, type NearbyTicket, type Page, type TicketDetail, type TicketSummary } from '@linli/shared';
import type { AuthUser } from '../auth/auth-user.js';
import { CategoriesService } from '../categories/categories.service.js';
import { Errors } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { pageTotal, paging } from '../common/paging.js';
import { Db } from '../database/db.js';
import type { SqlValue } from '../database/statements.js';
import { DispatchService } from '../dispatch/dispatch.service.js';
import { Community } from '../places/entities/places.entities.js';
import { degreesAround, distanceMeters } from '../places/geo.js';
import { PlacesService } from '../places/places.service.js';
import type { ListTicketsQuery, NearbyQuery } from './dto/ticket.dto.js';
import { TicketFollower } from './entities/ticket-follower.entity.js';
import { Ticket } from './entities/ticket.entity.js';
import { currentDeadlineSql, overdueSql } from './status-sql.js';
import { approvedHome } from './resident-home.js';
import { isStaffFor, relationsTo, watches } from './ticket-access.js';
import { TicketViews, type KnownDetail } from './ticket-views.js';

/** Which tickets a list holds: conditions on `t` (and `f`, the caller's follows) with named parameters, and the order. */
interface FilterSpec {
  join: string | undefined;
  where: string[];
  params: Record<string, SqlValue>;
  order: 'newest' | 'deadline';
}

/** `:name` parameters as `?` with their values in order, for a prepared statement. */
function positional(text: string, params: Record<string, SqlValue>): { sql: string; values: SqlValue[] } {
  const values: SqlValue[] = [];
  const sql = text.replace(/:([A-Za-z_]\w*)/g, (whole, name: string) => {
    if (!(name in params)) return whole;
    values.push(params[name]);
    return '?';
  });
  return { sql, values };
}

/** A list's scope and filters, without its page. */
export type TicketFilter = Omit<ListTicketsQuery, 'page' | 'pageSize'>;

/** Reading tickets: one as the caller may see it, the lists each role works from, 附议 candidates. */
@Injectable()
export class TicketQueries {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(CategoriesService) private readonly categories: CategoriesService,
    @Inject(DispatchService) private readonly dispatcher: DispatchService,
    @Inject(TicketViews) private readonly views: TicketViews,
    @Inject(PlacesService) private readonly places: PlacesService,
  ) {}

  async detailFor(user: AuthUser, id: number): Promise<TicketDetail> {
    const tickets = this.db.sql.table(Ticket);
    const [t] = tickets.entities(await this.db.sql.rows(`SELECT ${tickets.select('t')} FROM \`tickets\` t WHERE t.\`id\` = ?`, [id]));
    if (!t) throw Errors.notFound('报事');
    return this.detailOf(user, t, false);
  }

  /** The answer to a report just written, from what the report holds (nothing read back). */
  async newTicketDetail(user: AuthUser, t: Ticket, known: KnownDetail): Promise<TicketDetail> {
    const relations = await relationsTo(this.db.manager, user, t);
    return this.views.detail(t, { id: user.id, relations, staff: isStaffFor(relations, watches(user, t)), following: false }, this.clock, known);
  }

  /**
   * A ticket already in hand, as this user may see it (404 if they may not).
   * Whoever just acted on it sees the result, even when the action took it out of
   * their hands (a partner returning it to the queue).
   */
  async detailOf(user: AuthUser, t: Ticket, justActed: boolean): Promise<TicketDetail> {
    const relations = await relationsTo(this.db.manager, user, t);
    const watcher = watches(user, t);
    // A reporter never follows their own ticket.
    const following = user.has('resident') && t.reporterId !== user.id ? (await this.db.sql.rows('SELECT 1 AS one FROM `ticket_followers` WHERE `ticketId` = ? AND `userId` = ? LIMIT 1', [t.id, user.id])).length > 0 : false;
    if (relations.length === 0 && !watcher && !following && !justActed) throw Errors.notFound('报事');
    return this.views.detail(t, { id: user.id, relations, staff: isStaffFor(relations, watcher), following }, this.clock);
  }

  /**
   * A page of a list: prepared statements through the driver (database/statements.ts), the rows read into
   * tickets without TypeORM's builder. The count is asked only when the page cannot tell it (pageTotal).
   */
  async list(user: AuthUser, q: ListTicketsQuery): Promise<Page<TicketSummary>> {
    const { page, pageSize, skip, take } = paging(q);
    const now = this.clock.now();
    const spec = await this.filterSpec(user, q, now);
    // The join's condition names parameters too (the follower's id): both made positional together, in order.
    const { sql: from, values } = positional(`FROM \`tickets\` t${spec.join ? ` INNER JOIN \`ticket_followers\` f ON ${spec.join}` : ''} WHERE ${spec.where.join(' AND ') || '1 = 1'}`, spec.params);
    const order = spec.order === 'deadline' ? `${currentDeadlineSql('t')} ASC, t.\`id\` ASC` : 't.`id` DESC';
    const tickets = this.db.sql.table(Ticket);
    // LIMIT and OFFSET are the page's own integers (paging() bounds them), written into the text: MySQL 8 refuses them as bound parameters.
    const rows = await this.db.sql.rows<Record<string, unknown>>(`SELECT ${tickets.select('t')} ${from} ORDER BY ${order} LIMIT ${Number(take)} OFFSET ${Number(skip)}`, values);
    const items = tickets.entities(rows);
    const total = await pageTotal(items.length, skip, take, async () => Number((await this.db.sql.rows<{ n: number | string }>(`SELECT COUNT(DISTINCT t.\`id\`) AS n ${from}`, values))[0].n));
    // A follower reads neighbours' matters in the public view; the caller's own name is known (a handler's inbox names only them).
    const publicView = q.scope === 'following';
    const names = publicView ? undefined : await this.views.userNames(items.map((t) => t.handlerId), new Map([[user.id, user.name]]));
    return { items: await this.views.summaries(items, now, names, publicView), total, page, pageSize };
  }

  /**
   * The tickets of a list (its scope and filters) in the list's order, as a query to page through (the export).
   * Built from the same filterSpec as the list's own statements: the one place that says which tickets a list holds.
   */
  async filtered(user: AuthUser, q: TicketFilter, now: Date): Promise<SelectQueryBuilder<Ticket>> {
    const spec = await this.filterSpec(user, q, now);
    const qb = this.db.manager.createQueryBuilder(Ticket, 't');
    if (spec.join) qb.innerJoin(TicketFollower, 'f', spec.join);
    for (const w of spec.where) qb.andWhere(w);
    qb.setParameters(spec.params);
    if (spec.order === 'deadline') qb.addSelect(currentDeadlineSql('t'), 'deadline').orderBy('deadline', 'ASC').addOrderBy('t.id', 'ASC');
    else qb.orderBy('t.id', 'DESC');
    return qb;
  }

  /** Which tickets a list holds, as SQL over `tickets t` (and `ticket_followers f` for the followed) with named parameters. */
  private async filterSpec(user: AuthUser, q: TicketFilter, now: Date): Promise<FilterSpec> {
    const where: string[] = [];
    const params: Record<string, SqlValue> = {};
    let join: string | undefined;
    let order: FilterSpec['order'] = 'newest';
    const list = (name: string, xs: readonly (string | number)[]) => xs.map((x, i) => ((params[`${name}${i}`] = x), `:${name}${i}`)).join(', ');
    switch (q.scope) {
      case 'mine':
        if (!user.has('resident')) throw Errors.forbidden('只有居民有“我的报事”，请用居民身份登录');
        where.push('t.reporterId = :me');
        params.me = user.id;
        break;
      case 'following':
        if (!user.has('resident')) throw Errors.forbidden();
        join = 'f.ticketId = t.id AND f.userId = :me';
        params.me = user.id;
        break;
      case 'assigned': {
        if (!user.has('grid_worker', 'partner')) throw Errors.forbidden('只有网格员和合作单位有待办，请用工作人员身份登录');
        where.push('t.handlerId = :me');
        params.me = user.id;
        if (!q.status) where.push(`t.status IN (${list('inbox', HANDLER_INBOX_STATUSES)})`);
        // Inbox by deadline: the one racing the earliest deadline first, so overdue matters lead.
        order = 'deadline';
        break;
      }
      case 'community': {
        const communities = await this.overseenCommunities(user);
        if (communities === 'none') throw Errors.forbidden('只有社区、街道和区的工作人员可以查看社区报事');
        if (q.communityId !== undefined) {
          if (communities !== 'all' && !communities.includes(q.communityId)) throw Errors.forbidden('不能查看其他社区的报事，请选择您所在的社区');
          where.push('t.communityId = :c');
          params.c = q.communityId;
        } else if (communities !== 'all') {
          where.push(`t.communityId IN (${list('cs', communities.length ? communities : [0])})`);
        }
        break;
      }
    }
    if (q.status) where.push(`t.status IN (${list('status', q.status)})`);
    if (q.categoryId !== undefined) (where.push('t.categoryId = :categoryId'), (params.categoryId = q.categoryId));
    if (q.uncategorised !== undefined) where.push(q.uncategorised ? 't.categoryId IS NULL' : 't.categoryId IS NOT NULL');
    if (q.gridId !== undefined) (where.push('t.gridId = :gridId'), (params.gridId = q.gridId));
    if (q.from) (where.push('t.createdAt >= :from'), (params.from = new Date(q.from)));
    if (q.to) (where.push('t.createdAt < :to'), (params.to = new Date(q.to)));
    if (q.overdue !== undefined) (where.push(q.overdue ? overdueSql('t') : `NOT ${overdueSql('t')}`), (params.now = now));
    return { join, where, params, order };
  }

  /** The communities whose tickets the user watches: ids, every one (admin), or none. */
  async overseenCommunities(user: AuthUser): Promise<number[] | 'all' | 'none'> {
    if (user.has('admin')) return 'all';
    const ids = new Set(user.communityIds('committee_member'));
    const streets = user.streetIds('street_officer');
    const districts = user.districtIds('district_officer');
    if (streets.length || districts.length) {
      const rows = await this.db.manager
        .createQueryBuilder(Community, 'c')
        .select('c.id', 'id')
        .where(
          new Brackets((w) => {
            w.where('1 = 0');
            if (streets.length) w.orWhere('c.streetId IN (:...streets)', { streets });
            if (districts.length) w.orWhere('c.districtId IN (:...districts)', { districts });
          }),
        )
        .getRawMany<{ id: number }>();
      rows.forEach((r) => ids.add(Number(r.id)));
    }
    return ids.size === 0 && !user.has('committee_member', 'street_officer', 'district_officer') ? 'none' : [...ids];
  }

  /**
   * 附议 candidates: open tickets of the category within its radius of the point, in the resident's own
   * community and near their own building (FOLLOW_RADIUS_METERS): what they may then follow. Texts are
   * masked and distances rounded, so a reporter's home cannot be found from here.
   */
  async nearby(user: AuthUser, q: NearbyQuery): Promise<NearbyTicket[]> {
    const category = await this.categories.get(q.categoryId);
    if (!category) throw Errors.unprocessable('UNKNOWN_CATEGORY', '请选择有效的报事类别');
    const home = await approvedHome(this.db.manager, user.id);
    if (!home || home.building.lat === null || home.building.lng === null) return [];
    const homePoint = { lat: home.building.lat, lng: home.building.lng };
    const radius = category.duplicateRadiusMeters;
    const { dLat, dLng } = degreesAround(q.lat, radius);
    const rows = await this.db.manager
      .createQueryBuilder(Ticket, 't')
      .where('t.categoryId = :c', { c: category.id })
      .andWhere('t.communityId = :community', { community: home.communityId })
      .andWhere('t.status IN (:...open)', { open: OPEN_TICKET_STATUSES })
      .andWhere('t.lat BETWEEN :minLat AND :maxLat', { minLat: q.lat - dLat, maxLat: q.lat + dLat })
      .andWhere('t.lng BETWEEN :minLng AND :maxLng', { minLng: q.lng - dLng, maxLng: q.lng + dLng })
      .orderBy('t.id', 'DESC')
      .take(200)
      .getMany();
    return rows
      .map((t) => ({ t, d: distanceMeters(q, { lat: t.lat!, lng: t.lng! }) }))
      .filter(({ t, d }) => d <= radius && distanceMeters(homePoint, { lat: t.lat!, lng: t.lng! }) <= FOLLOW_RADIUS_METERS)
      .sort((a, b) => a.d - b.d)
      .slice(0, 20)
      .map(({ t, d }) => ({
        id: t.id,
        code: t.code,
        status: t.status,
        description: maskPersonalText(t.description),
        distanceMeters: roundedDistance(d),
        followerCount: t.followerCount,
        createdAt: t.createdAt.toISOString(),
      }));
  }

  async handlerCandidates(user: AuthUser, id: number) {
    const t = await this.db.manager.findOneBy(Ticket, { id });
    if (!t) throw Errors.notFound('报事');
    const relations = await relationsTo(this.db.manager, user, t);
    if (!relations.some((r) => r === 'handler' || r === 'committee' || r === 'grid_colleague' || r === 'overseer')) throw Errors.notFound('报事');
    const candidates = await this.dispatcher.candidates(this.db.manager, t.communityId);
    const [names, grids] = await Promise.all([this.views.userNames(candidates.map((c) => c.userId)), this.places.gridNames(candidates.map((c) => c.gridId))]);
    return candidates.map((c) => ({ id: c.userId, name: names.get(c.userId) ?? '', role: c.role, gridName: c.gridId !== null ? (grids.get(c.gridId) ?? null) : null, openCount: c.openCount }));
  }
}

/** Distances said as people say them, never to the metre: "50米内", then to the nearest 50 m. */
export function roundedDistance(meters: number): number {
  return Math.max(50, Math.round(meters / 50) * 50);
}
