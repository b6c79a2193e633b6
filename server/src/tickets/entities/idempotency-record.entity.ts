import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** The first answer to a request sent with an Idempotency-Key, so a retry gets it again. */
@Entity('idempotency_records')
@Index(['userId', 'key'], { unique: true })
@Index(['createdAt'])
export class IdempotencyRecord {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @Column({ type: 'int' }) userId: number;
  @Column({ type: 'varchar', length: 80 }) key: string;
  /** Hash of the request body: the same key with another body is refused. */
  @Column({ type: 'varchar', length: 64 }) requestHash: string;
  @Column({ type: 'int' }) ticketId: number;
  @Column({ type: 'datetime', precision: 3 }) createdAt: Date;
}
