import { Body, Controller, Get, Headers, HttpCode, Inject, Param, ParseIntPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { BookingDetail, BookingHelpList, BookingHelpView, BookingStats, PageOfBooking, VolunteerHoursView } from '@linli/shared';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import { Errors } from '../common/app-error.js';
import { RateLimit } from '../common/throttle.js';
import { sendExport } from '../exports/exports.controller.js';
import { BookingHelpService } from './booking-help.service.js';
import { BookingQueries } from './booking-queries.service.js';
import { BookingService } from './booking.service.js';
import { BookingStatsService } from './booking-stats.service.js';
import { BookingWorkflow } from './booking-workflow.service.js';
import {
  BookingHelpDoneDto,
  BookingHelpDto,
  BookingHelpQueryDto,
  BookingRateDto,
  BookingStatsQueryDto,
  BookingsQueryDto,
  CheckInByCodeDto,
  CreateBookingDto,
  DayRosterExportQueryDto,
  RosterExportQueryDto,
} from './dto/bookings.dto.js';
import { RosterExportService } from './roster-export.service.js';

@ApiTags('bookings')
@ApiBearerAuth()
@Controller('bookings')
export class BookingsController {
  constructor(
    @Inject(BookingService) private readonly booking: BookingService,
    @Inject(BookingQueries) private readonly queries: BookingQueries,
    @Inject(BookingWorkflow) private readonly workflow: BookingWorkflow,
  ) {}

  @Post()
  @Roles('resident', 'grid_worker')
  @RateLimit('bookings')
  @ApiOperation({ summary: '预约 a place or join the waiting list; 代办 with forUserId' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A retried booking with the same key returns the first answer' })
  async create(@CurrentUser() user: AuthUser, @Body() dto: CreateBookingDto, @Headers('idempotency-key') key?: string): Promise<BookingDetail> {
    if (key !== undefined && !/^[\w.:-]{8,80}$/.test(key)) throw Errors.validation('Idempotency-Key 应为 8–80 位字母、数字或 -_.:');
    return (await this.booking.create(user, dto, key)).booking;
  }

  @Get()
  list(@CurrentUser() user: AuthUser, @Query() q: BookingsQueryDto): Promise<PageOfBooking> {
    return this.queries.list(user, q);
  }

  @Post('check-in')
  @HttpCode(200)
  @Roles('committee_member', 'partner')
  @ApiOperation({ summary: '签到 by the code the holder shows' })
  checkInByCode(@CurrentUser() user: AuthUser, @Body() dto: CheckInByCodeDto): Promise<BookingDetail> {
    return this.workflow.checkInByCode(user, dto.slotId, dto.code);
  }

  @Get(':id')
  detail(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<BookingDetail> {
    return this.queries.detail(user, id);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  cancel(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<BookingDetail> {
    return this.workflow.cancel(user, id);
  }

  @Post(':id/confirm')
  @HttpCode(200)
  confirm(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<BookingDetail> {
    return this.workflow.confirm(user, id);
  }

  @Post(':id/check-in')
  @HttpCode(200)
  checkIn(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<BookingDetail> {
    return this.workflow.checkIn(user, id);
  }

  @Post(':id/no-show')
  @HttpCode(200)
  noShow(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<BookingDetail> {
    return this.workflow.noShow(user, id);
  }

  @Post(':id/rate')
  @HttpCode(200)
  rate(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() dto: BookingRateDto): Promise<BookingDetail> {
    return this.workflow.rate(user, id, dto.rating, dto.comment);
  }
}

@ApiTags('bookings')
@ApiBearerAuth()
@Controller('booking-help')
export class BookingHelpController {
  constructor(@Inject(BookingHelpService) private readonly help: BookingHelpService) {}

  @Post()
  @Roles('resident')
  @ApiOperation({ summary: '请网格员帮我预约' })
  request(@CurrentUser() user: AuthUser, @Body() dto: BookingHelpDto): Promise<BookingHelpView> {
    return this.help.request(user, dto);
  }

  @Get()
  list(@CurrentUser() user: AuthUser, @Query() q: BookingHelpQueryDto): Promise<BookingHelpList> {
    return this.help.list(user, q);
  }

  @Post(':id/done')
  @HttpCode(200)
  @Roles('grid_worker', 'committee_member')
  done(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() dto: BookingHelpDoneDto): Promise<BookingHelpView> {
    return this.help.done(user, id, dto.bookingId);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Roles('resident')
  withdraw(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<BookingHelpView> {
    return this.help.withdraw(user, id);
  }
}

@ApiTags('bookings')
@ApiBearerAuth()
@Controller()
export class BookingFiguresController {
  constructor(
    @Inject(BookingQueries) private readonly queries: BookingQueries,
    @Inject(BookingStatsService) private readonly stats: BookingStatsService,
    @Inject(RosterExportService) private readonly exports: RosterExportService,
  ) {}

  @Get('me/volunteer-hours')
  @ApiOperation({ summary: '爱心银行: balance and entries' })
  hours(@CurrentUser() user: AuthUser): Promise<VolunteerHoursView> {
    return this.queries.hours(user);
  }

  @Get('stats/bookings')
  @Roles('committee_member', 'partner', 'street_officer', 'district_officer', 'admin')
  figures(@CurrentUser() user: AuthUser, @Query() q: BookingStatsQueryDto): Promise<BookingStats> {
    return this.stats.stats(user, q);
  }

  @Get('exports/roster.xlsx')
  @Roles('committee_member', 'partner')
  async rosterXlsx(@CurrentUser() user: AuthUser, @Query() q: RosterExportQueryDto, @Res() res: Response): Promise<void> {
    await sendExport(res, 'xlsx', await this.exports.roster(user, q.slotId, 'xlsx'));
  }

  @Get('exports/roster.csv')
  @Roles('committee_member', 'partner')
  async rosterCsv(@CurrentUser() user: AuthUser, @Query() q: RosterExportQueryDto, @Res() res: Response): Promise<void> {
    await sendExport(res, 'csv', await this.exports.roster(user, q.slotId, 'csv'));
  }

  @Get('exports/day-roster.xlsx')
  @Roles('committee_member', 'partner')
  async dayRosterXlsx(@CurrentUser() user: AuthUser, @Query() q: DayRosterExportQueryDto, @Res() res: Response): Promise<void> {
    await sendExport(res, 'xlsx', await this.exports.dayRoster(user, q.serviceId, q.date, 'xlsx'));
  }

  @Get('exports/day-roster.csv')
  @Roles('committee_member', 'partner')
  async dayRosterCsv(@CurrentUser() user: AuthUser, @Query() q: DayRosterExportQueryDto, @Res() res: Response): Promise<void> {
    await sendExport(res, 'csv', await this.exports.dayRoster(user, q.serviceId, q.date, 'csv'));
  }
}
