import { Inject, Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import type { NotificationView, Page } from '@linli/shared';
import { Errors } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { paging, type PageQuery } from '../common/paging.js';
import { Db } from '../database/db.js';
import { Notification } from './notification.entity.js';

function view(n: Notification): NotificationView {
  return { id: n.id, type: n.type, title: n.title, body: n.body, ticketId: n.ticketId, bookingId: n.bookingId, topicId: n.topicId, createdAt: n.createdAt.toISOString(), readAt: n.readAt?.toISOString() ?? null };
}

/** Each user's inbox: the outbox rows addressed to them. */
@Injectable()
export class NotificationsService {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async inbox(userId: number, q: PageQuery & { unread?: boolean }): Promise<Page<NotificationView> & { unread: number }> {
    const { page, pageSize, skip, take } = paging(q);
    const where = q.unread ? { userId, readAt: IsNull() } : { userId };
    const [rows, total] = await this.db.manager.findAndCount(Notification, { where, order: { id: 'DESC' }, skip, take });
    const unread = await this.db.manager.countBy(Notification, { userId, readAt: IsNull() });
    return { items: rows.map(view), total, page, pageSize, unread };
  }

  /** Reading twice keeps the first time. */
  async markRead(userId: number, id: number): Promise<NotificationView> {
    const n = await this.db.manager.findOneBy(Notification, { id, userId });
    if (!n) throw Errors.notFound('通知');
    if (!n.readAt) {
      n.readAt = this.clock.now();
      await this.db.manager.update(Notification, { id, readAt: IsNull() }, { readAt: n.readAt });
    }
    return view(n);
  }
}
