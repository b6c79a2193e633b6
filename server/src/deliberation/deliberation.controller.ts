import { Body, Controller, Delete, Get, Headers, HttpCode, Inject, Param, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { BoardEntry, DeliberationStats, MeetingView, MyBallotView, Page, TopicDetail, TopicSummary, VoteDetail, VoteReceipts, VoteRoll } from '@linli/shared';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import { Errors } from '../common/app-error.js';
import { BoardService } from './board.service.js';
import {
  AcceptTopicDto,
  AttendanceDto,
  MeetingCancelDto,
  MeetingDto,
  MeetingMoveDto,
  MinutesDto,
  BoardQuery,
  CastBallotDto,
  CreateTopicDto,
  DeclineTopicDto,
  DeliberationStatsQuery,
  ListTopicsQuery,
  OpenVoteDto,
  PaperBallotDto,
  TopicCommentDto,
  TopicPlanDto,
  TopicRateDto,
  TopicReviewDto,
  TopicTaskDto,
  TopicTaskUpdateDto,
} from './dto/deliberation.dto.js';
import { TopicsService } from './topics.service.js';
import { VotesService } from './votes.service.js';
import { MeetingsService } from './meetings.service.js';

type Id = number;

/** 8–80 of letters, digits, `-_.:`, as for 报事. */
function idempotencyKey(key: string | undefined): string | undefined {
  if (key !== undefined && !/^[\w.:-]{8,80}$/.test(key)) throw Errors.validation('Idempotency-Key 应为 8–80 位字母、数字或 -_.:');
  return key;
}

@ApiTags('deliberation')
@ApiBearerAuth()
@Controller('topics')
export class TopicsController {
  constructor(
    @Inject(TopicsService) private readonly topics: TopicsService,
    @Inject(VotesService) private readonly votes: VotesService,
    @Inject(MeetingsService) private readonly meetings: MeetingsService,
  ) {}

  @Post()
  @ApiOperation({ summary: '提议题: residents collect co-signatures first; staff proposals wait for the committee' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A retried submit with the same key returns the first answer' })
  propose(@CurrentUser() user: AuthUser, @Body() dto: CreateTopicDto, @Headers('idempotency-key') key?: string): Promise<TopicDetail> {
    return this.topics.propose(user, dto, idempotencyKey(key));
  }

  @Get()
  list(@CurrentUser() user: AuthUser, @Query() q: ListTopicsQuery): Promise<Page<TopicSummary>> {
    return this.topics.list(user, q);
  }

  @Get(':id')
  detail(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: Id): Promise<TopicDetail> {
    return this.topics.detail(user, id);
  }

  @Post(':id/cosign')
  @HttpCode(200)
  @ApiOperation({ summary: '联署, once per household in scope' })
  cosign(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: Id): Promise<TopicDetail> {
    return this.topics.cosign(user, id);
  }

  @Post(':id/accept')
  @HttpCode(200)
  @ApiOperation({ summary: '受理 with a priority' })
  accept(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: Id, @Body() dto: AcceptTopicDto): Promise<TopicDetail> {
    return this.topics.accept(user, id, dto.priority);
  }

  @Post(':id/decline')
  @HttpCode(200)
  @ApiOperation({ summary: '不予受理, with a public reason' })
  decline(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: Id, @Body() dto: DeclineTopicDto): Promise<TopicDetail> {
    return this.topics.decline(user, id, dto.reason);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  withdraw(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: Id): Promise<TopicDetail> {
    return this.topics.withdraw(user, id);
  }

  @Post(':id/comments')
  @HttpCode(200)
  @ApiOperation({ summary: '多方恳谈: a comment, or the committee answering one' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A retried submit with the same key returns the first answer' })
  comment(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: Id, @Body() dto: TopicCommentDto, @Headers('idempotency-key') key?: string): Promise<TopicDetail> {
    return this.topics.comment(user, id, dto.body, dto.replyToId, idempotencyKey(key));
  }

  @Post(':id/plans')
  @HttpCode(200)
  @ApiOperation({ summary: '公示方案: a new plan version on notice' })
  plan(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: Id, @Body() dto: TopicPlanDto): Promise<TopicDetail> {
    return this.topics.publishPlan(user, id, dto.title, dto.body);
  }

  @Post(':id/reviews')
  @HttpCode(200)
  @ApiOperation({ summary: '专家审查意见' })
  review(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: Id, @Body() dto: TopicReviewDto): Promise<TopicDetail> {
    return this.topics.recordReview(user, id, dto.reviewer, dto.opinion);
  }

  @Post(':id/votes')
  @HttpCode(200)
  @ApiOperation({ summary: '开始表决: the roll is fixed now' })
  openVote(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: Id, @Body() dto: OpenVoteDto): Promise<VoteDetail> {
    return this.votes.open(user, id, dto);
  }

  @Post(':id/meetings')
  @HttpCode(200)
  @ApiOperation({ summary: '恳谈会: schedule a meeting of the topic' })
  meeting(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: Id, @Body() dto: MeetingDto): Promise<MeetingView> {
    return this.meetings.schedule(user, id, dto);
  }

  @Post(':id/tasks')
  @HttpCode(200)
  @ApiOperation({ summary: '落实: a task with its owner and due day' })
  task(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: Id, @Body() dto: TopicTaskDto): Promise<TopicDetail> {
    return this.topics.addTask(user, id, dto.title, dto.owner, dto.dueOn);
  }

  @Post(':id/complete')
  @HttpCode(200)
  @ApiOperation({ summary: '办结, once every task is done' })
  complete(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: Id): Promise<TopicDetail> {
    return this.topics.complete(user, id);
  }

  @Post(':id/rate')
  @HttpCode(200)
  @ApiOperation({ summary: '评价结果, once per household in scope' })
  rate(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: Id, @Body() dto: TopicRateDto): Promise<TopicDetail> {
    return this.topics.rate(user, id, dto.rating, dto.comment);
  }
}

@ApiTags('deliberation')
@ApiBearerAuth()
@Controller('topic-tasks')
export class TopicTasksController {
  constructor(@Inject(TopicsService) private readonly topics: TopicsService) {}

  @Post(':id/updates')
  @HttpCode(200)
  @ApiOperation({ summary: 'Progress on an implementation task, published' })
  update(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: Id, @Body() dto: TopicTaskUpdateDto): Promise<TopicDetail> {
    return this.topics.updateTask(user, id, dto.note, dto.progress, dto.done ?? false);
  }
}

@ApiTags('deliberation')
@ApiBearerAuth()
@Controller('votes')
export class VotesController {
  constructor(@Inject(VotesService) private readonly votes: VotesService) {}

  @Get(':id')
  detail(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: Id): Promise<VoteDetail> {
    return this.votes.detail(user, id);
  }

  @Put(':id/ballot')
  @ApiOperation({ summary: "Cast or change the household's ballot until the close" })
  cast(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: Id, @Body() dto: CastBallotDto): Promise<MyBallotView> {
    return this.votes.cast(user, id, dto.choice, dto.householdId);
  }

  @Post(':id/paper-ballots')
  @HttpCode(200)
  @Roles('committee_member')
  @ApiOperation({ summary: '纸质表决票 / 委托书 with a photo of the signed paper' })
  paper(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: Id, @Body() dto: PaperBallotDto): Promise<VoteDetail> {
    return this.votes.recordPaper(user, id, dto);
  }

  @Post(':id/close')
  @HttpCode(200)
  @ApiOperation({ summary: '结束表决: the result by the rule' })
  close(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: Id): Promise<VoteDetail> {
    return this.votes.close(user, id);
  }

  @Get(':id/roll')
  @Roles('committee_member')
  @ApiOperation({ summary: 'Who voted (not how, for a secret ballot) and when' })
  roll(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: Id): Promise<VoteRoll> {
    return this.votes.roll(user, id);
  }

  @Get(':id/receipts')
  @ApiOperation({ summary: 'After the close: receipts with the choice counted' })
  receipts(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: Id): Promise<VoteReceipts> {
    return this.votes.receipts(user, id);
  }
}

@ApiTags('deliberation')
@ApiBearerAuth()
@Controller('meetings')
export class MeetingsController {
  constructor(@Inject(MeetingsService) private readonly meetings: MeetingsService) {}

  @Get(':id')
  detail(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: Id): Promise<MeetingView> {
    return this.meetings.view(user, id);
  }

  @Post(':id/registration')
  @HttpCode(200)
  @ApiOperation({ summary: 'Register: a place while there is one, else the waiting list' })
  register(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: Id): Promise<MeetingView> {
    return this.meetings.register(user, id);
  }

  @Delete(':id/registration')
  @ApiOperation({ summary: 'Cancel; the first on the waiting list moves up' })
  cancel(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: Id): Promise<MeetingView> {
    return this.meetings.cancel(user, id);
  }

  @Post(':id/move')
  @HttpCode(200)
  @ApiOperation({ summary: 'Move a meeting (committee): the venue hold moves, the registered are told' })
  move(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: Id, @Body() dto: MeetingMoveDto): Promise<MeetingView> {
    return this.meetings.move(user, id, dto);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel a meeting (committee): the venue is freed, the registered are told' })
  cancelMeeting(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: Id, @Body() dto: MeetingCancelDto): Promise<MeetingView> {
    return this.meetings.cancelMeeting(user, id, dto.reason);
  }

  @Post(':id/attendance')
  @HttpCode(200)
  @ApiOperation({ summary: '签到: who attended' })
  attendance(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: Id, @Body() dto: AttendanceDto): Promise<MeetingView> {
    return this.meetings.attendance(user, id, dto.attendedUserIds);
  }

  @Post(':id/minutes')
  @HttpCode(200)
  @ApiOperation({ summary: '纪要, published' })
  minutes(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: Id, @Body() dto: MinutesDto): Promise<MeetingView> {
    return this.meetings.minutes(user, id, dto.minutes);
  }
}

@ApiTags('deliberation')
@ApiBearerAuth()
@Controller()
export class DeliberationBoardController {
  constructor(@Inject(BoardService) private readonly board: BoardService) {}

  @Get('deliberation/board')
  @ApiOperation({ summary: '公示栏: decisions, plans, reviews, progress and declined proposals' })
  list(@CurrentUser() user: AuthUser, @Query() q: BoardQuery): Promise<Page<BoardEntry>> {
    return this.board.board(user, q.communityId, q);
  }

  @Get('stats/deliberation')
  @Roles('committee_member', 'street_officer', 'district_officer', 'admin')
  @ApiOperation({ summary: 'Satisfaction with deliberation results beside satisfaction with tickets' })
  stats(@CurrentUser() user: AuthUser, @Query() q: DeliberationStatsQuery): Promise<DeliberationStats> {
    return this.board.satisfaction(user, q.communityId, q);
  }
}
