import type { EntityManager } from 'typeorm';
import { Notification } from './notification.entity.js';

export interface NotificationDraft {
  type: string;
  title: string;
  body: string;
  ticketId: number | null;
}

/** Writes notifications into the outbox within the caller's transaction. */
export async function enqueueNotifications(em: EntityManager, userIds: Iterable<number>, draft: NotificationDraft, at: Date): Promise<void> {
  const rows = [...new Set(userIds)].map((userId) =>
    em.create(Notification, { userId, ...draft, body: draft.body.slice(0, 255), createdAt: at, readAt: null, deliveryStatus: 'pending' }),
  );
  if (rows.length > 0) await em.insert(Notification, rows);
}
