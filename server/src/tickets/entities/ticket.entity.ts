import { Column, Entity, Index, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import type { FinalRating, RejectReason, TicketStatus } from '@linli/shared';

/** 报事: a matter a resident reported, and everything the loop did with it. */
@Entity('tickets')
// Covers every column the stats read (docs/performance.md): a community's year is one index range, with no row lookups.
@Index('idx_tickets_community_stats', ['communityId', 'createdAt', 'status', 'categoryId', 'gridId', 'rating', 'firstAcceptedAt', 'respondDueAt', 'resolvedAt', 'resolveDueAt'])
@Index('idx_tickets_community_status', ['communityId', 'status', 'createdAt'])
// 公示: a community's closed matters newest first, read in index order (the board's page stops after 20 rows).
@Index('idx_tickets_board', ['communityId', 'status', 'contentHeld', 'closedAt'])
@Index('idx_tickets_handler_status', ['handlerId', 'status'])
@Index('idx_tickets_reporter', ['reporterId', 'createdAt'])
@Index('idx_tickets_grid_status', ['gridId', 'status'])
@Index('idx_tickets_next_escalation', ['nextEscalationAt'])
@Index('idx_tickets_auto_close', ['autoCloseAt'])
@Index('idx_tickets_nearby', ['categoryId', 'status', 'lat'])
@Index('idx_tickets_street', ['streetId', 'createdAt'])
@Index('idx_tickets_code', ['code'], { unique: true })
export class Ticket {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  /**
   * 报事编号, e.g. 20261123-000123: the local day of report and the id. Issued in the
   * creating transaction and never recomputed; NULL only between that transaction's
   * INSERT and the UPDATE that writes it (the id comes from the INSERT).
   */
  @Column({ type: 'varchar', length: 24, nullable: true }) code: string;
  @Column({ type: 'int' }) reporterId: number;
  /** Null while the matter waits for the committee to set it (随手拍 without a category, 待分类); only ever `submitted` then. */
  @Column({ type: 'int', nullable: true }) categoryId: number | null;
  @Column({ type: 'varchar', length: 500 }) description: string;
  /** Hidden from the public board and from other residents; handlers still see who reported. */
  @Column({ type: 'boolean' }) anonymous: boolean;
  @Column({ type: 'simple-json' }) photoKeys: string[];
  @Column({ type: 'double', nullable: true }) lat: number | null;
  @Column({ type: 'double', nullable: true }) lng: number | null;
  @Column({ type: 'int', nullable: true }) buildingId: number | null;
  @Column({ type: 'int', nullable: true }) gridId: number | null;
  @Column({ type: 'int' }) communityId: number;
  @Column({ type: 'int' }) streetId: number;
  @Column({ type: 'int' }) districtId: number;

  @Column({ type: 'varchar', length: 16 }) status: TicketStatus;
  @Column({ type: 'int', nullable: true }) handlerId: number | null;

  // Deadlines (SLA) and the escalation ladder: grid 0 → community 1 → street 2 → district 3.
  /** The first response deadline, fixed at report time (or reopen): what 响应率 is measured against. */
  @Column({ type: 'datetime', precision: 3 }) respondDueAt: Date;
  @Column({ type: 'datetime', precision: 3 }) acceptDueAt: Date;
  @Column({ type: 'datetime', precision: 3 }) resolveDueAt: Date;
  @Column({ type: 'int' }) escalationLevel: number;
  @Column({ type: 'datetime', precision: 3, nullable: true }) lastEscalatedAt: Date | null;
  /** When the sweeper must look at this ticket again; null when nothing is due. */
  @Column({ type: 'datetime', precision: 3, nullable: true }) nextEscalationAt: Date | null;
  /** A resolved ticket nobody rates closes itself at this time. */
  @Column({ type: 'datetime', precision: 3, nullable: true }) autoCloseAt: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true }) firstAcceptedAt: Date | null;
  @Column({ type: 'datetime', precision: 3, nullable: true }) firstResolvedAt: Date | null;
  @Column({ type: 'datetime', precision: 3, nullable: true }) resolvedAt: Date | null;
  @Column({ type: 'datetime', precision: 3, nullable: true }) closedAt: Date | null;
  @Column({ type: 'varchar', length: 500, nullable: true }) resolutionNote: string | null;
  @Column({ type: 'simple-json', nullable: true }) resolutionPhotoKeys: string[] | null;
  @Column({ type: 'varchar', length: 24, nullable: true }) rating: FinalRating | null;
  @Column({ type: 'varchar', length: 300, nullable: true }) ratingComment: string | null;
  /** 重办: how many times a bad rating sent it back. */
  @Column({ type: 'int' }) reopenCount: number;
  @Column({ type: 'varchar', length: 16, nullable: true }) rejectReason: RejectReason | null;
  @Column({ type: 'int', nullable: true }) duplicateOfId: number | null;
  @Column({ type: 'int' }) followerCount: number;
  /** A text of it awaits a committee member's release (content security): off the public board, masked for neighbours. */
  @Column({ type: 'boolean', default: false }) contentHeld: boolean;

  @VersionColumn({ type: 'int' }) version: number;
  @Column({ type: 'datetime', precision: 3 }) createdAt: Date;
  @Column({ type: 'datetime', precision: 3 }) updatedAt: Date;
}
