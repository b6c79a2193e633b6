import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * When an openid last logged in (code2Session proves the user opened the mini-program). msgSecCheck
 * only accepts the openid of a user seen within two hours; rows older than that are deleted as new ones
 * are written, so an openid is not kept here after it stops being useful.
 */
@Entity('wechat_visits')
@Index(['seenAt'])
export class WechatVisit {
  @PrimaryColumn({ type: 'varchar', length: 64 }) openid: string;
  @Column({ type: 'datetime', precision: 3 }) seenAt: Date;
}
