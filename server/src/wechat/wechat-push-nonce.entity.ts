import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Nonces of WeChat pushes already accepted, so a captured push cannot be played again. A push older
 * whose timestamp is more than 5 minutes off is refused, so a nonce can only come back within 10 minutes
 * of its first use; older rows are deleted.
 */
@Entity('wechat_push_nonces')
@Index(['seenAt'])
export class WechatPushNonce {
  @PrimaryColumn({ type: 'varchar', length: 64 }) nonce: string;
  @Column({ type: 'datetime', precision: 3 }) seenAt: Date;
}
