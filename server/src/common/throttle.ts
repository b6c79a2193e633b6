import { Injectable } from '@nestjs/common';
import { SkipThrottle, Throttle, ThrottlerGuard } from '@nestjs/throttler';

/**
 * Rate limits. Login is limited per client address, creating tickets per user.
 * The limits come from configuration (see app.module.ts: named throttlers 'login' and 'tickets').
 */
@Injectable()
export class UserThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(req: Record<string, any>): Promise<string> {
    return req.user?.id ? `user:${req.user.id}` : (req.ips?.length ? req.ips[0] : req.ip);
  }
}

export const LoginThrottle = () => SkipThrottle({ tickets: true, login: false });
export const TicketCreateThrottle = () => SkipThrottle({ tickets: false, login: true });
export { Throttle };
