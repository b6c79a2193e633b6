import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { reportTicket, type TicketDetail } from '@linli/shared';
import type { AuthUser } from '../auth/auth-user.js';
import { CategoriesService } from '../categories/categories.service.js';
import { AppError, Errors } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { ContentSecurityService } from '../content-security/content-security.service.js';
import { Db } from '../database/db.js';
import { DispatchService } from '../dispatch/dispatch.service.js';
import { FilesService } from '../files/files.service.js';
import { GridLocator } from '../places/grid-locator.js';
import { PlacesService } from '../places/places.service.js';
import { UsersService } from '../users/users.service.js';
import type { CreateTicketDto } from './dto/ticket.dto.js';
import { IdempotencyRecord } from './entities/idempotency-record.entity.js';
import { Ticket } from './entities/ticket.entity.js';
import { issueTicketCode } from './ticket-code.js';
import { photoKeysOf } from './ticket-photos.js';
import { TicketQueries } from './ticket-queries.service.js';
import { TicketWrites } from './ticket-writes.js';

/** The building with its grid's name, and the caller's approved home (their latest binding's community). */
const BUILDING_AND_HOME_SQL =
  'SELECT b.`id` AS id, b.`name` AS name, b.`communityId` AS communityId, b.`gridId` AS gridId, g.`name` AS gridName, ' +
  "(SELECT hb.`communityId` FROM `household_bindings` hb WHERE hb.`userId` = ? AND hb.`status` = 'approved' ORDER BY hb.`id` DESC LIMIT 1) AS home " +
  'FROM `buildings` b LEFT JOIN `grids` g ON g.`id` = b.`gridId` WHERE b.`id` = ?';

/** 报事: a resident reports a matter; it is placed, dispatched and recorded in one transaction. */
@Injectable()
export class ReportingService {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(CategoriesService) private readonly categories: CategoriesService,
    @Inject(DispatchService) private readonly dispatcher: DispatchService,
    @Inject(GridLocator) private readonly locator: GridLocator,
    @Inject(UsersService) private readonly users: UsersService,
    @Inject(TicketQueries) private readonly queries: TicketQueries,
    @Inject(PlacesService) private readonly places: PlacesService,
    @Inject(ContentSecurityService) private readonly content: ContentSecurityService,
  ) {}

  /**
   * Eight statements for a report with a building and no photo (docs/performance.md): the caller's roles,
   * the building with its grid and the caller's home, the handler with their load, and in one transaction
   * the ticket, its code, its timeline, its outbox rows and the idempotency record. The answer is built from
   * what was written, not read back. A retried submit is found when its record collides, or when anything
   * else fails, before the error is answered: the first submit's ticket is the answer.
   */
  async create(user: AuthUser, dto: CreateTicketDto, idempotencyKey: string | undefined): Promise<TicketDetail> {
    const requestHash = createHash('sha256').update(JSON.stringify(dto)).digest('hex');
    try {
      return await this.report(user, dto, idempotencyKey, requestHash);
    } catch (e) {
      if (idempotencyKey === undefined) throw e;
      // The key reused for another body is the answer; a replay that cannot be read leaves the first error standing.
      const replay = await this.replay(user, idempotencyKey, requestHash).catch((err: unknown) => {
        if (err instanceof AppError && err.code === 'IDEMPOTENCY_KEY_REUSED') throw err;
        return null;
      });
      if (replay) return replay;
      throw e;
    }
  }

  private async report(user: AuthUser, dto: CreateTicketDto, idempotencyKey: string | undefined, requestHash: string): Promise<TicketDetail> {
    // No category: 随手拍, the committee sets it (待分类); the matter waits in the queue meanwhile.
    const category = dto.categoryId === undefined ? null : await this.categories.get(dto.categoryId);
    if (category !== null && (!category || !category.active)) throw Errors.unprocessable('UNKNOWN_CATEGORY', '请选择有效的报事类别，或不选类别由社区分类');
    const { utcOffsetMinutes, building, gridName, ...place } = await this.placeOf(user, dto);
    const photoKeys = await photoKeysOf(this.db.manager, user, dto.photoIds ?? []);
    // 内容安全: risky → 422 here; review or unchecked → stored, held off the public board.
    const verdict = await this.content.check(user, [{ field: 'description', label: '问题描述', text: dto.description, scene: 3 }], 'resident');

    const { ticket, events, handler } = await this.db.transaction(async (em) => {
      const now = this.clock.now();
      const handler = category ? await this.dispatcher.chooseHandler(em, place, category) : null;
      const report = reportTicket({ now, reporterId: user.id, description: dto.description, photoKeys, handlerId: handler?.userId ?? null, category });
      const ticket = em.create(Ticket, {
        ...report.state,
        anonymous: dto.anonymous ?? false,
        photoKeys,
        lat: dto.lat ?? null,
        lng: dto.lng ?? null,
        buildingId: dto.buildingId ?? null,
        ...place,
        followerCount: 0,
        contentHeld: verdict.held,
        version: 1,
        createdAt: now,
        updatedAt: now,
      });
      // The hot path's writes are prepared statements through the driver (database/statements.ts, docs/performance.md).
      ticket.id = await this.db.sql.table(Ticket).insert([ticket], em);
      await FilesService.attach(em, dto.photoIds ?? [], now);
      // The id ends the code, so the code follows the INSERT (docs/architecture.md, "Local time"); version stays 1: this is still the creation.
      ticket.code = issueTicketCode(ticket.id, now, utcOffsetMinutes);
      await this.db.sql.run('UPDATE `tickets` SET `code` = ? WHERE `id` = ?', [ticket.code, ticket.id], em);
      await this.content.recordHold(em, verdict, user, { ticketId: ticket.id, communityId: ticket.communityId }, now);
      const writes = new TicketWrites(em);
      await writes.record(ticket, report, { id: user.id, role: 'resident' }, now);
      const events = await writes.flush();
      if (idempotencyKey !== undefined) {
        await this.db.sql.table(IdempotencyRecord).insert([{ userId: user.id, key: idempotencyKey, requestHash, ticketId: ticket.id, createdAt: now }], em);
      }
      return { ticket, events, handler };
    });
    const names = new Map([[user.id, user.name]]);
    if (handler) names.set(handler.userId, handler.name);
    return this.queries.newTicketDetail(user, ticket, { events, building, names, gridName });
  }

  private async replay(user: AuthUser, key: string, requestHash: string): Promise<TicketDetail | null> {
    const record = await this.db.manager.findOneBy(IdempotencyRecord, { userId: user.id, key });
    if (!record) return null;
    if (record.requestHash !== requestHash) {
      throw Errors.unprocessable('IDEMPOTENCY_KEY_REUSED', '这次提交与之前的一次提交内容不同却用了同一个编号（Idempotency-Key），请刷新后重新提交');
    }
    return this.queries.detailFor(user, record.ticketId);
  }

  /**
   * The ticket's place: the building's grid, else the grid whose polygon holds the point. A building comes
   * with its grid's name and the caller's home community in the same statement.
   */
  private async placeOf(
    user: AuthUser,
    dto: CreateTicketDto,
  ): Promise<Pick<Ticket, 'gridId' | 'communityId' | 'streetId' | 'districtId'> & { utcOffsetMinutes: number; building: { id: number; name: string } | null; gridName: string | null | undefined }> {
    if (dto.buildingId === undefined && (dto.lat === undefined || dto.lng === undefined)) {
      throw Errors.unprocessable('LOCATION_REQUIRED', '请选择位置或楼栋');
    }
    let gridId: number | null = null;
    let communityId: number | null = null;
    let building: { id: number; name: string } | null = null;
    // undefined: not known here (the answer looks it up).
    let gridName: string | null | undefined;
    let home: number | null;
    if (dto.buildingId !== undefined) {
      const [row] = await this.db.sql.rows<{ id: number; name: string; communityId: number; gridId: number | null; gridName: string | null; home: number | null }>(BUILDING_AND_HOME_SQL, [
        user.id,
        dto.buildingId,
      ]);
      if (!row) throw Errors.unprocessable('UNKNOWN_BUILDING', '所选楼栋不存在，请重新选择');
      home = this.users.homeFrom(user, row.home === null ? null : Number(row.home));
      // A building is chosen from one's own community's list; another community's matters are reported by location.
      if (Number(row.communityId) !== home) throw Errors.unprocessable('BUILDING_OUTSIDE_COMMUNITY', '只能选择您所在社区的楼栋，其他地方请用定位报事');
      gridId = row.gridId === null ? null : Number(row.gridId);
      communityId = Number(row.communityId);
      building = { id: Number(row.id), name: row.name };
      gridName = row.gridName;
    } else {
      home = await this.users.homeCommunityId(user);
    }
    if (gridId === null && dto.lat !== undefined && dto.lng !== undefined) {
      const found = await this.locator.locate(dto.lat, dto.lng);
      if (found) {
        gridId = found.gridId;
        communityId ??= found.communityId;
        gridName = undefined;
      }
    }
    communityId ??= home;
    if (communityId === null) throw Errors.unprocessable('OUTSIDE_SERVICE_AREA', '该位置不在本平台服务的社区范围内，请选择所在楼栋');
    const community = await this.places.communityPlace(communityId);
    if (!community) throw Errors.unprocessable('OUTSIDE_SERVICE_AREA', '该位置不在本平台服务的社区范围内，请选择所在楼栋或换个位置');
    return { gridId, communityId, streetId: community.streetId, districtId: community.districtId, utcOffsetMinutes: community.utcOffsetMinutes, building, gridName };
  }
}
