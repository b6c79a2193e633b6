import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type PhotoCheckStatus = 'pending' | 'pass' | 'review' | 'risky' | 'unchecked';

@Entity('files')
// A user's uploads in time order: the per-user rate and daily quota count them.
@Index(['ownerId', 'createdAt'])
// Photos nobody attached: housekeeping removes them after a day.
@Index(['attachedAt', 'createdAt'])
export class StoredFile {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  /** Unguessable name; the public URL is /api/files/<key>. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 }) key: string;
  @Column({ type: 'int' }) ownerId: number;
  @Column({ type: 'varchar', length: 32 }) mimeType: string;
  @Column({ type: 'int' }) size: number;
  @Column({ type: 'datetime', precision: 3 }) createdAt: Date;
  /** When a report or a result first used it; null until then. */
  @Column({ type: 'datetime', precision: 3, nullable: true }) attachedAt: Date | null;
  /** mediaCheckAsync's trace id, which its verdict push names; null when it was not checked. */
  @Index()
  @Column({ type: 'varchar', length: 64, nullable: true }) checkTraceId: string | null;
  /** pending (WeChat asked), pass, review (WeChat unsure: stays visible), risky (hidden everywhere), unchecked (WeChat could not be asked). */
  @Column({ type: 'varchar', length: 16, nullable: true }) checkStatus: PhotoCheckStatus | null;
}
