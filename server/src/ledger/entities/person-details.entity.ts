import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A ledger person's birth year and 特殊人群 flags: sensitive personal data, kept apart from `users` so that
 * only the ledger's module reads it (docs/security.md, "Special-care data").
 */
@Entity('person_details')
export class PersonDetails {
  @PrimaryColumn({ type: 'int' }) userId: number;
  @Column({ type: 'smallint', nullable: true }) birthYear: number | null;
  /** SPECIAL_CARE_FLAGS, comma-separated in their order; '' for none. */
  @Column({ type: 'varchar', length: 200, default: '' }) specialCare: string;
  @Column({ type: 'datetime', precision: 3 }) updatedAt: Date;
}
