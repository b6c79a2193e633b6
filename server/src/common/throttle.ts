import { CanActivate, ExecutionContext, Inject, Injectable, type OnApplicationShutdown, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Clock } from './clock.js';
import { AppError } from './app-error.js';
import type { RateCounter } from './rate-counter.js';

export type RateLimitName = 'login' | 'tickets' | 'bookings' | 'push';
export const RATE_LIMIT_KEY = 'linli:rate-limit';

/** Limit this route: login and WeChat pushes per client address (pushes at login's rate), ticket and booking creation per user. */
export const RateLimit = (name: RateLimitName) => SetMetadata(RATE_LIMIT_KEY, name);

/** The counter the limits use: in this process, or in Redis when REDIS_URL is set. */
export const RATE_COUNTER = Symbol('RateCounter');

/**
 * Fixed one-minute windows (aligned to the clock's minutes), counted by the RateCounter: in this
 * process by default, in Redis across every process with REDIS_URL (docs/deployment.md). A report
 * resent with an Idempotency-Key already counted in this window is not counted again, so a phone
 * retrying on a bad network is never told "too fast" for its own retries.
 */
@Injectable()
export class RateLimitGuard implements CanActivate, OnApplicationShutdown {
  static readonly WINDOW_MS = 60_000;

  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(RATE_COUNTER) private readonly counter: RateCounter,
  ) {}

  onApplicationShutdown(): Promise<void> {
    return this.counter.close();
  }

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const name = this.reflector.get<RateLimitName | undefined>(RATE_LIMIT_KEY, ctx.getHandler());
    if (!name) return true;
    const req = ctx.switchToHttp().getRequest();
    const perUser = name === 'tickets' || name === 'bookings';
    const limit = name === 'tickets' ? this.config.rateLimits.ticketsPerMinute : name === 'bookings' ? this.config.rateLimits.bookingsPerMinute : this.config.rateLimits.loginPerMinute;
    const who = perUser && req.user ? `user:${req.user.id}` : `ip:${req.ip}`;
    const repeat = perUser ? idempotencyKeyOf(req.headers['idempotency-key']) : undefined;
    const now = this.clock.now().getTime();
    const windowEnd = (Math.floor(now / RateLimitGuard.WINDOW_MS) + 1) * RateLimitGuard.WINDOW_MS;
    const count = await this.counter.hit(`${name}:${who}`, windowEnd, now, repeat);
    if (count > limit) {
      const retryAfter = Math.ceil((windowEnd - now) / 1000);
      ctx.switchToHttp().getResponse().setHeader('Retry-After', String(retryAfter));
      throw new AppError(429, 'RATE_LIMITED', `操作太频繁，请 ${retryAfter} 秒后再试`);
    }
    return true;
  }
}

/** A well-formed key only (the report validates it again): anything else counts as a new request. */
function idempotencyKeyOf(header: unknown): string | undefined {
  return typeof header === 'string' && /^[A-Za-z0-9_.:-]{8,80}$/.test(header) ? header : undefined;
}
