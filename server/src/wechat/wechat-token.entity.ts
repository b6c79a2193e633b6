import { Column, Entity, PrimaryColumn } from 'typeorm';

/** WeChat's access token, shared by every API process (WeChat invalidates the old one when a new one is fetched). */
@Entity('wechat_tokens')
export class WechatToken {
  @PrimaryColumn({ type: 'varchar', length: 32 }) appId: string;
  @Column({ type: 'varchar', length: 512 }) accessToken: string;
  @Column({ type: 'bigint' }) expireTime: string;
}
