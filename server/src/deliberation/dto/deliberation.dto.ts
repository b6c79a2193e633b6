import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsString, Max, MaxLength, Min, ValidateBy } from 'class-validator';
import {
  BALLOT_CHOICES_LIST,
  RATINGS,
  TOPIC_PRIORITIES,
  TOPIC_SCOPES,
  TOPIC_STATUSES,
  TOPIC_TEXT_LIMITS as L,
  VOTE_RULE_KINDS,
  cleanText,
  isLocalDate,
  requiredTextProblem,
  type BallotChoice,
  type Rating,
  type TopicPriority,
  type TopicScope,
  type TopicStatus,
  type VoteRuleKind,
} from '@linli/shared';
import { PageQuery } from '../../common/paging.js';
import { IsRealInstant } from '../../common/validators.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? cleanText(value) : value);
const toId = ({ value }: { value: unknown }) => (typeof value === 'string' && /^\d{1,10}$/.test(value) ? Number(value) : value);

/** A required text held to the shared limits; the shared words are the message. */
function Text(min: number, max: number, what: string): PropertyDecorator {
  const problem = (v: unknown) => (typeof v === 'string' ? requiredTextProblem(v, min, max, what) : `请填写${what}`);
  return (target, key) => {
    ApiProperty({ minLength: min, maxLength: max })(target, key);
    Transform(trim)(target, key);
    ValidateBy({ name: `text_${what}`, validator: { validate: (v) => problem(v) === null, defaultMessage: (args) => problem(args?.value)! } })(target, key);
  };
}

/** The same, when given (absent or null is left out). */
function OptionalText(min: number, max: number, what: string): PropertyDecorator {
  const problem = (v: unknown) => (typeof v === 'string' ? requiredTextProblem(v, min, max, what) : `请填写${what}`);
  return (target, key) => {
    ApiPropertyOptional({ minLength: min, maxLength: max })(target, key);
    Transform(trim)(target, key);
    IsOptional()(target, key);
    ValidateBy({ name: `text_${what}`, validator: { validate: (v) => problem(v) === null, defaultMessage: (args) => problem(args?.value)! } })(target, key);
  };
}

export class CreateTopicDto {
  @Text(L.titleMin, L.titleMax, '议题标题') title: string;
  @Text(L.descriptionMin, L.descriptionMax, '议题说明') description: string;
  @ApiProperty({ enum: TOPIC_SCOPES }) @IsIn(TOPIC_SCOPES as unknown as string[], { message: '范围只能是 building、buildings、grid 或 community' }) scope: TopicScope;
  @ApiPropertyOptional({ type: [Number] }) @IsOptional() @IsArray() @ArrayMaxSize(200) @IsInt({ each: true }) buildingIds?: number[];
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) gridId?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) communityId?: number;
  @ApiPropertyOptional({ type: [Number] }) @IsOptional() @IsArray() @ArrayMaxSize(50) @IsInt({ each: true }) ticketIds?: number[];
}

export class ListTopicsQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @Transform(toId) @IsInt() @Min(1) communityId?: number;
  @ApiPropertyOptional({ enum: TOPIC_STATUSES, description: 'One stage, or several separated by commas' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',') : value))
  @IsIn(TOPIC_STATUSES as unknown as string[], { each: true })
  status?: TopicStatus[];
}

export class AcceptTopicDto {
  @ApiProperty({ enum: TOPIC_PRIORITIES }) @IsIn(TOPIC_PRIORITIES as unknown as string[], { message: '优先级只能是 urgent（急办）或 normal（一般）' }) priority: TopicPriority;
}

export class DeclineTopicDto {
  @Text(2, 200, '不予受理理由') reason: string;
}

export class TopicCommentDto {
  @Text(L.commentMin, L.commentMax, '意见') body: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) replyToId?: number;
}

export class TopicPlanDto {
  @Text(L.titleMin, L.titleMax, '方案标题') title: string;
  @Text(L.planBodyMin, L.planBodyMax, '方案内容') body: string;
}

export class TopicReviewDto {
  @Text(2, L.reviewerMax, '审查单位或专家') reviewer: string;
  @Text(L.opinionMin, L.opinionMax, '审查意见') opinion: string;
}

export class OpenVoteDto {
  @ApiProperty({ enum: VOTE_RULE_KINDS }) @IsIn(VOTE_RULE_KINDS as unknown as string[], { message: '请选择表决规则' }) rule: VoteRuleKind;
  @ApiPropertyOptional({ minimum: 0.01, maximum: 1, description: 'simple_majority only: the share of the roll that must vote (default 0.5)' })
  @IsOptional()
  @IsNumber()
  @Min(0.01)
  @Max(1)
  quorum?: number;
  @ApiProperty() @IsBoolean() secret: boolean;
  @ApiProperty({ format: 'date-time' }) @IsRealInstant() closesAt: string;
}

export class TopicTaskDto {
  @Text(L.taskTitleMin, L.taskTitleMax, '任务') title: string;
  @Text(2, L.taskOwnerMax, '责任方') owner: string;
  @ApiProperty({ format: 'date', example: '2026-12-31' })
  @ValidateBy({ name: 'localDate', validator: { validate: (v) => isLocalDate(v), defaultMessage: () => 'dueOn 须为日期，格式 YYYY-MM-DD' } })
  dueOn: string;
}

export class TopicTaskUpdateDto {
  @Text(L.progressNoteMin, L.progressNoteMax, '进展说明') note: string;
  @ApiProperty({ minimum: 0, maximum: 100 }) @IsInt() @Min(0) @Max(100) progress: number;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() done?: boolean;
}

export class TopicRateDto {
  @ApiProperty({ enum: RATINGS }) @IsIn(RATINGS as unknown as string[], { message: '评价只能是 满意、基本满意 或 不满意' }) rating: Rating;
  @ApiPropertyOptional({ maxLength: 300 }) @IsOptional() @Transform(trim) @IsString() @MaxLength(300, { message: '评价不能超过300字' }) comment?: string;
}

export class CastBallotDto {
  @ApiProperty({ enum: BALLOT_CHOICES_LIST }) @IsIn(BALLOT_CHOICES_LIST as unknown as string[], { message: '请选择 同意、反对 或 弃权' }) choice: BallotChoice;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) householdId?: number;
}

export class PaperBallotDto {
  @ApiProperty() @IsInt() @Min(1) householdId: number;
  @ApiProperty({ enum: BALLOT_CHOICES_LIST }) @IsIn(BALLOT_CHOICES_LIST as unknown as string[], { message: '请选择 同意、反对 或 弃权' }) choice: BallotChoice;
  @ApiProperty({ enum: ['paper', 'proxy'] }) @IsIn(['paper', 'proxy'], { message: '请选择 纸质表决票（paper）或 委托书（proxy）' }) channel: 'paper' | 'proxy';
  @ApiProperty({ description: 'An upload (POST /files) of the signed paper' }) @IsInt() @Min(1) photoId: number;
  @ApiPropertyOptional({ maxLength: L.proxyNameMax }) @IsOptional() @Transform(trim) @IsString() @MaxLength(L.proxyNameMax) proxyName?: string;
}

export class BoardQuery extends PageQuery {
  @ApiProperty() @Type(() => Number) @IsInt() @Min(1) communityId: number;
}

export class DeliberationStatsQuery {
  @ApiProperty() @Type(() => Number) @IsInt() @Min(1) communityId: number;
  @ApiPropertyOptional({ description: "First local day (YYYY-MM-DD), inclusive" }) @IsOptional() @IsString() from?: string;
  @ApiPropertyOptional({ description: 'Last local day (YYYY-MM-DD), inclusive' }) @IsOptional() @IsString() to?: string;
}

export class MeetingDto {
  @Text(L.taskTitleMin, L.taskTitleMax, '会议名称') title: string;
  @ApiProperty({ format: 'date-time' }) @IsRealInstant() startsAt: string;
  @ApiProperty({ format: 'date-time' }) @IsRealInstant() endsAt: string;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'A 场地 of 预约 in the community; its time is held for the meeting' }) @IsOptional() @IsInt() venueId?: number | null;
  @OptionalText(2, 100, '会议地点') place?: string;
  @ApiProperty({ minimum: 1, maximum: 1000 }) @IsInt() @Min(1) @Max(1000) capacity: number;
  @ApiProperty({ type: [String], maxItems: 10 }) @IsArray() @ArrayMaxSize(10) @IsString({ each: true }) @MaxLength(20, { each: true }) standingMembers: string[];
}

export class MeetingMoveDto {
  @ApiProperty({ format: 'date-time' }) @IsRealInstant() startsAt: string;
  @ApiProperty({ format: 'date-time' }) @IsRealInstant() endsAt: string;
  @Text(2, 200, '变更原因') reason: string;
}

export class MeetingCancelDto {
  @Text(2, 200, '取消原因') reason: string;
}

export class AttendanceDto {
  @ApiProperty({ type: [Number] }) @IsArray() @ArrayMaxSize(1000) @IsInt({ each: true }) attendedUserIds: number[];
}

export class MinutesDto {
  @Text(10, 5000, '会议纪要') minutes: string;
}
