import type { EntityManager } from 'typeorm';
import { Notification } from './notification.entity.js';

export interface NotificationDraft {
  type: string;
  title: string;
  body: string;
  ticketId: number | null;
}

/** The outbox rows telling `userIds` (each once) of `draft`. */
export function notificationRows(userIds: Iterable<number>, draft: NotificationDraft, at: Date): Partial<Notification>[] {
  return [...new Set(userIds)].map((userId) => ({ userId, ...draft, body: draft.body.slice(0, 255), createdAt: at, readAt: null, deliveryStatus: 'pending' }));
}

/** Writes notifications into the outbox within the caller's transaction. */
export async function enqueueNotifications(em: EntityManager, userIds: Iterable<number>, draft: NotificationDraft, at: Date): Promise<void> {
  const rows = notificationRows(userIds, draft, at);
  if (rows.length > 0) await em.insert(Notification, rows);
}
