import { Controller, Get, HttpCode, Inject, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Min } from 'class-validator';
import { PageQuery } from '../common/paging.js';
import type { NotificationDeliveryStats, NotificationSubscriptions, NotificationView, Page } from '@linli/shared';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import { DeliveryStatsService, SUBSCRIBE_TAPS, type SubscribeTap } from './delivery-stats.service.js';
import { NotificationsService } from './notifications.service.js';

class SubscriptionsQuery {
  @ApiProperty({ enum: Object.keys(SUBSCRIBE_TAPS), description: 'report: a resident reporting; accept: a grid worker accepting; book: a resident booking or joining a waiting list' })
  @IsIn(Object.keys(SUBSCRIBE_TAPS))
  for: SubscribeTap;
}

class DeliveryStatsQuery {
  @ApiProperty() @Type(() => Number) @IsInt() @Min(1) communityId: number;
  @ApiPropertyOptional({ description: "First local day (YYYY-MM-DD), inclusive. Default: 29 days before `to`" }) @IsOptional() @IsString() from?: string;
  @ApiPropertyOptional({ description: "Last local day (YYYY-MM-DD), inclusive. Default: today in the community's time" }) @IsOptional() @IsString() to?: string;
}

class InboxQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @Transform(({ value }) => value === 'true' || value === true) @IsBoolean() unread?: boolean;
}

/** Each user's inbox: the outbox rows addressed to them. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(
    @Inject(NotificationsService) private readonly notifications: NotificationsService,
    @Inject(DeliveryStatsService) private readonly delivery: DeliveryStatsService,
  ) {}

  @Get('subscriptions')
  @ApiOperation({ summary: 'The subscribe-message template ids to request on this tap (at most 3)' })
  subscriptions(@Query() q: SubscriptionsQuery): NotificationSubscriptions {
    return this.delivery.subscriptions(q.for);
  }

  @Get()
  async inbox(@CurrentUser() user: AuthUser, @Query() q: InboxQuery): Promise<Page<NotificationView> & { unread: number }> {
    return this.notifications.inbox(user.id, q);
  }

  @Post(':id/read')
  @HttpCode(200)
  async read(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<NotificationView> {
    return this.notifications.markRead(user.id, id);
  }
}

/** What became of a community's notices as WeChat subscribe messages. */
@ApiTags('stats')
@ApiBearerAuth()
@Controller('stats')
@Roles('committee_member', 'street_officer', 'district_officer', 'admin')
export class DeliveryStatsController {
  constructor(@Inject(DeliveryStatsService) private readonly delivery: DeliveryStatsService) {}

  @Get('notifications')
  @ApiOperation({ summary: 'Subscribe-message outcomes (sent, skipped, failed, unknown…) per notification kind' })
  notifications(@CurrentUser() user: AuthUser, @Query() q: DeliveryStatsQuery): Promise<NotificationDeliveryStats> {
    return this.delivery.deliveryStats(user, q.communityId, q);
  }
}
