import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, Min } from 'class-validator';
import type { StatsOverview, StatsTrend } from '@linli/shared';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import { Errors } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { StatsService } from './stats.service.js';

class StatsQuery {
  @ApiProperty() @Type(() => Number) @IsInt() @Min(1) communityId: number;
  @ApiPropertyOptional({ description: 'Start (inclusive, ISO 8601); default 30 days before `to`' }) @IsOptional() @IsISO8601() from?: string;
  @ApiPropertyOptional({ description: 'End (exclusive, ISO 8601); default now' }) @IsOptional() @IsISO8601() to?: string;
}

class TrendQuery extends StatsQuery {
  @ApiPropertyOptional({ enum: ['day', 'week', 'month'] }) @IsOptional() @IsIn(['day', 'week', 'month']) bucket?: 'day' | 'week' | 'month';
}

const MAX_RANGE_DAYS = 366 * 2;

@ApiTags('stats')
@ApiBearerAuth()
@Controller('stats')
@Roles('committee_member', 'street_officer', 'district_officer', 'admin')
export class StatsController {
  constructor(
    @Inject(StatsService) private readonly stats: StatsService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** 响应率, 解决率, 满意率, 按时办结率 and counts: definitions in docs/metrics.md. */
  @Get('overview')
  overview(@CurrentUser() user: AuthUser, @Query() q: StatsQuery): Promise<StatsOverview> {
    const { from, to } = this.range(q);
    return this.stats.overview(user, q.communityId, from, to);
  }

  @Get('trend')
  trend(@CurrentUser() user: AuthUser, @Query() q: TrendQuery): Promise<StatsTrend> {
    const { from, to } = this.range(q);
    return this.stats.trend(user, q.communityId, from, to, q.bucket ?? 'week');
  }

  private range(q: StatsQuery): { from: Date; to: Date } {
    const to = q.to ? new Date(q.to) : this.clock.now();
    const from = q.from ? new Date(q.from) : new Date(to.getTime() - 30 * 86_400_000);
    if (from >= to) throw Errors.validation('from 必须早于 to');
    if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * 86_400_000) throw Errors.validation('统计区间最长两年');
    return { from, to };
  }
}
