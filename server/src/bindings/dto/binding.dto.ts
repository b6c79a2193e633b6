import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Min } from 'class-validator';
import { BINDING_STATUSES, type BindingStatus } from '@linli/shared';
import { ReasonText } from '../../common/reason-text.js';

export class BindDto {
  @ApiProperty() @IsInt() @Min(1) householdId: number;
}

export class BindingsQuery {
  @ApiPropertyOptional({ enum: BINDING_STATUSES }) @IsOptional() @IsIn(BINDING_STATUSES) status?: BindingStatus;
}

/** Rejecting a request or ending a binding needs a reason the resident reads. */
export class BindingReasonDto {
  @ReasonText() reason: string;
}
