import { Inject, Injectable } from '@nestjs/common';
import type { Writable } from 'node:stream';
import { BOOKING_STATUS_LABELS, formatLocalDateTime } from '@linli/shared';
import type { AuthUser } from '../auth/auth-user.js';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import { Db } from '../database/db.js';
import type { PreparedExport } from '../exports/exports.service.js';
import { sheetWriter, type ExportFormat } from '../exports/sheet-writer.js';
import { providesItem } from './booking-access.js';
import { CatalogueService } from './catalogue.service.js';

/** 名单导出: a slot's roster as xlsx or CSV, Chinese headers, local times, phones masked; logged. */
@Injectable()
export class RosterExportService {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(CatalogueService) private readonly catalogue: CatalogueService,
  ) {}

  async roster(user: AuthUser, slotId: number, format: ExportFormat): Promise<PreparedExport> {
    const roster = await this.catalogue.roster(user, slotId);
    const item = await this.catalogue.item(roster.service.id);
    const offset = await this.catalogue.offset(item.communityId);
    await this.db.transaction((em) =>
      AuditService.record(em, {
        actor: { id: user.id, role: providesItem(user, item) ? 'partner' : 'committee_member' },
        action: 'export',
        communityId: item.communityId,
        targetType: 'roster',
        targetIds: [slotId],
        details: { format, rows: roster.entries.length },
        at: this.clock.now(),
      }),
    );
    const start = formatLocalDateTime(roster.slot.startsAt, offset);
    return {
      filename: `${roster.service.name}名单-${start.replace(/[: ]/g, '')}.${format}`,
      write: async (out: Writable) => {
        const w = sheetWriter(format, out);
        await w.sheet(`${roster.service.name} ${start}`.slice(0, 31).replace(/[\\/?*[\]:]/g, ' '), ['序号', '姓名', '电话', '身份', '状态', '候补顺位', '代办网格员', '签到时间']);
        for (const [i, e] of roster.entries.entries()) {
          await w.row([i + 1, e.name, e.phone, e.role === 'volunteer' ? '志愿者' : '参加者', BOOKING_STATUS_LABELS[e.status], e.waitingPosition, e.bookedBy?.name ?? null, e.checkedInAt ? formatLocalDateTime(e.checkedInAt, offset) : null]);
        }
        await w.end();
      },
    };
  }
}
