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
  @Column({ type: 'datetime', precision: 3 }) createdAt: Date;
}
