import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** 查看号码: the access log of whole phone numbers shown to staff: who saw whose, when. */
@Entity('phone_reveals')
@Index(['subjectId', 'id'])
@Index(['communityId', 'id'])
export class PhoneReveal {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @Column({ type: 'int' }) viewerId: number;
  @Column({ type: 'int' }) subjectId: number;
  /** The subject's community at the time, for the committee's view of the log. */
  @Column({ type: 'int', nullable: true }) communityId: number | null;
  @Column({ type: 'datetime', precision: 3 }) createdAt: Date;
}
