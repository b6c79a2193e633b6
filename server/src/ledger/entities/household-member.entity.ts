import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { MemberRelation } from '@linli/shared';

/** A person (a `users` row) in a household of the ledger, as 业主, 租户 or 家属. Ended (已迁出), never deleted. */
@Entity('household_members')
@Index(['householdId'])
@Index(['userId'])
@Index(['communityId', 'endedAt'])
export class HouseholdMember {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @Column({ type: 'int' }) householdId: number;
  @Column({ type: 'int' }) userId: number;
  @Column({ type: 'int' }) communityId: number;
  @Column({ type: 'varchar', length: 16 }) relation: MemberRelation;
  @Column({ type: 'datetime', precision: 3 }) startedAt: Date;
  @Column({ type: 'datetime', precision: 3, nullable: true }) endedAt: Date | null;
  @Column({ type: 'int', nullable: true }) endedById: number | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) endReason: string | null;
  /** Optimistic lock: an edit of the member or of their person details carries it. */
  @Column({ type: 'int', default: 1 }) version: number;
}
