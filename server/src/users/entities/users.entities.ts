import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from '@linli/shared';

@Entity('users')
export class User {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @Column({ type: 'varchar', length: 64 }) name: string;
  /** Claiming by phone looks records up by it. */
  @Index()
  @Column({ type: 'varchar', length: 20, nullable: true }) phone: string | null;
  /** WeChat openid of this mini-program; null for users created by hand. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64, nullable: true }) openid: string | null;
  /** When WeChat's phone button proved `phone`; null for a number staff typed. */
  @Column({ type: 'datetime', precision: 3, nullable: true }) phoneVerifiedAt: Date | null;
  /** The WeChat nickname and avatar the user chose (the avatar is a file key). */
  @Column({ type: 'varchar', length: 64, nullable: true }) nickname: string | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) avatarKey: string | null;
  /** The privacy policy version (PRIVACY_POLICY_VERSION) the user agreed to at login, and when. */
  @Column({ type: 'varchar', length: 32, nullable: true }) consentVersion: string | null;
  @Column({ type: 'datetime', precision: 3, nullable: true }) consentedAt: Date | null;
  @Column({ type: 'datetime', precision: 3 }) createdAt: Date;
  /** 注销: the row stays so the user's tickets keep a reporter, with every personal field emptied. */
  @Column({ type: 'datetime', precision: 3, nullable: true }) deletedAt: Date | null;
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
