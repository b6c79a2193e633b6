import type { EntityManager } from 'typeorm';
import type { NoticeAudience } from '@linli/shared';
import { Notification } from './notification.entity.js';

export interface NotificationDraft {
  type: string;
  title: string;
  body: string;
  ticketId: number | null;
  /** The topic (议事) it tells of. */
  topicId?: number | null;
  /** The booking a 预约 notice is about. */
  bookingId?: number | null;
  /** The community the notice is about, for its delivery figures; null when it concerns none in particular. */
  communityId?: number | null;
}

/** The outbox rows telling `userIds` (each once) of `draft`, waiting for delivery from `at`. */
export function notificationRows(userIds: Iterable<number>, draft: NotificationDraft, at: Date, audience: NoticeAudience | null = null): Partial<Notification>[] {
  return [...new Set(userIds)].map((userId) => ({
    userId,
    ...draft,
    communityId: draft.communityId ?? null,
    topicId: draft.topicId ?? null,
    bookingId: draft.bookingId ?? null,
    body: draft.body.slice(0, 255),
    audience,
    createdAt: at,
    readAt: null,
    deliveryStatus: 'pending',
    deliverAfter: at,
    deliveryClaimedAt: null,
    deliveryAttempts: 0,
    deliveryReason: null,
  }));
}

/** Writes notifications into the outbox within the caller's transaction. */
export async function enqueueNotifications(em: EntityManager, userIds: Iterable<number>, draft: NotificationDraft, at: Date, audience: NoticeAudience | null = null): Promise<void> {
  const rows = notificationRows(userIds, draft, at, audience);
  if (rows.length > 0) await em.insert(Notification, rows);
}
