import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Min } from 'class-validator';
import { AUDIT_ACTIONS, type AuditAction } from '@linli/shared';
import { PageQuery } from '../common/paging.js';
import { IsRealInstant } from '../common/validators.js';

export class AuditQueryDto extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) communityId?: number;
  @ApiPropertyOptional({ enum: AUDIT_ACTIONS }) @IsOptional() @IsIn(AUDIT_ACTIONS as unknown as string[]) action?: AuditAction;
  @ApiPropertyOptional({ description: 'At or after (ISO 8601)' }) @IsOptional() @IsRealInstant() from?: string;
  @ApiPropertyOptional({ description: 'Before (ISO 8601)' }) @IsOptional() @IsRealInstant() to?: string;
}
