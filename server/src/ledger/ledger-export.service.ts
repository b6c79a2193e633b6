import { Inject, Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { In, IsNull } from 'typeorm';
import { formatArea, LEDGER_COLUMNS, MEMBER_RELATION_LABELS, SPECIAL_CARE_FLAGS, SPECIAL_CARE_LABELS } from '@linli/shared';
import type { AuthUser } from '../auth/auth-user.js';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import { maskPhone } from '../common/mask.js';
import { Db } from '../database/db.js';
import { EXPORT_BATCH, type PreparedExport } from '../exports/exports.service.js';
import { sheetWriter, type ExportFormat } from '../exports/sheet-writer.js';
import { Building, Community, Household } from '../places/entities/places.entities.js';
import { User } from '../users/entities/users.entities.js';
import { HouseholdMember } from './entities/household-member.entity.js';
import { PersonDetails } from './entities/person-details.entity.js';
import { ledgerReach } from './ledger-access.js';
import { flagsOf } from './ledger-snapshot.js';
import type { LedgerExportQueryDto } from './ledger.dto.js';

/** The ledger out in the import's columns, streamed; a whole-phone export imports again unchanged. */
@Injectable()
export class LedgerExportService {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async ledger(user: AuthUser, q: LedgerExportQueryDto, format: ExportFormat): Promise<PreparedExport> {
    const now = this.clock.now();
    const whole = q.phones === 'whole';
    const community = await this.db.transaction(async (em) => {
      const reach = await ledgerReach(em, user, q.communityId, 'write');
      await AuditService.record(em, {
        actor: { id: user.id, role: reach.role },
        action: 'export',
        communityId: reach.communityId,
        targetType: 'ledger',
        targetIds: [],
        details: { format, phones: whole ? 'whole' : 'masked' },
        at: now,
      });
      return (await em.findOneBy(Community, { id: reach.communityId }))!;
    });
    const em = this.db.manager;
    return {
      filename: `台账-${community.name}-${now.toISOString().slice(0, 10)}.${format}`,
      write: async (out) => {
        const sheet = sheetWriter(format, out);
        await sheet.sheet('台账', [...LEDGER_COLUMNS]);
        const buildings = new Map((await em.find(Building, { where: { communityId: community.id } })).map((b) => [b.id, b]));
        const buildingIds = [...buildings.keys()];
        // Keyset pages over the community's households, so memory holds one batch whatever the ledger's size.
        for (let after = 0; buildingIds.length; ) {
          const households = await em
            .createQueryBuilder(Household, 'h')
            .where('h.buildingId IN (:...b) AND h.id > :after', { b: buildingIds, after })
            .orderBy('h.id', 'ASC')
            .limit(EXPORT_BATCH)
            .getMany();
          if (households.length === 0) break;
          after = households[households.length - 1].id;
          const members = await em.find(HouseholdMember, { where: { householdId: In(households.map((h) => h.id)), endedAt: IsNull() }, order: { id: 'ASC' } });
          const userIds = [...new Set(members.map((m) => m.userId))];
          const users = new Map(userIds.length ? (await em.find(User, { where: { id: In(userIds) }, select: { id: true, name: true, phone: true } })).map((u) => [u.id, u]) : []);
          const details = new Map(userIds.length ? (await em.find(PersonDetails, { where: { userId: In(userIds) } })).map((d) => [d.userId, d]) : []);
          for (const h of households) {
            for (const m of members.filter((x) => x.householdId === h.id)) {
              const u = users.get(m.userId);
              const d = details.get(m.userId);
              await sheet.row([
                buildings.get(h.buildingId)?.name ?? '',
                h.unit || null,
                h.door,
                h.areaHundredths === null ? null : formatArea(h.areaHundredths),
                u?.name ?? '',
                whole ? (u?.phone ?? null) : maskPhone(u?.phone),
                MEMBER_RELATION_LABELS[m.relation],
                d?.birthYear ?? null,
                flagsOf(d?.specialCare).map((f) => SPECIAL_CARE_LABELS[f]).join('、') || null,
              ]);
            }
          }
        }
        await sheet.end();
      },
    };
  }

  /** The import template: the columns, one example row, and a sheet saying what each column takes. */
  async template(): Promise<Buffer> {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('台账');
    sheet.addRow([...LEDGER_COLUMNS]);
    sheet.addRow(['青和居1栋', '2', '301', '89.50', '刘德明', '13900009001', '业主', '1968', '']);
    sheet.columns.forEach((c) => (c.width = 14));
    // Phones and areas typed into this template stay text, so Excel never turns them into 1.39E+10.
    for (const col of [2, 3, 4, 6, 8]) sheet.getColumn(col).numFmt = '@';
    const help = book.addWorksheet('填写说明');
    help.addRow(['列', '必填', '填写说明']);
    const notes: Record<(typeof LEDGER_COLUMNS)[number], [string, string]> = {
      楼栋: ['是', '与小区的楼栋名称一致，如 青和居1栋'],
      单元: ['否', '如 2 或 2单元；没有单元的楼留空'],
      门牌: ['是', '如 301'],
      专有部分面积: ['否', '平方米，最多两位小数，如 89.50；同一户只需填一次'],
      姓名: ['是', '每人一行'],
      手机号: ['否', '11位手机号；居民用这个号码在小程序认领自己的记录'],
      身份: ['是', '业主、租户或家属'],
      出生年份: ['否', '四位数字，如 1950'],
      特殊人群: ['否', `${SPECIAL_CARE_FLAGS.map((f) => SPECIAL_CARE_LABELS[f]).join('、')}，多项用顿号分隔`],
    };
    for (const c of LEDGER_COLUMNS) help.addRow([c, ...notes[c]]);
    help.addRow([]);
    help.addRow(['', '', '不要合并单元格，不要用公式；一户多人时每人一行，楼栋、单元、门牌每行都要填。']);
    help.getColumn(3).width = 60;
    return Buffer.from(await book.xlsx.writeBuffer());
  }
}
