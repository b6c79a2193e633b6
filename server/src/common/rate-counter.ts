import { Logger } from '@nestjs/common';
import { Redis } from 'ioredis';

/**
 * Counts requests in fixed windows for the rate limits. `hit` counts one request of `key` in the window
 * that ends at `windowEnd` (ms) and answers the window's count; a request carrying a `repeat` token
 * already seen in that window (the same Idempotency-Key, a phone resending) is not counted again.
 */
export interface RateCounter {
  hit(key: string, windowEnd: number, now: number, repeat?: string): Promise<number>;
  close(): Promise<void>;
}

/** The embedded default: counts in this process (N processes allow up to N× the limit; docs/deployment.md). */
export class MemoryRateCounter implements RateCounter {
  private readonly windows = new Map<string, { end: number; count: number; repeats: Set<string> }>();
  private lastPrune = 0;

  async hit(key: string, windowEnd: number, now: number, repeat?: string): Promise<number> {
    this.prune(now);
    let w = this.windows.get(key);
    if (!w || w.end !== windowEnd) this.windows.set(key, (w = { end: windowEnd, count: 0, repeats: new Set() }));
    if (repeat !== undefined) {
      if (w.repeats.has(repeat)) return w.count;
      w.repeats.add(repeat);
    }
    return ++w.count;
  }

  async close(): Promise<void> {}

  private prune(now: number): void {
    if (now - this.lastPrune < 60_000) return;
    this.lastPrune = now;
    for (const [key, w] of this.windows) if (w.end <= now) this.windows.delete(key);
  }
}

// One round trip: a repeat already seen answers the count unchanged; otherwise count, and let the window expire.
const HIT = `
if ARGV[2] ~= '' then
  if redis.call('SADD', KEYS[2], ARGV[2]) == 0 then
    return tonumber(redis.call('GET', KEYS[1]) or '0')
  end
  redis.call('PEXPIRE', KEYS[2], ARGV[1])
end
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return n`;

/**
 * With REDIS_URL: every API process counts in the same Redis, so the limit holds across them. If Redis
 * does not answer, the request is let through and the failure logged: a limit is a protection, and an
 * outage of it must not become an outage of reporting.
 */
export class RedisRateCounter implements RateCounter {
  private readonly logger = new Logger('RateLimit');
  private readonly redis: Redis;

  constructor(url: string) {
    this.redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2000, lazyConnect: false });
    this.redis.on('error', (e: Error) => this.logger.warn(`redis: ${e.message}`));
    this.redis.defineCommand('linliHit', { numberOfKeys: 2, lua: HIT });
  }

  async hit(key: string, windowEnd: number, now: number, repeat?: string): Promise<number> {
    const ttl = Math.max(1, windowEnd - now) + 1000;
    const k = `linli:rl:${key}:${windowEnd}`;
    try {
      const n = await (this.redis as unknown as { linliHit(a: string, b: string, ttl: number, repeat: string): Promise<number> }).linliHit(k, `${k}:seen`, ttl, repeat ?? '');
      return Number(n);
    } catch (e) {
      this.logger.warn(`rate limit not counted: ${(e as Error).message}`);
      return 0;
    }
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

export function createRateCounter(redisUrl: string | null): RateCounter {
  return redisUrl ? new RedisRateCounter(redisUrl) : new MemoryRateCounter();
}
