import { CanActivate, ExecutionContext, Inject, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Clock } from './clock.js';
import { AppError } from './app-error.js';

export type RateLimitName = 'login' | 'tickets' | 'push';
export const RATE_LIMIT_KEY = 'linli:rate-limit';

/** Limit this route: login and WeChat pushes per client address (pushes at login's rate), ticket creation per user. */
export const RateLimit = (name: RateLimitName) => SetMetadata(RATE_LIMIT_KEY, name);

/**
 * Fixed one-minute windows counted in this process. With several API processes
 * behind a load balancer each keeps its own count (see docs/deployment.md).
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly windows = new Map<string, { start: number; count: number }>();
  private lastPrune = 0;
  static readonly WINDOW_MS = 60_000;

  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  canActivate(ctx: ExecutionContext): boolean {
    const name = this.reflector.get<RateLimitName | undefined>(RATE_LIMIT_KEY, ctx.getHandler());
    if (!name) return true;
    const req = ctx.switchToHttp().getRequest();
    const limit = name !== 'tickets' ? this.config.rateLimits.loginPerMinute : this.config.rateLimits.ticketsPerMinute;
    const who = name === 'tickets' && req.user ? `user:${req.user.id}` : `ip:${req.ip}`;
    const now = this.clock.now().getTime();
    this.prune(now);
    const key = `${name}:${who}`;
    const w = this.windows.get(key);
    if (!w || now - w.start >= RateLimitGuard.WINDOW_MS) {
      this.windows.set(key, { start: now, count: 1 });
      return true;
    }
    w.count += 1;
    if (w.count > limit) {
      const retryAfter = Math.ceil((w.start + RateLimitGuard.WINDOW_MS - now) / 1000);
      ctx.switchToHttp().getResponse().setHeader('Retry-After', String(retryAfter));
      throw new AppError(429, 'RATE_LIMITED', `操作太频繁，请 ${retryAfter} 秒后再试`);
    }
    return true;
  }

  private prune(now: number): void {
    if (now - this.lastPrune < RateLimitGuard.WINDOW_MS) return;
    this.lastPrune = now;
    for (const [key, w] of this.windows) if (now - w.start >= RateLimitGuard.WINDOW_MS) this.windows.delete(key);
  }
}
