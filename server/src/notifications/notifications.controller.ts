import { Controller, Get, HttpCode, Inject, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { PageQuery, paging } from '../common/paging.js';
import { IsNull } from 'typeorm';
import type { NotificationView, Page } from '@linli/shared';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/decorators.js';
import { Errors } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { Db } from '../database/db.js';
import { Notification } from './notification.entity.js';

class InboxQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @Transform(({ value }) => value === 'true' || value === true) @IsBoolean() unread?: boolean;
}

function view(n: Notification): NotificationView {
  return { id: n.id, type: n.type, title: n.title, body: n.body, ticketId: n.ticketId, createdAt: n.createdAt.toISOString(), readAt: n.readAt?.toISOString() ?? null };
}

/** Each user's inbox: the outbox rows addressed to them. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  @Get()
  async inbox(@CurrentUser() user: AuthUser, @Query() q: InboxQuery): Promise<Page<NotificationView> & { unread: number }> {
    const { page, pageSize, skip, take } = paging(q);
    const where = q.unread ? { userId: user.id, readAt: IsNull() } : { userId: user.id };
    const [rows, total] = await this.db.manager.findAndCount(Notification, { where, order: { id: 'DESC' }, skip, take });
    const unread = await this.db.manager.countBy(Notification, { userId: user.id, readAt: IsNull() });
    return { items: rows.map(view), total, page, pageSize, unread };
  }

  @Post(':id/read')
  @HttpCode(200)
  async read(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<NotificationView> {
    const n = await this.db.manager.findOneBy(Notification, { id, userId: user.id });
    if (!n) throw Errors.notFound('通知');
    if (!n.readAt) {
      n.readAt = this.clock.now();
      await this.db.manager.update(Notification, { id, readAt: IsNull() }, { readAt: n.readAt });
    }
    return view(n);
  }
}
