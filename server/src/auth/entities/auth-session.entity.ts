import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One logged-in device. Its tokens carry the session id and a generation; a refresh moves the
 * generation on, and the previous generation keeps working only for a short grace (requests already
 * on their way). Another phone of the same user is another session and stays logged in.
 */
@Entity('auth_sessions')
@Index(['userId'])
@Index(['expiresAt'])
export class AuthSession {
  @PrimaryColumn({ type: 'varchar', length: 32 }) id: string;
  @Column({ type: 'int' }) userId: number;
  @Column({ type: 'int' }) generation: number;
  /** Until when the generation before `generation` is still accepted; null before the first refresh. */
  @Column({ type: 'datetime', precision: 3, nullable: true }) previousValidUntil: Date | null;
  @Column({ type: 'datetime', precision: 3 }) createdAt: Date;
  /** When the newest token expires: the session is over then, and housekeeping forgets it. */
  @Column({ type: 'datetime', precision: 3 }) expiresAt: Date;
  @Column({ type: 'datetime', precision: 3, nullable: true }) revokedAt: Date | null;
}
