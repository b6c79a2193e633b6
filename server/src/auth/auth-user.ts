import type { Role } from '@linli/shared';
import type { RoleAssignment } from '../users/entities/users.entities.js';

/** Who the caller is on WeChat, read with them: their openid and when WeChat last vouched for a visit (a login). */
export interface WechatIdentity {
  openid: string;
  seenAt: Date | null;
}

/** The caller of a request, with every role they hold and where. */
export class AuthUser {
  constructor(
    readonly id: number,
    readonly name: string,
    readonly roles: RoleAssignment[],
    /** Null for a user who never logged in through WeChat; undefined where the caller was not loaded by the guard. */
    readonly wechat?: WechatIdentity | null,
  ) {}

  has(...roles: (Role | 'system')[]): boolean {
    return this.roles.some((r) => roles.includes(r.role));
  }

  /** Community ids where the user holds the role. */
  communityIds(role: Role): number[] {
    return unique(this.roles.filter((r) => r.role === role && r.communityId !== null).map((r) => r.communityId!));
  }

  gridIds(role: Role): number[] {
    return unique(this.roles.filter((r) => r.role === role && r.gridId !== null).map((r) => r.gridId!));
  }

  streetIds(role: Role): number[] {
    return unique(this.roles.filter((r) => r.role === role && r.streetId !== null).map((r) => r.streetId!));
  }

  districtIds(role: Role): number[] {
    return unique(this.roles.filter((r) => r.role === role && r.districtId !== null).map((r) => r.districtId!));
  }

  /** May this user watch the tickets and figures of a community (committee, its street, its district, admin)? */
  overseesCommunity(c: { id: number; streetId: number; districtId: number }): boolean {
    return (
      this.has('admin') ||
      this.communityIds('committee_member').includes(c.id) ||
      this.streetIds('street_officer').includes(c.streetId) ||
      this.districtIds('district_officer').includes(c.districtId)
    );
  }
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}
