import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { AuditAction } from '@linli/shared';

/**
 * 操作留痕: one staff action that changed data or revealed personal data. Append-only: nothing in
 * the API updates or deletes a row. `details` holds what identifies the action (an export's filter,
 * a reject reason), never the personal data itself.
 */
@Entity('audit_log')
@Index('idx_audit_community', ['communityId', 'id'])
@Index('idx_audit_district', ['districtId', 'id'])
export class AuditEntry {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @Column({ type: 'int' }) actorId: number;
  /** The role the actor acted in (committee_member, grid_worker, district_officer, …). */
  @Column({ type: 'varchar', length: 24 }) actorRole: string;
  @Column({ type: 'varchar', length: 24 }) action: AuditAction;
  /** The community the records belong to; null for an action over several (a district-wide export). */
  @Column({ type: 'int', nullable: true }) communityId: number | null;
  @Column({ type: 'int', nullable: true }) districtId: number | null;
  /** ticket, user, export, …: what `targetIds` name. */
  @Column({ type: 'varchar', length: 24 }) targetType: string;
  @Column({ type: 'simple-json' }) targetIds: number[];
  @Column({ type: 'simple-json', nullable: true }) details: Record<string, unknown> | null;
  @Column({ type: 'datetime', precision: 3 }) createdAt: Date;
}
