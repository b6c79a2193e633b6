import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { RoutingTarget } from '@linli/shared';

/** A kind of matter, and the contact that maps it to who handles it (FixMyStreet's "contact"). */
@Entity('categories')
export class Category {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @Column({ type: 'varchar', length: 32, unique: true }) code: string;
  @Column({ type: 'varchar', length: 32 }) name: string;
  /** At most 6 characters, for the choice chips (适老化: plain words); null when the name is short enough. */
  @Column({ type: 'varchar', length: 16, nullable: true }) shortName: string | null;
  @Column({ type: 'varchar', length: 32 }) icon: string;
  @Column({ type: 'varchar', length: 16 }) routing: RoutingTarget;
  /** For routing = partner: the kind of organisation that handles it. */
  @Column({ type: 'varchar', length: 32, nullable: true }) partnerKind: string | null;
  @Column({ type: 'int' }) acceptMinutes: number;
  @Column({ type: 'int' }) resolveMinutes: number;
  /** Open tickets of this category within this radius are offered as "me too" (附议). */
  @Column({ type: 'int' }) duplicateRadiusMeters: number;
  @Column({ type: 'int' }) sortOrder: number;
  @Column({ type: 'boolean' }) active: boolean;
}
