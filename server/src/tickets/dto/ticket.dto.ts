import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsLatitude,
  IsLongitude,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  ValidateBy,
  type ValidationOptions,
} from 'class-validator';
import { PageQuery } from '../../common/paging.js';
import { IsRealInstant } from '../../common/validators.js';
import {
  PHOTOS_MAX,
  RATINGS,
  REJECT_REASONS,
  TEXT_LIMITS,
  TICKET_STATUSES,
  cleanText,
  descriptionProblem,
  requiredTextProblem,
  type Rating,
  type RejectReason,
  type TicketStatus,
} from '@linli/shared';

/** Free text as stored: invisible and bidirectional-control characters dropped, outer spaces trimmed. */
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? cleanText(value) : value);
/** An id from a query string; a JSON body must send a number (`true` is not 1). */
const toId = ({ value }: { value: unknown }) => (typeof value === 'string' && /^\d{1,10}$/.test(value) ? Number(value) : value);

/** The shared rule decides, and its words are the message: the form and the API refuse the same texts alike. */
function SharedRule(name: string, problem: (value: string, dto: object) => string | null, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name,
      validator: {
        validate: (value, args) => typeof value === 'string' && problem(value, args!.object) === null,
        defaultMessage: (args) => (typeof args?.value === 'string' ? problem(args.value, args.object)! : `${args?.property} 应为文字`),
      },
    },
    options,
  );
}

const RequiredText = (min: number, max: number, what: string) => SharedRule(`text_${what}`, (v) => requiredTextProblem(v, min, max, what));

export class CreateTicketDto {
  @ApiPropertyOptional({ description: 'Left out, the matter waits in the dispatch queue for the committee to set it (待分类)' })
  @IsOptional()
  @Transform(toId)
  @IsInt()
  @Min(1)
  categoryId?: number;

  @ApiProperty({
    minLength: TEXT_LIMITS.descriptionMinWithPhoto,
    maxLength: TEXT_LIMITS.descriptionMax,
    description: `With a photo any length up to ${TEXT_LIMITS.descriptionMax}, empty included; ${TEXT_LIMITS.descriptionMin} characters at least without one`,
  })
  @Transform(trim)
  @SharedRule('description', (v, dto) => descriptionProblem(v, (dto as CreateTicketDto).photoIds?.length ?? 0))
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
  @ApiProperty({ minLength: TEXT_LIMITS.resolveNoteMin, maxLength: TEXT_LIMITS.resolveNoteMax })
  @Transform(trim)
  @RequiredText(TEXT_LIMITS.resolveNoteMin, TEXT_LIMITS.resolveNoteMax, '办理结果')
  note: string;

  @ApiPropertyOptional({ type: [Number] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(PHOTOS_MAX)
  @IsInt({ each: true })
  photoIds?: number[];
}

export class ReasonDto {
  @ApiProperty({ minLength: TEXT_LIMITS.reasonMin, maxLength: TEXT_LIMITS.reasonMax })
  @Transform(trim)
  @RequiredText(TEXT_LIMITS.reasonMin, TEXT_LIMITS.reasonMax, '原因')
  reason: string;
}

export class TransferTicketDto extends ReasonDto {
  @ApiProperty() @IsInt() @Min(1) toUserId: number;
}

export class DispatchTicketDto {
  @ApiProperty() @IsInt() @Min(1) toUserId: number;
}

export class CategoriseTicketDto {
  @ApiProperty() @IsInt({ message: '请选择报事类别' }) @Min(1, { message: '请选择报事类别' }) categoryId: number;
}

export class RejectTicketDto {
  @ApiProperty({ enum: REJECT_REASONS }) @IsIn(REJECT_REASONS as unknown as string[]) reason: RejectReason;
  @ApiPropertyOptional({ maxLength: TEXT_LIMITS.rejectNoteMax })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(TEXT_LIMITS.rejectNoteMax, { message: `说明不能超过${TEXT_LIMITS.rejectNoteMax}字` })
  note?: string;
}

export class MergeTicketDto {
  @ApiProperty({ description: 'The original ticket this one duplicates' }) @IsInt() @Min(1) intoTicketId: number;
}

export class RateTicketDto {
  @ApiProperty({ enum: RATINGS }) @IsIn(RATINGS as unknown as string[], { message: '评价只能是 满意、基本满意 或 不满意' }) rating: Rating;
  @ApiPropertyOptional({ maxLength: TEXT_LIMITS.ratingCommentMax })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(TEXT_LIMITS.ratingCommentMax, { message: `评价不能超过${TEXT_LIMITS.ratingCommentMax}字` })
  comment?: string;
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

  @ApiPropertyOptional() @IsOptional() @Transform(toId) @IsInt() categoryId?: number;
  @ApiPropertyOptional({ description: 'true: only matters without a category (待分类, waiting for the committee to set it); false: only those with one' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  uncategorised?: boolean;
  @ApiPropertyOptional() @IsOptional() @Transform(toId) @IsInt() gridId?: number;
  @ApiPropertyOptional() @IsOptional() @Transform(toId) @IsInt() communityId?: number;
  @ApiPropertyOptional() @IsOptional() @Transform(toBool) @IsBoolean() overdue?: boolean;
  @ApiPropertyOptional({ description: 'Reported at or after (ISO 8601)' }) @IsOptional() @IsRealInstant() from?: string;
  @ApiPropertyOptional({ description: 'Reported before (ISO 8601)' }) @IsOptional() @IsRealInstant() to?: string;
}

export class NearbyQuery {
  @ApiProperty() @Type(() => Number) @IsLatitude() lat: number;
  @ApiProperty() @Type(() => Number) @IsLongitude() lng: number;
  @ApiProperty() @Transform(toId) @IsInt() categoryId: number;
}
