import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import { RatesExportQueryDto, TicketExportQueryDto } from './exports.dto.js';
import { ExportsService, type PreparedExport } from './exports.service.js';
import { MEDIA_TYPES, type ExportFormat } from './sheet-writer.js';

@ApiTags('exports')
@ApiBearerAuth()
@Controller('exports')
@Roles('committee_member', 'street_officer', 'district_officer', 'admin')
export class ExportsController {
  constructor(@Inject(ExportsService) private readonly exports: ExportsService) {}

  @Get('tickets.xlsx')
  async ticketsXlsx(@CurrentUser() user: AuthUser, @Query() q: TicketExportQueryDto, @Res() res: Response): Promise<void> {
    await sendExport(res, 'xlsx', await this.exports.tickets(user, q, 'xlsx'));
  }

  @Get('tickets.csv')
  async ticketsCsv(@CurrentUser() user: AuthUser, @Query() q: TicketExportQueryDto, @Res() res: Response): Promise<void> {
    await sendExport(res, 'csv', await this.exports.tickets(user, q, 'csv'));
  }

  @Get('rates.xlsx')
  async ratesXlsx(@CurrentUser() user: AuthUser, @Query() q: RatesExportQueryDto, @Res() res: Response): Promise<void> {
    await sendExport(res, 'xlsx', await this.exports.rates(user, q, 'xlsx'));
  }

  @Get('rates.csv')
  async ratesCsv(@CurrentUser() user: AuthUser, @Query() q: RatesExportQueryDto, @Res() res: Response): Promise<void> {
    await sendExport(res, 'csv', await this.exports.rates(user, q, 'csv'));
  }
}

/**
 * Checks and the log happen before this (an error is still a JSON answer); from here the file
 * streams, and a failure midway can only cut the connection.
 */
export async function sendExport(res: Response, format: ExportFormat, file: PreparedExport): Promise<void> {
  res.status(200);
  res.setHeader('content-type', MEDIA_TYPES[format]);
  res.setHeader('content-disposition', `attachment; filename="export.${format}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`);
  res.setHeader('cache-control', 'no-store');
  try {
    await file.write(res);
  } catch (e) {
    res.destroy(e as Error);
  }
}
