import { Body, Controller, Get, HttpCode, Inject, Param, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ClosureResult, ScheduleView, ServiceItemDetail, ServiceItemSummary, SlotRoster, SlotView } from '@linli/shared';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import { CatalogueService } from './catalogue.service.js';
import { ClosureDto, ScheduleDto, ServiceActiveDto, ServiceItemDto, ServicesQueryDto, SlotCloseDto, SlotDto, SlotEditDto, SlotMoveDto, SlotsQueryDto } from './dto/bookings.dto.js';

/** 预约's catalogue: items, their slots and schedule (docs/architecture.md, "Booking"). */
@ApiTags('bookings')
@ApiBearerAuth()
@Controller('services')
export class ServicesController {
  constructor(@Inject(CatalogueService) private readonly catalogue: CatalogueService) {}

  @Get()
  @ApiOperation({ summary: 'The catalogue of a community, by family and name' })
  list(@CurrentUser() user: AuthUser, @Query() q: ServicesQueryDto): Promise<ServiceItemSummary[]> {
    return this.catalogue.list(user, q);
  }

  @Post()
  @Roles('committee_member', 'partner')
  create(@CurrentUser() user: AuthUser, @Body() dto: ServiceItemDto): Promise<ServiceItemDetail> {
    return this.catalogue.create(user, dto);
  }

  @Get(':id')
  detail(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<ServiceItemDetail> {
    return this.catalogue.detail(user, id);
  }

  @Put(':id')
  @Roles('committee_member', 'partner')
  update(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() dto: ServiceItemDto): Promise<ServiceItemDetail> {
    return this.catalogue.update(user, id, dto);
  }

  @Put(':id/active')
  @Roles('committee_member', 'partner')
  @ApiOperation({ summary: '停用 / 启用 an item' })
  setActive(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() dto: ServiceActiveDto): Promise<ServiceItemDetail> {
    return this.catalogue.setActive(user, id, dto.active);
  }

  @Get(':id/slots')
  slots(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Query() q: SlotsQueryDto): Promise<SlotView[]> {
    return this.catalogue.slots(user, id, q);
  }

  @Post(':id/slots')
  @Roles('committee_member', 'partner')
  addSlot(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() dto: SlotDto): Promise<SlotView> {
    return this.catalogue.addSlot(user, id, dto);
  }

  @Get(':id/schedule')
  @Roles('committee_member', 'partner')
  schedule(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<ScheduleView> {
    return this.catalogue.schedule(user, id);
  }

  @Put(':id/schedule')
  @Roles('committee_member', 'partner')
  setSchedule(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() dto: ScheduleDto): Promise<ScheduleView> {
    return this.catalogue.setSchedule(user, id, dto);
  }

  @Post(':id/closures')
  @HttpCode(200)
  @Roles('committee_member', 'partner')
  closeDay(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() dto: ClosureDto): Promise<ClosureResult> {
    return this.catalogue.closeDay(user, id, dto);
  }
}

@ApiTags('bookings')
@ApiBearerAuth()
@Controller('slots')
@Roles('committee_member', 'partner')
export class SlotsController {
  constructor(@Inject(CatalogueService) private readonly catalogue: CatalogueService) {}

  @Put(':id')
  edit(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() dto: SlotEditDto): Promise<SlotView> {
    return this.catalogue.editSlot(user, id, dto);
  }

  @Post(':id/move')
  @HttpCode(200)
  move(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() dto: SlotMoveDto): Promise<SlotView> {
    return this.catalogue.moveSlot(user, id, dto);
  }

  @Post(':id/close')
  @HttpCode(200)
  close(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() dto: SlotCloseDto): Promise<SlotView> {
    return this.catalogue.closeSlot(user, id, dto.reason);
  }

  @Get(':id/roster')
  roster(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<SlotRoster> {
    return this.catalogue.roster(user, id);
  }
}
