import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService, TokenExpiredError } from '@nestjs/jwt';
import type { Role } from '@linli/shared';
import { Errors } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { UsersService } from '../users/users.service.js';
import { SessionsService, type SessionClaims } from './sessions.service.js';
import { PUBLIC_KEY, ROLES_KEY } from './decorators.js';

/**
 * Every endpoint declares who may call it: @Public(), or logged in, optionally
 * narrowed with @Roles(). Roles are read from the database on each request so a
 * revoked role takes effect at once.
 */
/** Tokens whose signature this process has checked, kept with their claims (oldest dropped first). */
const VERIFIED_MAX = 20_000;

@Injectable()
export class AuthGuard implements CanActivate {
  private readonly verifiedTokens = new Map<string, Record<string, unknown>>();

  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(JwtService) private readonly jwt: JwtService,
    @Inject(UsersService) private readonly users: UsersService,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(SessionsService) private readonly sessions: SessionsService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const req = ctx.switchToHttp().getRequest();
    const header: string | undefined = req.headers.authorization;
    if (!header?.startsWith('Bearer ')) throw Errors.unauthenticated();
    const payload = await this.verified(header.slice(7));
    // Signed by us, yet every claim is checked: a token that never expires, or names no session, is no login.
    const { sub, sid, gen, exp } = payload;
    if (!Number.isSafeInteger(sub) || typeof sid !== 'string' || !Number.isSafeInteger(gen) || typeof exp !== 'number') {
      throw Errors.unauthenticated('登录凭证无效，请重新登录');
    }
    const claims: SessionClaims = { sid, gen: gen as number };
    await this.sessions.check(sub as number, claims);
    const user = await this.users.loadAuthUser(sub as number);
    if (!user) throw Errors.unauthenticated('账号不存在，请重新登录');
    req.user = user;
    req.session = claims;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !user.has(...roles)) throw Errors.forbidden();
    return true;
  }

  /**
   * The token's claims if we signed it and it has not expired. A signature, once checked, stays good, so the
   * claims of tokens already checked are kept (VERIFIED_MAX of them) and only their expiry is checked again:
   * the HMAC and the decoding were a twentieth of a read's CPU (docs/performance.md). The session and the
   * user are still read on every request, so a revoked session or role stops the token at once.
   */
  private async verified(token: string): Promise<Record<string, unknown>> {
    const nowSeconds = Math.floor(this.clock.now().getTime() / 1000);
    const known = this.verifiedTokens.get(token);
    if (known) {
      // jsonwebtoken's own rule: expired from the second of `exp` on.
      if (nowSeconds >= (known.exp as number)) throw Errors.tokenExpired();
      return known;
    }
    let payload: Record<string, unknown>;
    try {
      payload = await this.jwt.verifyAsync(token, { clockTimestamp: nowSeconds });
    } catch (e) {
      throw e instanceof TokenExpiredError ? Errors.tokenExpired() : Errors.unauthenticated('登录凭证无效，请重新登录');
    }
    // Only what the cached check fully covers: a numeric expiry and no not-before.
    if (typeof payload.exp === 'number' && payload.nbf === undefined) {
      if (this.verifiedTokens.size >= VERIFIED_MAX) this.verifiedTokens.delete(this.verifiedTokens.keys().next().value!);
      this.verifiedTokens.set(token, payload);
    }
    return payload;
  }
}
