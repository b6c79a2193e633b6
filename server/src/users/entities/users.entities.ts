import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from '@linli/shared';

@Entity('users')
export class User {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @Column({ type: 'varchar', length: 64 }) name: string;
  @Column({ type: 'varchar', length: 20, nullable: true }) phone: string | null;
  /** WeChat openid of this mini-program; null for users created by hand. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64, nullable: true }) openid: string | null;
  @Column({ type: 'datetime', precision: 3 }) createdAt: Date;
}

/**
 * A role held in a place. The most specific place set says where:
 * a grid worker has gridId (and its community), a committee member communityId,
 * a street officer streetId, a district officer districtId.
 */
@Entity('role_assignments')
@Index(['userId'])
@Index(['role', 'gridId'])
@Index(['role', 'communityId'])
export class RoleAssignment {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @Column({ type: 'int' }) userId: number;
  @Column({ type: 'varchar', length: 32 }) role: Role;
  @Column({ type: 'int', nullable: true }) districtId: number | null;
  @Column({ type: 'int', nullable: true }) streetId: number | null;
  @Column({ type: 'int', nullable: true }) communityId: number | null;
  @Column({ type: 'int', nullable: true }) gridId: number | null;
  /** For partners: the organisation they work for. */
  @Column({ type: 'int', nullable: true }) organisationId: number | null;
}
