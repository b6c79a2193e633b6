import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { DeliveryStatus, NoticeAudience } from '@linli/shared';

/**
 * The outbox: written in the same transaction as the change it tells of.
 * The in-app inbox reads it; the delivery worker sends it as WeChat subscribe messages and records
 * the outcome on the row (docs/architecture.md, "Subscribe messages").
 */
@Entity('notifications')
@Index(['userId', 'id'])
@Index(['deliveryStatus', 'deliverAfter'])
@Index(['communityId', 'createdAt', 'type', 'deliveryStatus'])
export class Notification {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @Column({ type: 'int' }) userId: number;
  @Column({ type: 'varchar', length: 32 }) type: string;
  @Column({ type: 'varchar', length: 64 }) title: string;
  @Column({ type: 'varchar', length: 255 }) body: string;
  @Column({ type: 'int', nullable: true }) ticketId: number | null;
  /** The topic (议事) it tells of, for notices written by deliberation/. */
  @Column({ type: 'int', nullable: true }) topicId: number | null;
  /** The booking a 预约 notice is about (its page); null otherwise. */
  @Column({ type: 'int', nullable: true }) bookingId: number | null;
  /** The community the notice is about, for its figures (GET /api/stats/notifications). */
  @Column({ type: 'int', nullable: true }) communityId: number | null;
  /** How the recipient reads the ticket: which page the subscribe message opens. */
  @Column({ type: 'varchar', length: 16, nullable: true }) audience: NoticeAudience | null;
  @Column({ type: 'datetime', precision: 3 }) createdAt: Date;
  @Column({ type: 'datetime', precision: 3, nullable: true }) readAt: Date | null;
  @Column({ type: 'varchar', length: 16 }) deliveryStatus: DeliveryStatus;
  /** A pending row is claimed from this time on (later after a failure: the backoff); null once final. */
  @Column({ type: 'datetime', precision: 3, nullable: true }) deliverAfter: Date | null;
  /** When a worker marked it `sending`: a claim older than the claim timeout belongs to a dead process. */
  @Column({ type: 'datetime', precision: 3, nullable: true }) deliveryClaimedAt: Date | null;
  @Column({ type: 'int', default: 0 }) deliveryAttempts: number;
  /** Why it was skipped, failed or is unknown: a WeChat error code (47003 with its field), no_openid, no_template, timeout… */
  @Column({ type: 'varchar', length: 64, nullable: true }) deliveryReason: string | null;
}
