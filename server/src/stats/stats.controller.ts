import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Min } from 'class-validator';
import type { StatsOverview, StatsTrend, TrendBucket } from '@linli/shared';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import { StatsService } from './stats.service.js';

class StatsQuery {
  @ApiProperty() @Type(() => Number) @IsInt() @Min(1) communityId: number;
  @ApiPropertyOptional({ description: "First day, inclusive: a local date (YYYY-MM-DD) in the community's time. Default: 29 days before `to`", example: '2026-11-01' })
  @IsOptional()
  @IsString()
  from?: string;
  @ApiPropertyOptional({ description: "Last day, inclusive: a local date (YYYY-MM-DD) in the community's time. Default: today there", example: '2026-11-30' })
  @IsOptional()
  @IsString()
  to?: string;
}

class TrendQuery extends StatsQuery {
  @ApiPropertyOptional({ enum: ['day', 'week', 'month'], description: 'Local days, weeks from Monday, or calendar months' })
  @IsOptional()
  @IsIn(['day', 'week', 'month'])
  bucket?: TrendBucket;
}

@ApiTags('stats')
@ApiBearerAuth()
@Controller('stats')
@Roles('committee_member', 'street_officer', 'district_officer', 'admin')
export class StatsController {
  constructor(@Inject(StatsService) private readonly stats: StatsService) {}

  /** 响应率, 解决率, 满意率, 按时办结率 and counts over local days: definitions in docs/metrics.md. */
  @Get('overview')
  overview(@CurrentUser() user: AuthUser, @Query() q: StatsQuery): Promise<StatsOverview> {
    return this.stats.overview(user, q.communityId, q);
  }

  @Get('trend')
  trend(@CurrentUser() user: AuthUser, @Query() q: TrendQuery): Promise<StatsTrend> {
    return this.stats.trend(user, q.communityId, q, q.bucket ?? 'week');
  }
}
