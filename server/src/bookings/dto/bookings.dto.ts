import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import {
  BOOKING_STATUSES,
  ELIGIBILITY_RULES,
  RATINGS,
  SERVICE_FAMILIES,
  TEXT_LIMITS,
  cleanText,
  type BookingHelpStatus,
  type BookingRole,
  type BookingStatus,
  type EligibilityRule,
  type Rating,
  type ServiceFamily,
  type ServiceMode,
} from '@linli/shared';
import { PageQuery } from '../../common/paging.js';
import { ReasonText } from '../../common/reason-text.js';
import { IsRealInstant } from '../../common/validators.js';
import { BOOKING_LIMITS } from '../booking-limits.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? cleanText(value) : value);
const toId = ({ value }: { value: unknown }) => (typeof value === 'string' && /^\d{1,10}$/.test(value) ? Number(value) : value);
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export class ServicesQueryDto {
  @ApiPropertyOptional() @IsOptional() @Transform(toId) @IsInt() @Min(1) communityId?: number;
  @ApiPropertyOptional({ enum: SERVICE_FAMILIES }) @IsOptional() @IsIn(SERVICE_FAMILIES as unknown as string[], { message: '服务类别应为 政务、生活、法律、文体、关爱 或 场地' }) family?: ServiceFamily;
  @ApiPropertyOptional({ maxLength: 32 }) @IsOptional() @Transform(trim) @IsString() @MaxLength(32, { message: '搜索词不能超过32字' }) q?: string;
}

export class ServiceItemDto {
  @ApiProperty() @IsInt() @Min(1) communityId: number;
  @ApiProperty({ enum: SERVICE_FAMILIES }) @IsIn(SERVICE_FAMILIES as unknown as string[], { message: '服务类别应为 政务、生活、法律、文体、关爱 或 场地' }) family: ServiceFamily;
  @ApiProperty({ minLength: BOOKING_LIMITS.nameMin, maxLength: BOOKING_LIMITS.nameMax }) @Transform(trim) @IsString() @MinLength(BOOKING_LIMITS.nameMin, { message: `服务名称至少${BOOKING_LIMITS.nameMin}个字` }) @MaxLength(BOOKING_LIMITS.nameMax, { message: `服务名称不能超过${BOOKING_LIMITS.nameMax}字` }) name: string;
  @ApiPropertyOptional({ type: Number, nullable: true }) @IsOptional() @IsInt() @Min(1) organisationId?: number | null;
  @ApiProperty({ minLength: BOOKING_LIMITS.placeMin, maxLength: BOOKING_LIMITS.placeMax }) @Transform(trim) @IsString() @MinLength(BOOKING_LIMITS.placeMin, { message: `服务地点至少${BOOKING_LIMITS.placeMin}个字` }) @MaxLength(BOOKING_LIMITS.placeMax, { message: `服务地点不能超过${BOOKING_LIMITS.placeMax}字` }) place: string;
  @ApiPropertyOptional({ maxLength: BOOKING_LIMITS.descriptionMax }) @IsOptional() @Transform(trim) @IsString() @MaxLength(BOOKING_LIMITS.descriptionMax, { message: `服务说明不能超过${BOOKING_LIMITS.descriptionMax}字` }) description?: string;
  @ApiPropertyOptional({ type: [String], maxItems: BOOKING_LIMITS.documentsMax })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(BOOKING_LIMITS.documentsMax, { message: `所需材料最多${BOOKING_LIMITS.documentsMax}项` })
  @IsString({ each: true })
  @MaxLength(BOOKING_LIMITS.documentMax, { each: true, message: `每项材料不能超过${BOOKING_LIMITS.documentMax}字` })
  documents?: string[];
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: BOOKING_LIMITS.durationMax }) @IsOptional() @IsString() @MaxLength(BOOKING_LIMITS.durationMax, { message: `办理时长不能超过${BOOKING_LIMITS.durationMax}字` }) duration?: string | null;
  @ApiPropertyOptional({ enum: ELIGIBILITY_RULES, isArray: true }) @IsOptional() @IsArray() @IsIn(ELIGIBILITY_RULES as unknown as string[], { each: true }) eligibility?: EligibilityRule[];
  @ApiPropertyOptional({ enum: ['slots', 'units'] }) @IsOptional() @IsIn(['slots', 'units']) mode?: ServiceMode;
  @ApiPropertyOptional({ minimum: 0, maximum: BOOKING_LIMITS.advanceDaysMax }) @IsOptional() @IsInt() @Min(0) @Max(BOOKING_LIMITS.advanceDaysMax) advanceDays?: number;
  @ApiPropertyOptional({ minimum: 0, maximum: BOOKING_LIMITS.cutoffMinutesMax }) @IsOptional() @IsInt() @Min(0) @Max(BOOKING_LIMITS.cutoffMinutesMax) cancelCutoffMinutes?: number;
  @ApiPropertyOptional({ minimum: 1, maximum: BOOKING_LIMITS.perLimitMax }) @IsOptional() @IsInt() @Min(1) @Max(BOOKING_LIMITS.perLimitMax) perPersonLimit?: number;
  @ApiPropertyOptional({ minimum: 1, maximum: BOOKING_LIMITS.perLimitMax }) @IsOptional() @IsInt() @Min(1) @Max(BOOKING_LIMITS.perLimitMax) perHouseholdLimit?: number;
  @ApiPropertyOptional({ minimum: 0, maximum: BOOKING_LIMITS.capacityMax }) @IsOptional() @IsInt() @Min(0) @Max(BOOKING_LIMITS.capacityMax) volunteerPlaces?: number;
  @ApiPropertyOptional({ minimum: 0, maximum: BOOKING_LIMITS.volunteerMinutesMax }) @IsOptional() @IsInt() @Min(0) @Max(BOOKING_LIMITS.volunteerMinutesMax) volunteerMinutes?: number;
  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 1, maximum: BOOKING_LIMITS.hoursPriceMax }) @IsOptional() @IsInt() @Min(1) @Max(BOOKING_LIMITS.hoursPriceMax, { message: `兑换所需志愿时长不能超过${BOOKING_LIMITS.hoursPriceMax}分钟` }) hoursPrice?: number | null;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
}

export class ServiceActiveDto {
  @ApiProperty() @IsBoolean({ message: 'active 应为 true（启用）或 false（停用）' }) active: boolean;
}

export class SlotsQueryDto {
  @ApiPropertyOptional({ format: 'date' }) @IsOptional() @Matches(LOCAL_DATE, { message: 'from 应为日期，如 2026-11-23' }) from?: string;
  @ApiPropertyOptional({ format: 'date' }) @IsOptional() @Matches(LOCAL_DATE, { message: 'to 应为日期，如 2026-11-23' }) to?: string;
}

export class SlotDto {
  @ApiProperty({ format: 'date-time' }) @IsRealInstant() startsAt: string;
  @ApiProperty({ format: 'date-time' }) @IsRealInstant() endsAt: string;
  @ApiProperty({ minimum: 1, maximum: BOOKING_LIMITS.capacityMax }) @IsInt() @Min(1) @Max(BOOKING_LIMITS.capacityMax) capacity: number;
  @ApiPropertyOptional({ minimum: 0, maximum: BOOKING_LIMITS.capacityMax }) @IsOptional() @IsInt() @Min(0) @Max(BOOKING_LIMITS.capacityMax) volunteerCapacity?: number;
}

export class SlotEditDto {
  @ApiPropertyOptional({ minimum: 1, maximum: BOOKING_LIMITS.capacityMax }) @IsOptional() @IsInt() @Min(1) @Max(BOOKING_LIMITS.capacityMax) capacity?: number;
  @ApiPropertyOptional({ minimum: 0, maximum: BOOKING_LIMITS.capacityMax }) @IsOptional() @IsInt() @Min(0) @Max(BOOKING_LIMITS.capacityMax) volunteerCapacity?: number;
}

export class SlotMoveDto {
  @ApiProperty({ format: 'date-time' }) @IsRealInstant() startsAt: string;
  @ApiProperty({ format: 'date-time' }) @IsRealInstant() endsAt: string;
  @ReasonText() reason: string;
}

export class SlotCloseDto {
  @ReasonText() reason: string;
}

export class WeeklySlotRuleDto {
  @ApiProperty({ minimum: 1, maximum: 7 }) @IsInt() @Min(1) @Max(7) weekday: number;
  @ApiProperty({ example: '09:00' }) @Matches(CLOCK_TIME, { message: '开始时间应为 09:00 这样的时刻' }) start: string;
  @ApiProperty({ example: '10:30' }) @Matches(CLOCK_TIME, { message: '结束时间应为 10:30 这样的时刻' }) end: string;
  @ApiProperty({ minimum: 1, maximum: BOOKING_LIMITS.capacityMax }) @IsInt() @Min(1) @Max(BOOKING_LIMITS.capacityMax) capacity: number;
  @ApiPropertyOptional({ minimum: 0, maximum: BOOKING_LIMITS.capacityMax }) @IsOptional() @IsInt() @Min(0) @Max(BOOKING_LIMITS.capacityMax) volunteerCapacity?: number;
}

export class ScheduleDto {
  @ApiProperty({ type: [WeeklySlotRuleDto], maxItems: 70 })
  @IsArray()
  @ArrayMaxSize(70, { message: '每周时段最多70个' })
  @ValidateNested({ each: true })
  @Type(() => WeeklySlotRuleDto)
  weekly: WeeklySlotRuleDto[];
}

export class ClosureDto {
  @ApiProperty({ format: 'date' }) @Matches(LOCAL_DATE, { message: 'date 应为日期，如 2026-11-23' }) date: string;
  @ReasonText() reason: string;
}

export class CreateBookingDto {
  @ApiProperty() @IsInt() @Min(1) slotId: number;
  @ApiPropertyOptional({ description: '代办: the resident a grid worker books for' }) @IsOptional() @IsInt() @Min(1) forUserId?: number;
  @ApiPropertyOptional({ enum: ['participant', 'volunteer'] }) @IsOptional() @IsIn(['participant', 'volunteer'], { message: 'role 应为 participant（参加）或 volunteer（志愿者）' }) role?: BookingRole;
  @ApiPropertyOptional({ enum: ['place', 'waitlist'] }) @IsOptional() @IsIn(['place', 'waitlist'], { message: "join 应为 place（预约名额）或 waitlist（加入候补）" }) join?: 'place' | 'waitlist';
  @ApiPropertyOptional() @IsOptional() @IsBoolean() payWithHours?: boolean;
}

export class BookingsQueryDto extends PageQuery {
  @ApiProperty({ enum: ['mine', 'booked_for_others'] }) @IsIn(['mine', 'booked_for_others'], { message: 'scope 应为 mine 或 booked_for_others' }) scope: 'mine' | 'booked_for_others';
  @ApiPropertyOptional({ enum: BOOKING_STATUSES, description: 'One status, or several separated by commas' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',') : value))
  @IsIn(BOOKING_STATUSES as unknown as string[], { each: true })
  status?: BookingStatus[];
  @ApiPropertyOptional({ enum: ['upcoming', 'past'] }) @IsOptional() @IsIn(['upcoming', 'past']) when?: 'upcoming' | 'past';
}

export class BookingRateDto {
  @ApiProperty({ enum: RATINGS }) @IsIn(RATINGS as unknown as string[], { message: '评价只能是 满意、基本满意 或 不满意' }) rating: Rating;
  @ApiPropertyOptional({ maxLength: TEXT_LIMITS.ratingCommentMax })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(TEXT_LIMITS.ratingCommentMax, { message: `评价不能超过${TEXT_LIMITS.ratingCommentMax}字` })
  comment?: string;
}

export class CheckInByCodeDto {
  @ApiProperty() @IsInt() @Min(1) slotId: number;
  @ApiProperty({ example: '042317' }) @Transform(trim) @Matches(/^\d{6}$/, { message: '签到码为6位数字，请核对后重新输入' }) code: string;
}

export class RosterExportQueryDto {
  @ApiProperty() @Transform(toId) @IsInt() @Min(1) slotId: number;
}

export class DayRosterExportQueryDto {
  @ApiProperty() @Transform(toId) @IsInt() @Min(1) serviceId: number;
  @ApiProperty({ format: 'date', description: "A local day of the item's community" }) @Matches(LOCAL_DATE, { message: 'date 应为日期，如 2026-11-23' }) date: string;
}

export class BookingHelpDto {
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) serviceId?: number;
  @ApiPropertyOptional({ maxLength: BOOKING_LIMITS.helpNoteMax }) @IsOptional() @Transform(trim) @IsString() @MaxLength(BOOKING_LIMITS.helpNoteMax, { message: `说明不能超过${BOOKING_LIMITS.helpNoteMax}字` }) note?: string;
}

export class BookingHelpQueryDto {
  @ApiProperty({ enum: ['mine', 'grid'] }) @IsIn(['mine', 'grid'], { message: 'scope 应为 mine 或 grid' }) scope: 'mine' | 'grid';
  @ApiPropertyOptional({ enum: ['open', 'done', 'withdrawn'] }) @IsOptional() @IsIn(['open', 'done', 'withdrawn']) status?: BookingHelpStatus;
  @ApiPropertyOptional() @IsOptional() @Transform(toId) @IsInt() @Min(1) gridId?: number;
}

export class BookingHelpDoneDto {
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) bookingId?: number;
}

export class BookingStatsQueryDto {
  @ApiProperty() @Transform(toId) @IsInt() @Min(1) communityId: number;
  @ApiPropertyOptional({ format: 'date' }) @IsOptional() @Matches(LOCAL_DATE, { message: 'from 应为日期，如 2026-11-23' }) from?: string;
  @ApiPropertyOptional({ format: 'date' }) @IsOptional() @Matches(LOCAL_DATE, { message: 'to 应为日期，如 2026-11-23' }) to?: string;
}
