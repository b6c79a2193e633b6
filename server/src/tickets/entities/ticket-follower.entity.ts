import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** 附议: a resident who said "me too" and follows the ticket's updates. */
@Entity('ticket_followers')
@Index(['ticketId', 'userId'], { unique: true })
@Index(['userId'])
export class TicketFollower {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @Column({ type: 'int' }) ticketId: number;
  @Column({ type: 'int' }) userId: number;
  @Column({ type: 'datetime', precision: 3 }) createdAt: Date;
}
