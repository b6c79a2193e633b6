import { createDecipheriv, createHash, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, LessThan } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { AppError } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { WechatPushNonce } from './wechat-push-nonce.entity.js';

/** How far a push's timestamp may be from our clock; older pushes are refused, so nonces are kept this long. */
export const PUSH_SKEW_MS = 5 * 60_000;

/** WeChat's push signature: sha1 of the sorted strings joined (the URL check passes three, a safe-mode push four). */
export function pushSignature(parts: string[]): string {
  return createHash('sha1').update([...parts].sort().join('')).digest('hex');
}

/**
 * Safe mode's decryption: AES-256-CBC, key = base64(EncodingAESKey + '='), iv = the key's first 16 bytes,
 * PKCS#7 padding to 32-byte blocks; plaintext = 16 random bytes, a 4-byte big-endian length, the message,
 * the appid. Null when anything does not fit.
 */
export function decryptPush(encodingAesKey: string, encrypted: string): { message: string; appId: string } | null {
  try {
    const key = Buffer.from(`${encodingAesKey}=`, 'base64');
    if (key.length !== 32) return null;
    const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
    decipher.setAutoPadding(false);
    const padded = Buffer.concat([decipher.update(Buffer.from(encrypted, 'base64')), decipher.final()]);
    const pad = padded[padded.length - 1];
    if (!pad || pad > 32 || pad > padded.length) return null;
    const plain = padded.subarray(0, padded.length - pad);
    if (plain.length < 20) return null;
    const length = plain.readUInt32BE(16);
    if (20 + length > plain.length) return null;
    return { message: plain.subarray(20, 20 + length).toString('utf8'), appId: plain.subarray(20 + length).toString('utf8') };
  } catch {
    return null;
  }
}

function sameHex(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const refused = () => new AppError(401, 'WECHAT_PUSH_REFUSED', '消息推送校验失败');

/** Checks WeChat's message pushes (消息推送, safe mode) before anything acts on them. */
@Injectable()
export class WechatPushVerifier {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  private get token(): string {
    const token = this.config.wechat.pushToken;
    if (!token) throw new AppError(503, 'WECHAT_NOT_CONFIGURED', '未配置微信消息推送，请联系管理员配置');
    return token;
  }

  /** The console's URL check: the echo string back when the signature is ours. */
  urlCheck(q: { signature?: string; timestamp?: string; nonce?: string; echostr?: string }): string {
    const token = this.token;
    if (!q.signature || !q.timestamp || !q.nonce || q.echostr === undefined) throw refused();
    if (!sameHex(pushSignature([token, q.timestamp, q.nonce]), q.signature)) throw refused();
    return q.echostr;
  }

  /** A push's message as JSON, once: a forged, stale or replayed push is refused (401). */
  async open(q: { msg_signature?: string; timestamp?: string; nonce?: string }, body: { Encrypt?: unknown } | undefined): Promise<Record<string, unknown>> {
    const token = this.token;
    const aesKey = this.config.wechat.pushAesKey;
    if (!aesKey) throw new AppError(503, 'WECHAT_NOT_CONFIGURED', '未配置微信消息推送，请联系管理员配置');
    const encrypted = body?.Encrypt;
    if (!q.msg_signature || !q.timestamp || !/^\d{1,12}$/.test(q.timestamp) || !q.nonce || q.nonce.length > 64 || typeof encrypted !== 'string') throw refused();
    if (!sameHex(pushSignature([token, q.timestamp, q.nonce, encrypted]), q.msg_signature)) throw refused();
    const now = this.clock.now().getTime();
    if (Math.abs(now - Number(q.timestamp) * 1000) > PUSH_SKEW_MS) throw refused();
    const opened = decryptPush(aesKey, encrypted);
    if (!opened || opened.appId !== this.config.wechat.appId) throw refused();
    let message: Record<string, unknown>;
    try {
      message = JSON.parse(opened.message) as Record<string, unknown>;
    } catch {
      throw refused();
    }
    const repo = this.ds.getRepository(WechatPushNonce);
    await repo.delete({ seenAt: LessThan(new Date(now - 2 * PUSH_SKEW_MS)) });
    // The primary key makes a second use of a nonce fail, even from two processes at once.
    try {
      await repo.insert({ nonce: q.nonce, seenAt: new Date(now) });
    } catch {
      throw refused();
    }
    return message;
  }
}
