import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import { LEDGER_MAX_AREA_HUNDREDTHS, LEDGER_MAX_NAME, MEMBER_RELATIONS, SPECIAL_CARE_FLAGS, type MemberRelation, type SpecialCareFlag } from '@linli/shared';
import { PageQuery } from '../common/paging.js';
import { ReasonText } from '../common/reason-text.js';

/** Multipart fields arrive as text: `true`/`false` for booleans. */
const booleanText = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class LedgerImportDto {
  @ApiProperty() @Type(() => Number) @IsInt() @Min(1) communityId: number;
  @ApiProperty({ description: '`true`: report only; `false`: write the plan the dry run named (planHash)' }) @Transform(booleanText) @IsBoolean() dryRun: boolean;
  @ApiPropertyOptional({ description: 'JSON {"<row>": {"<column>": "<value>"}}: corrections over the file\'s rows' }) @IsOptional() @IsString() @MaxLength(256 * 1024) fixes?: string;
  @ApiPropertyOptional({ description: "On confirm: the dry run's planHash" }) @IsOptional() @IsString() @MaxLength(64) planHash?: string;
  @ApiPropertyOptional({ description: 'On confirm: comma-separated ids of `missing` members who have left' }) @IsOptional() @IsString() @MaxLength(64 * 1024) endMemberIds?: string;
}

export class GridImportDto {
  @ApiProperty() @Type(() => Number) @IsInt() @Min(1) communityId: number;
  @ApiProperty() @Transform(booleanText) @IsBoolean() dryRun: boolean;
}

export class LedgerHouseholdsQueryDto extends PageQuery {
  @ApiProperty() @Type(() => Number) @IsInt() @Min(1) communityId: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) buildingId?: number;
  @ApiPropertyOptional({ description: 'Part of a door number or a member\'s name' }) @IsOptional() @IsString() @MaxLength(32) q?: string;
}

export class LedgerSpecialCareQueryDto {
  @ApiProperty() @Type(() => Number) @IsInt() @Min(1) communityId: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) gridId?: number;
  @ApiPropertyOptional({ enum: SPECIAL_CARE_FLAGS }) @IsOptional() @IsIn(SPECIAL_CARE_FLAGS) flag?: SpecialCareFlag;
}

export class LedgerExportQueryDto {
  @ApiProperty() @Type(() => Number) @IsInt() @Min(1) communityId: number;
  @ApiPropertyOptional({ enum: ['masked', 'whole'], description: '`whole`: phones unmasked (logged); such a file imports again unchanged' })
  @IsOptional()
  @IsIn(['masked', 'whole'])
  phones?: 'masked' | 'whole';
}

export class LedgerHouseholdEditDto {
  @ApiProperty({ type: 'integer', nullable: true, description: '专有部分面积 in hundredths of m²' })
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(1)
  @Max(LEDGER_MAX_AREA_HUNDREDTHS)
  areaHundredths: number | null;
  @ApiProperty() @IsInt() @Min(1) version: number;
}

export class LedgerMemberDto {
  @ApiProperty({ maxLength: LEDGER_MAX_NAME }) @IsString() @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value)) @MinLength(1) @MaxLength(LEDGER_MAX_NAME) name: string;
  @ApiPropertyOptional({ type: 'string', nullable: true, description: '11 digits; null or absent: none (on an edit: unchanged when absent)' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(20)
  phone?: string | null;
  @ApiProperty({ enum: MEMBER_RELATIONS }) @IsIn(MEMBER_RELATIONS) relation: MemberRelation;
  @ApiPropertyOptional({ type: 'integer', nullable: true }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsInt() @Min(1900) @Max(2100) birthYear?: number | null;
  @ApiPropertyOptional({ enum: SPECIAL_CARE_FLAGS, isArray: true }) @IsOptional() @IsArray() @ArrayMaxSize(SPECIAL_CARE_FLAGS.length) @IsIn(SPECIAL_CARE_FLAGS, { each: true }) specialCare?: SpecialCareFlag[];
}

export class LedgerMemberEditDto extends LedgerMemberDto {
  @ApiProperty() @IsInt() @Min(1) version: number;
}

export class LedgerEndMemberDto {
  @ReasonText() reason: string;
}
