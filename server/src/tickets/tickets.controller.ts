import { Body, Controller, Delete, Get, Headers, HttpCode, Inject, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { NearbyTicket, Page, TicketDetail, TicketSummary } from '@linli/shared';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import { Errors } from '../common/app-error.js';
import { RateLimit } from '../common/throttle.js';
import {
  CategoriseTicketDto,
  CreateTicketDto,
  DispatchTicketDto,
  ListTicketsQuery,
  MergeTicketDto,
  NearbyQuery,
  RateTicketDto,
  ReasonDto,
  RejectTicketDto,
  ResolveTicketDto,
  TransferTicketDto,
} from './dto/ticket.dto.js';
import { FollowersService } from './followers.service.js';
import { ReportingService } from './reporting.service.js';
import { TicketQueries } from './ticket-queries.service.js';
import { TicketWorkflow } from './ticket-workflow.service.js';

@ApiTags('tickets')
@ApiBearerAuth()
@Controller('tickets')
export class TicketsController {
  constructor(
    @Inject(ReportingService) private readonly reporting: ReportingService,
    @Inject(TicketQueries) private readonly queries: TicketQueries,
    @Inject(TicketWorkflow) private readonly workflow: TicketWorkflow,
    @Inject(FollowersService) private readonly followers: FollowersService,
  ) {}

  @Post()
  @Roles('resident')
  @RateLimit('tickets')
  @ApiOperation({ summary: '报事: report a matter; it is dispatched at once' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A retried submit with the same key returns the first answer' })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateTicketDto, @Headers('idempotency-key') key?: string): Promise<TicketDetail> {
    if (key !== undefined && !/^[\w.:-]{8,80}$/.test(key)) throw Errors.validation('Idempotency-Key 应为 8–80 位字母、数字或 -_.:');
    return this.reporting.create(user, dto, key);
  }

  @Get()
  @ApiOperation({ summary: 'mine (resident), following (resident), assigned (handler inbox by deadline), community (committee, street, district)' })
  list(@CurrentUser() user: AuthUser, @Query() q: ListTicketsQuery): Promise<Page<TicketSummary>> {
    return this.queries.list(user, q);
  }

  @Get('nearby')
  @Roles('resident')
  @ApiOperation({ summary: 'Open tickets of the category near a point: offer 附议 instead of a duplicate' })
  nearby(@CurrentUser() user: AuthUser, @Query() q: NearbyQuery): Promise<NearbyTicket[]> {
    return this.queries.nearby(user, q);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A ticket with its full timeline and the actions the caller may take' })
  detail(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<TicketDetail> {
    return this.queries.detailFor(user, id);
  }

  @Get(':id/handlers')
  @Roles('grid_worker', 'partner', 'committee_member')
  @ApiOperation({ summary: 'Who this ticket may be dispatched or transferred to, with their open load' })
  handlers(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number) {
    return this.queries.handlerCandidates(user, id);
  }

  @Post(':id/follow')
  @HttpCode(200)
  @Roles('resident')
  @ApiOperation({ summary: '附议: me too, and follow its updates' })
  follow(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<TicketDetail> {
    return this.followers.follow(user, id);
  }

  @Delete(':id/follow')
  @Roles('resident')
  unfollow(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number) {
    return this.followers.unfollow(user, id);
  }

  @Post(':id/accept')
  @HttpCode(200)
  @ApiOperation({ summary: '接单' })
  accept(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<TicketDetail> {
    return this.workflow.accept(user, id);
  }

  @Post(':id/resolve')
  @HttpCode(200)
  @ApiOperation({ summary: '办结, with a note and photos' })
  resolve(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() dto: ResolveTicketDto): Promise<TicketDetail> {
    return this.workflow.resolve(user, id, dto.note, dto.photoIds ?? []);
  }

  @Post(':id/return')
  @HttpCode(200)
  @ApiOperation({ summary: '退单: not mine, back to the dispatch queue' })
  returnToQueue(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() dto: ReasonDto): Promise<TicketDetail> {
    return this.workflow.returnToQueue(user, id, dto.reason);
  }

  @Post(':id/transfer')
  @HttpCode(200)
  @ApiOperation({ summary: '转派 to another handler of the community' })
  transfer(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() dto: TransferTicketDto): Promise<TicketDetail> {
    return this.workflow.transfer(user, id, dto.toUserId, dto.reason);
  }

  @Post(':id/dispatch')
  @HttpCode(200)
  @ApiOperation({ summary: '派单 by hand from the dispatch queue' })
  dispatch(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() dto: DispatchTicketDto): Promise<TicketDetail> {
    return this.workflow.dispatch(user, id, dto.toUserId);
  }

  @Post(':id/categorise')
  @HttpCode(200)
  @ApiOperation({ summary: '设置类别 of a matter reported without one (待分类), then routed by it; deadlines from the submission' })
  categorise(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() dto: CategoriseTicketDto): Promise<TicketDetail> {
    return this.workflow.categorise(user, id, dto.categoryId);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @ApiOperation({ summary: '不予受理, with a reason' })
  reject(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() dto: RejectTicketDto): Promise<TicketDetail> {
    return this.workflow.reject(user, id, dto.reason, dto.note);
  }

  @Post(':id/merge')
  @HttpCode(200)
  @Roles('committee_member')
  @ApiOperation({ summary: 'Merge a duplicate into the original: the duplicate is rejected, its reporter follows the original' })
  merge(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() dto: MergeTicketDto): Promise<TicketDetail> {
    return this.workflow.merge(user, id, dto.intoTicketId);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: '撤回, before acceptance' })
  cancel(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<TicketDetail> {
    return this.workflow.cancel(user, id);
  }

  @Post(':id/rate')
  @HttpCode(200)
  @ApiOperation({ summary: '评价 once per resolution; 不满意 reopens it (重办)' })
  rate(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() dto: RateTicketDto): Promise<TicketDetail> {
    return this.workflow.rate(user, id, dto.rating, dto.comment);
  }
}
