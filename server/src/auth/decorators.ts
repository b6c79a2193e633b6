import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '@linli/shared';
import type { AuthUser } from './auth-user.js';

export const PUBLIC_KEY = 'linli:public';
export const ROLES_KEY = 'linli:roles';

/** Anyone may call it, logged in or not. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** Only users holding one of these roles (anywhere) may call it; others get 403. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser => {
  return ctx.switchToHttp().getRequest().user;
});

/** The device session the caller's token belongs to (for refresh). */
export const CurrentSession = createParamDecorator((_: unknown, ctx: ExecutionContext): { sid: string; gen: number } => {
  return ctx.switchToHttp().getRequest().session;
});
