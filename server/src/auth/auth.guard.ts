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
@Injectable()
export class AuthGuard implements CanActivate {
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
    let payload: Record<string, unknown>;
    try {
      payload = await this.jwt.verifyAsync(header.slice(7), { clockTimestamp: Math.floor(this.clock.now().getTime() / 1000) });
    } catch (e) {
      throw e instanceof TokenExpiredError ? Errors.tokenExpired() : Errors.unauthenticated('登录凭证无效，请重新登录');
    }
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
}
