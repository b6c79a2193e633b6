import { Inject, Injectable } from '@nestjs/common';
import type { Writable } from 'node:stream';
import { BOOKING_STATUS_LABELS, formatLocalDateTime, type RosterEntry } from '@linli/shared';
import type { AuthUser } from '../auth/auth-user.js';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import { Db } from '../database/db.js';
import type { PreparedExport } from '../exports/exports.service.js';
import { sheetWriter, type Cell, type ExportFormat } from '../exports/sheet-writer.js';
import { providesItem } from './booking-access.js';
import { CatalogueService } from './catalogue.service.js';
import type { ServiceItem } from './entities/catalogue.entities.js';

const HEADERS = ['序号', '姓名', '电话', '身份', '状态', '候补顺位', '代办网格员', '签到时间'];

/** A sheet's name: at most 31 characters, none of those Excel refuses. */
const sheetName = (name: string) => name.slice(0, 31).replace(/[\\/?*[\]:]/g, ' ');

/** One person's line, as the roster shows them (name, masked phone, status; no eligibility data). */
function cells(i: number, e: RosterEntry, offset: number): Cell[] {
  return [i + 1, e.name, e.phone, e.role === 'volunteer' ? '志愿者' : '参加者', BOOKING_STATUS_LABELS[e.status], e.waitingPosition, e.bookedBy?.name ?? null, e.checkedInAt ? formatLocalDateTime(e.checkedInAt, offset) : null];
}

/** 名单导出: a slot's roster, or a local day's (every slot of the day), as xlsx or CSV, Chinese headers, local times, phones masked; logged. */
@Injectable()
export class RosterExportService {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(CatalogueService) private readonly catalogue: CatalogueService,
  ) {}

  /** Every roster export is in the audit trail: who, which slots, in what format, how many lines. */
  private async logged(user: AuthUser, item: ServiceItem, slotIds: number[], details: Record<string, unknown>): Promise<void> {
    const entry = { actor: { id: user.id, role: providesItem(user, item) ? 'partner' : 'committee_member' }, action: 'export' as const, communityId: item.communityId, targetType: 'roster', targetIds: slotIds, details, at: this.clock.now() };
    await this.db.transaction((em) => AuditService.record(em, entry));
  }

  async roster(user: AuthUser, slotId: number, format: ExportFormat): Promise<PreparedExport> {
    const roster = await this.catalogue.roster(user, slotId);
    const item = await this.catalogue.item(roster.service.id);
    const offset = await this.catalogue.offset(item.communityId);
    await this.logged(user, item, [slotId], { format, rows: roster.entries.length });
    const start = formatLocalDateTime(roster.slot.startsAt, offset);
    return {
      filename: `${roster.service.name}名单-${start.replace(/[: ]/g, '')}.${format}`,
      write: async (out: Writable) => {
        const w = sheetWriter(format, out);
        await w.sheet(sheetName(`${roster.service.name} ${start}`), HEADERS);
        for (const [i, e] of roster.entries.entries()) await w.row(cells(i, e, offset));
        await w.end();
      },
    };
  }

  /**
   * A local day's roster of an item: one sheet, the slot's time (09:30–11:00, the community's wall clock) before
   * the slot roster's columns, slots in order, each slot's people as its roster lists them; numbered per slot.
   */
  async dayRoster(user: AuthUser, serviceId: number, date: string, format: ExportFormat): Promise<PreparedExport> {
    const { item, offset, rosters } = await this.catalogue.dayRosters(user, serviceId, date);
    const rows = rosters.reduce((n, r) => n + r.entries.length, 0);
    await this.logged(user, item, rosters.map((r) => r.slot.id), { format, serviceId, date, rows });
    const time = (iso: string) => formatLocalDateTime(iso, offset).split(' ')[1];
    return {
      filename: `${item.name}名单-${date.replace(/-/g, '')}.${format}`,
      write: async (out: Writable) => {
        const w = sheetWriter(format, out);
        await w.sheet(sheetName(`${item.name} ${date}`), ['时段', ...HEADERS]);
        for (const r of rosters) {
          const when = `${time(r.slot.startsAt)}–${time(r.slot.endsAt)}${r.slot.closed ? '（已停止）' : ''}`;
          for (const [i, e] of r.entries.entries()) await w.row([when, ...cells(i, e, offset)]);
        }
        await w.end();
      },
    };
  }
}
