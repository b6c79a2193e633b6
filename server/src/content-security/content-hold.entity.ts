import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A text stored but held off what others read (the public board, neighbours' views) until a committee
 * member of its community releases it: WeChat's check said review, or the text could not be checked.
 */
@Entity('content_holds')
@Index(['communityId', 'releasedAt', 'id'])
@Index(['ticketId'])
@Index(['bookingId'])
export class ContentHold {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @Column({ type: 'int', nullable: true }) communityId: number | null;
  @Column({ type: 'int', nullable: true }) ticketId: number | null;
  /** 预约: the booking whose rating comment it is. */
  @Column({ type: 'int', nullable: true }) bookingId: number | null;
  /** Who wrote it. */
  @Column({ type: 'int' }) userId: number;
  /** description, ratingComment, nickname… */
  @Column({ type: 'varchar', length: 32 }) field: string;
  @Column({ type: 'varchar', length: 500 }) text: string;
  /** review (WeChat asks for a person to look), unavailable, no_recent_visit, not_configured. */
  @Column({ type: 'varchar', length: 32 }) reason: string;
  @Column({ type: 'varchar', length: 64, nullable: true }) traceId: string | null;
  @Column({ type: 'datetime', precision: 3 }) createdAt: Date;
  @Column({ type: 'datetime', precision: 3, nullable: true }) releasedAt: Date | null;
  @Column({ type: 'int', nullable: true }) releasedById: number | null;
}
