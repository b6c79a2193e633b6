import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type DeliveryStatus = 'pending' | 'sent' | 'failed' | 'skipped';

/**
 * The outbox: written in the same transaction as the change it tells of.
 * The in-app inbox reads it; WeChat subscribe-message delivery reads `deliveryStatus`.
 */
@Entity('notifications')
@Index(['userId', 'id'])
@Index(['deliveryStatus', 'id'])
export class Notification {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @Column({ type: 'int' }) userId: number;
  @Column({ type: 'varchar', length: 32 }) type: string;
  @Column({ type: 'varchar', length: 64 }) title: string;
  @Column({ type: 'varchar', length: 255 }) body: string;
  @Column({ type: 'int', nullable: true }) ticketId: number | null;
  @Column({ type: 'datetime', precision: 3 }) createdAt: Date;
  @Column({ type: 'datetime', precision: 3, nullable: true }) readAt: Date | null;
  @Column({ type: 'varchar', length: 16 }) deliveryStatus: DeliveryStatus;
}
