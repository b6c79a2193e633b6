import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { ClaimStatus } from '@linli/shared';

/**
 * 认领: a WeChat user (claimant) proved the phone of a staff-created account that holds a staff role.
 * A phone number can be recycled, so the role passes only when a committee member or officer confirms.
 */
@Entity('account_claims')
@Index(['accountId', 'status'])
@Index(['claimantId'])
export class AccountClaim {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  /** The staff-created record, which survives the merge. */
  @Column({ type: 'int' }) accountId: number;
  /** The fresh WeChat account, merged into `accountId` on confirmation. */
  @Column({ type: 'int' }) claimantId: number;
  @Column({ type: 'varchar', length: 20 }) phone: string;
  @Column({ type: 'varchar', length: 16 }) status: ClaimStatus;
  @Column({ type: 'varchar', length: 200, nullable: true }) reason: string | null;
  @Column({ type: 'int', nullable: true }) decidedById: number | null;
  @Column({ type: 'datetime', precision: 3, nullable: true }) decidedAt: Date | null;
  @Column({ type: 'datetime', precision: 3 }) createdAt: Date;
}
