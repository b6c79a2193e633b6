import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { TicketEventType } from '@linli/shared';

export type EventData = Record<string, string | number | boolean | null>;

/** One step on a ticket's timeline (全程监控): written in the same transaction as the change. */
@Entity('ticket_events')
@Index(['ticketId', 'id'])
export class TicketEvent {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @Column({ type: 'int' }) ticketId: number;
  @Column({ type: 'varchar', length: 16 }) type: TicketEventType;
  /** null for the system (dispatch on creation, escalation, auto-close). */
  @Column({ type: 'int', nullable: true }) actorId: number | null;
  @Column({ type: 'varchar', length: 24 }) actorRole: string;
  @Column({ type: 'varchar', length: 500, nullable: true }) note: string | null;
  @Column({ type: 'simple-json', nullable: true }) photoKeys: string[] | null;
  /** Details: from/to handler, escalation level, rating... */
  @Column({ type: 'simple-json', nullable: true }) data: EventData | null;
  @Column({ type: 'datetime', precision: 3 }) createdAt: Date;
}
