import { createCipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * Builds a WeChat push in safe mode as WeChat's documentation describes it, written apart from the
 * server's decryption so a mistake in one is not copied into the other.
 */
export function encryptedPush(opts: { token: string; aesKey: string; appId: string; message: object; timestamp: number; nonce: string }) {
  const key = Buffer.from(opts.aesKey + '=', 'base64');
  const msg = Buffer.from(JSON.stringify(opts.message), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(msg.length, 0);
  const plain = Buffer.concat([randomBytes(16), length, msg, Buffer.from(opts.appId, 'utf8')]);
  const padLength = 32 - (plain.length % 32);
  const padded = Buffer.concat([plain, Buffer.alloc(padLength, padLength)]);
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
  cipher.setAutoPadding(false);
  const Encrypt = Buffer.concat([cipher.update(padded), cipher.final()]).toString('base64');
  const timestamp = String(opts.timestamp);
  const msg_signature = createHash('sha1').update([opts.token, timestamp, opts.nonce, Encrypt].sort().join('')).digest('hex');
  return { query: `msg_signature=${msg_signature}&timestamp=${timestamp}&nonce=${encodeURIComponent(opts.nonce)}&encrypt_type=aes`, body: { ToUserName: 'gh_test', Encrypt } };
}
