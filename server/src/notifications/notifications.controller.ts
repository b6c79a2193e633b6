import { Controller, Get, HttpCode, Inject, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { PageQuery } from '../common/paging.js';
import type { NotificationView, Page } from '@linli/shared';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/decorators.js';
import { NotificationsService } from './notifications.service.js';

class InboxQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @Transform(({ value }) => value === 'true' || value === true) @IsBoolean() unread?: boolean;
}

/** Each user's inbox: the outbox rows addressed to them. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(@Inject(NotificationsService) private readonly notifications: NotificationsService) {}

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
