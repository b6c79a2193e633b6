import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { BindingStatus } from '@linli/shared';

/** 居民绑定: a resident asks to be bound to a household; a committee member decides. */
@Entity('household_bindings')
@Index(['userId'])
@Index(['communityId', 'status'])
export class HouseholdBinding {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @Column({ type: 'int' }) userId: number;
  @Column({ type: 'int' }) householdId: number;
  @Column({ type: 'int' }) communityId: number;
  @Column({ type: 'varchar', length: 16 }) status: BindingStatus;
  @Column({ type: 'int', nullable: true }) decidedById: number | null;
  @Column({ type: 'datetime', precision: 3, nullable: true }) decidedAt: Date | null;
  /** Why the committee rejected or ended it. */
  @Column({ type: 'varchar', length: 200, nullable: true }) reason: string | null;
  /** When it ended (moving out, ended by the committee, 注销) or was withdrawn, and by whom. */
  @Column({ type: 'datetime', precision: 3, nullable: true }) endedAt: Date | null;
  @Column({ type: 'int', nullable: true }) endedById: number | null;
  @Column({ type: 'datetime', precision: 3 }) createdAt: Date;
}
