import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Min } from 'class-validator';
import { ListTicketsQuery } from '../tickets/dto/ticket.dto.js';

/** The ticket list's filters (validated as the list validates them), and whether phones come whole. */
export class TicketExportQueryDto extends OmitType(ListTicketsQuery, ['scope', 'page', 'pageSize'] as const) {
  @ApiPropertyOptional({ enum: ['masked', 'whole'], description: '`whole` shows reporters\' phones unmasked; logged in the audit trail' })
  @IsOptional()
  @IsIn(['masked', 'whole'])
  phones?: 'masked' | 'whole';
}

export class RatesExportQueryDto {
  @ApiProperty() @Type(() => Number) @IsInt() @Min(1) communityId: number;
  @ApiPropertyOptional({ description: "First local day (YYYY-MM-DD), inclusive; default 29 days before `to`" }) @IsOptional() @IsString() from?: string;
  @ApiPropertyOptional({ description: 'Last local day (YYYY-MM-DD), inclusive; default today there' }) @IsOptional() @IsString() to?: string;
}
