import { Column, Entity, Index, PrimaryGeneratedColumn, type ValueTransformer } from 'typeorm';
import type { EligibilityRule, ServiceFamily, ServiceMode, WeeklySlotRule } from '@linli/shared';

/** A JSON value in a varchar (portable, and MySQL refuses defaults on TEXT). */
const json = <T>(empty: T): ValueTransformer => ({
  to: (v: T | undefined) => JSON.stringify(v ?? empty),
  // Saving hands back what it wrote (already a value); reading hands back the stored text.
  from: (v: unknown) => (v === null || v === undefined || v === '' ? empty : typeof v === 'string' ? (JSON.parse(v) as T) : (v as T)),
});

/**
 * 服务项目: something a community offers to book, given by its office (organisationId null, run by the committee)
 * or by a partner organisation (its partner staff). `schedule` is the weekly rules slots are made from.
 */
@Entity('service_items')
@Index(['communityId', 'family'])
export class ServiceItem {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @Column({ type: 'int' }) communityId: number;
  @Column({ type: 'varchar', length: 16 }) family: ServiceFamily;
  @Column({ type: 'varchar', length: 64 }) name: string;
  @Column({ type: 'int', nullable: true }) organisationId: number | null;
  @Column({ type: 'varchar', length: 128 }) place: string;
  @Column({ type: 'varchar', length: 1000 }) description: string;
  /** 政务: what to bring, as a JSON array of strings. */
  @Column({ type: 'varchar', length: 1000, transformer: json<string[]>([]) }) documents: string[];
  @Column({ type: 'varchar', length: 32, nullable: true }) duration: string | null;
  /** ELIGIBILITY_RULES that must all hold, as a JSON array. */
  @Column({ type: 'varchar', length: 200, transformer: json<EligibilityRule[]>([]) }) eligibility: EligibilityRule[];
  @Column({ type: 'varchar', length: 8, default: 'slots' }) mode: ServiceMode;
  @Column({ type: 'int' }) advanceDays: number;
  @Column({ type: 'int' }) cancelCutoffMinutes: number;
  @Column({ type: 'int' }) perPersonLimit: number;
  @Column({ type: 'int' }) perHouseholdLimit: number;
  @Column({ type: 'int', default: 0 }) volunteerPlaces: number;
  @Column({ type: 'int', default: 0 }) volunteerMinutes: number;
  /** 爱心银行: minutes of volunteer hours a booking may be paid with; null: not accepted. */
  @Column({ type: 'int', nullable: true }) hoursPrice: number | null;
  /** The weekly schedule, as a JSON array of WeeklySlotRule (empty: slots are added one by one). */
  @Column({ type: 'varchar', length: 4000, default: '[]', transformer: json<WeeklySlotRule[]>([]) }) schedule: WeeklySlotRule[];
  /** The last local day slots were made for from the schedule. */
  @Column({ type: 'varchar', length: 10, nullable: true }) scheduledUntil: string | null;
  @Column({ type: 'boolean' }) active: boolean;
  @Column({ type: 'int', default: 1 }) version: number;
  @Column({ type: 'datetime', precision: 3 }) createdAt: Date;
  @Column({ type: 'datetime', precision: 3 }) updatedAt: Date;
}

/**
 * A time slot (or, for `units` items, a period) with a capacity. `taken` counts the participant places held
 * (PLACE_HOLDING_STATUSES), changed only by conditional updates in the transaction that changes a booking,
 * so that it always equals its rows and never passes `capacity`.
 */
@Entity('service_slots')
@Index(['serviceId', 'startsAt'], { unique: true })
@Index(['communityId', 'startsAt'])
@Index(['serviceId', 'localDate'])
export class ServiceSlot {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @Column({ type: 'int' }) serviceId: number;
  @Column({ type: 'int' }) communityId: number;
  @Column({ type: 'datetime', precision: 3 }) startsAt: Date;
  @Column({ type: 'datetime', precision: 3 }) endsAt: Date;
  /** The community's local day it starts on (closing a day finds its slots by it). */
  @Column({ type: 'varchar', length: 10 }) localDate: string;
  @Column({ type: 'int' }) capacity: number;
  @Column({ type: 'int', default: 0 }) taken: number;
  @Column({ type: 'int', default: 0 }) volunteerCapacity: number;
  @Column({ type: 'int', default: 0 }) volunteerTaken: number;
  @Column({ type: 'datetime', precision: 3, nullable: true }) closedAt: Date | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) closedReason: string | null;
  @Column({ type: 'datetime', precision: 3, nullable: true }) movedAt: Date | null;
  /** Who holds the slot's time outside 预约 (a 恳谈会: `meeting:<id>`, venue-holds.ts); such a slot is closed to bookings. */
  @Column({ type: 'varchar', length: 32, nullable: true }) heldFor: string | null;
  @Column({ type: 'datetime', precision: 3 }) createdAt: Date;
}

/** A local day an item's schedule skips (节假日, 闭馆). */
@Entity('service_closures')
@Index(['serviceId', 'date'], { unique: true })
export class ServiceClosure {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @Column({ type: 'int' }) serviceId: number;
  @Column({ type: 'varchar', length: 10 }) date: string;
  @Column({ type: 'varchar', length: 200 }) reason: string;
  @Column({ type: 'int' }) createdById: number;
  @Column({ type: 'datetime', precision: 3 }) createdAt: Date;
}
