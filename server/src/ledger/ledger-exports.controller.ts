import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import { sendExport } from '../exports/exports.controller.js';
import { LedgerExportService } from './ledger-export.service.js';
import { LedgerExportQueryDto } from './ledger.dto.js';

/** 台账导出, beside the other exports under /exports. */
@ApiTags('exports')
@ApiBearerAuth()
@Controller('exports')
@Roles('committee_member', 'admin')
export class LedgerExportsController {
  constructor(@Inject(LedgerExportService) private readonly exports: LedgerExportService) {}

  @Get('ledger.xlsx')
  async ledgerXlsx(@CurrentUser() user: AuthUser, @Query() q: LedgerExportQueryDto, @Res() res: Response): Promise<void> {
    await sendExport(res, 'xlsx', await this.exports.ledger(user, q, 'xlsx'));
  }

  @Get('ledger.csv')
  async ledgerCsv(@CurrentUser() user: AuthUser, @Query() q: LedgerExportQueryDto, @Res() res: Response): Promise<void> {
    await sendExport(res, 'csv', await this.exports.ledger(user, q, 'csv'));
  }
}
