import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsLatitude,
  IsLongitude,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { PageQuery } from '../../common/paging.js';
import { DESCRIPTION_MAX, PHOTOS_MAX, RATING_COMMENT_MAX, RATINGS, REJECT_REASONS, TICKET_STATUSES, type Rating, type RejectReason, type TicketStatus } from '@linli/shared';

export class CreateTicketDto {
  @ApiProperty() @Type(() => Number) @IsInt() @Min(1) categoryId: number;

  @ApiProperty({ minLength: 1, maxLength: DESCRIPTION_MAX })
  @IsString()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @MinLength(1, { message: '请描述一下遇到的问题' })
  @MaxLength(DESCRIPTION_MAX, { message: `描述最多 ${DESCRIPTION_MAX} 字` })
  description: string;

  @ApiPropertyOptional({ type: [Number], maxItems: PHOTOS_MAX })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(PHOTOS_MAX, { message: `最多上传 ${PHOTOS_MAX} 张照片` })
  @IsInt({ each: true })
  photoIds?: number[];

  @ApiPropertyOptional() @IsOptional() @IsLatitude() lat?: number;
  @ApiPropertyOptional() @IsOptional() @IsLongitude() lng?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) buildingId?: number;
  @ApiPropertyOptional({ description: 'Hide the reporter from the public board and other residents' }) @IsOptional() @IsBoolean() anonymous?: boolean;
}

export class ResolveTicketDto {
  @ApiProperty({ maxLength: 500 }) @IsString() @IsNotEmpty({ message: '请填写办理结果' }) @MaxLength(500) note: string;

  @ApiPropertyOptional({ type: [Number] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(PHOTOS_MAX)
  @IsInt({ each: true })
  photoIds?: number[];
}

export class ReasonDto {
  @ApiProperty({ maxLength: 300 }) @IsString() @IsNotEmpty({ message: '请填写原因' }) @MaxLength(300) reason: string;
}

export class TransferTicketDto extends ReasonDto {
  @ApiProperty() @IsInt() @Min(1) toUserId: number;
}

export class DispatchTicketDto {
  @ApiProperty() @IsInt() @Min(1) toUserId: number;
}

export class RejectTicketDto {
  @ApiProperty({ enum: REJECT_REASONS }) @IsIn(REJECT_REASONS as unknown as string[]) reason: RejectReason;
  @ApiPropertyOptional({ maxLength: 300 }) @IsOptional() @IsString() @MaxLength(300) note?: string;
}

export class MergeTicketDto {
  @ApiProperty({ description: 'The original ticket this one duplicates' }) @IsInt() @Min(1) intoTicketId: number;
}

export class RateTicketDto {
  @ApiProperty({ enum: RATINGS }) @IsIn(RATINGS as unknown as string[], { message: '评价只能是 满意、基本满意 或 不满意' }) rating: Rating;
  @ApiPropertyOptional({ maxLength: RATING_COMMENT_MAX }) @IsOptional() @IsString() @MaxLength(RATING_COMMENT_MAX) comment?: string;
}

const toBool = ({ value }: { value: unknown }) => (value === 'true' || value === true ? true : value === 'false' || value === false ? false : value);

export class ListTicketsQuery extends PageQuery {
  @ApiProperty({ enum: ['mine', 'assigned', 'community', 'following'] })
  @IsIn(['mine', 'assigned', 'community', 'following'])
  scope: 'mine' | 'assigned' | 'community' | 'following';

  @ApiPropertyOptional({ enum: TICKET_STATUSES, description: 'One status, or several separated by commas' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',') : value))
  @IsIn(TICKET_STATUSES as unknown as string[], { each: true })
  status?: TicketStatus[];

  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() categoryId?: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() gridId?: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() communityId?: number;
  @ApiPropertyOptional() @IsOptional() @Transform(toBool) @IsBoolean() overdue?: boolean;
  @ApiPropertyOptional({ description: 'Reported at or after (ISO 8601)' }) @IsOptional() @IsISO8601() from?: string;
  @ApiPropertyOptional({ description: 'Reported before (ISO 8601)' }) @IsOptional() @IsISO8601() to?: string;
}

export class NearbyQuery {
  @ApiProperty() @Type(() => Number) @IsLatitude() lat: number;
  @ApiProperty() @Type(() => Number) @IsLongitude() lng: number;
  @ApiProperty() @Type(() => Number) @IsInt() categoryId: number;
}
