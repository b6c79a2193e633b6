import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { BookingEventType, BookingHelpStatus, BookingRole, BookingStatus, Rating, VolunteerHoursEntry } from '@linli/shared';

/**
 * 预约: one person's place (or place in line) on a slot. `live` is 1 while the booking counts (not cancelled,
 * not expired) and null after: the unique (slotId, userId, live) lets a person hold one live booking per slot
 * and book again after cancelling. An Idempotency-Key is unique per caller (createdById).
 */
@Entity('bookings')
@Index(['slotId', 'userId', 'live'], { unique: true })
@Index(['slotId', 'checkInCode'], { unique: true })
@Index(['createdById', 'idempotencyKey'], { unique: true })
@Index(['slotId', 'status'])
@Index(['userId', 'id'])
@Index(['serviceId', 'status'])
@Index(['householdId', 'status'])
@Index(['bookedById', 'id'])
@Index(['status', 'offerExpiresAt'])
export class Booking {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @Column({ type: 'int' }) slotId: number;
  @Column({ type: 'int' }) serviceId: number;
  @Column({ type: 'int' }) communityId: number;
  /** The holder: the resident it is for. */
  @Column({ type: 'int' }) userId: number;
  /** The holder's household when booked, for the household limit; null without one. */
  @Column({ type: 'int', nullable: true }) householdId: number | null;
  /** The grid worker who booked it for them (代办); null when they booked it themselves. */
  @Column({ type: 'int', nullable: true }) bookedById: number | null;
  /** Who sent the request (the holder or the booker): an Idempotency-Key is theirs. */
  @Column({ type: 'int' }) createdById: number;
  @Column({ type: 'varchar', length: 12 }) role: BookingRole;
  @Column({ type: 'varchar', length: 16 }) status: BookingStatus;
  @Column({ type: 'tinyint', nullable: true }) live: number | null;
  /** When they joined (the waiting list is first come, first served). */
  @Column({ type: 'datetime', precision: 3 }) joinedAt: Date;
  @Column({ type: 'datetime', precision: 3, nullable: true }) offerExpiresAt: Date | null;
  @Column({ type: 'datetime', precision: 3, nullable: true }) slotMovedAt: Date | null;
  @Column({ type: 'varchar', length: 8 }) checkInCode: string;
  @Column({ type: 'datetime', precision: 3, nullable: true }) checkedInAt: Date | null;
  @Column({ type: 'datetime', precision: 3, nullable: true }) cancelledAt: Date | null;
  @Column({ type: 'varchar', length: 24, nullable: true }) rating: Rating | null;
  @Column({ type: 'varchar', length: 300, nullable: true }) ratingComment: string | null;
  /** Content security held the comment: the provider does not read it. */
  @Column({ type: 'boolean', default: false }) ratingCommentHeld: boolean;
  @Column({ type: 'datetime', precision: 3, nullable: true }) ratedAt: Date | null;
  /** Volunteer hours (minutes) paid for it. */
  @Column({ type: 'int', default: 0 }) paidMinutes: number;
  /** When the day-before reminder went into the outbox. */
  @Column({ type: 'datetime', precision: 3, nullable: true }) remindedAt: Date | null;
  @Column({ type: 'varchar', length: 80, nullable: true }) idempotencyKey: string | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) requestHash: string | null;
  @Column({ type: 'int', default: 1 }) version: number;
  @Column({ type: 'datetime', precision: 3 }) createdAt: Date;
  @Column({ type: 'datetime', precision: 3 }) updatedAt: Date;
}

/** A booking's timeline: every change, who made it, when. */
@Entity('booking_events')
@Index(['bookingId', 'id'])
export class BookingEvent {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @Column({ type: 'int' }) bookingId: number;
  @Column({ type: 'varchar', length: 16 }) type: BookingEventType;
  /** null: the system (the offer clock, the sweeper). */
  @Column({ type: 'int', nullable: true }) actorId: number | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) note: string | null;
  @Column({ type: 'datetime', precision: 3 }) at: Date;
}

/** 请网格员帮我预约. `open` is 1 while open: one open request per resident (asking again answers it). */
@Entity('booking_help_requests')
@Index(['userId', 'open'], { unique: true })
@Index(['communityId', 'status'])
export class BookingHelpRequest {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @Column({ type: 'int' }) userId: number;
  @Column({ type: 'int' }) communityId: number;
  @Column({ type: 'int', nullable: true }) gridId: number | null;
  @Column({ type: 'int', nullable: true }) householdId: number | null;
  @Column({ type: 'int', nullable: true }) serviceId: number | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) note: string | null;
  @Column({ type: 'varchar', length: 12 }) status: BookingHelpStatus;
  @Column({ type: 'tinyint', nullable: true }) open: number | null;
  @Column({ type: 'int', nullable: true }) handledById: number | null;
  @Column({ type: 'datetime', precision: 3, nullable: true }) handledAt: Date | null;
  @Column({ type: 'int', nullable: true }) bookingId: number | null;
  @Column({ type: 'datetime', precision: 3 }) createdAt: Date;
}

/**
 * 爱心银行: the volunteer-hours ledger. A balance is the sum of a person's entries, never a stored counter.
 * One entry of each kind per booking (unique), so an attendance earns once and a refund is given once.
 */
@Entity('volunteer_hour_entries')
@Index(['userId', 'id'])
@Index(['bookingId', 'kind'], { unique: true })
export class VolunteerHourEntry {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @Column({ type: 'int' }) userId: number;
  @Column({ type: 'int' }) minutes: number;
  @Column({ type: 'varchar', length: 12 }) kind: VolunteerHoursEntry['kind'];
  @Column({ type: 'varchar', length: 100 }) reason: string;
  @Column({ type: 'int', nullable: true }) bookingId: number | null;
  @Column({ type: 'int', nullable: true }) confirmedById: number | null;
  @Column({ type: 'datetime', precision: 3 }) createdAt: Date;
}
