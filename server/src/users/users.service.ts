import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { MeView, RoleAssignmentView, UserView } from '@linli/shared';
import { maskPhone } from '../common/mask.js';
import { fileUrl } from '../files/storage.js';
import { AccountClaim } from '../claims/account-claim.entity.js';
import { Building, Community, District, Grid, Household, Street } from '../places/entities/places.entities.js';
import { AuthUser } from '../auth/auth-user.js';
import { BindingsService } from '../bindings/bindings.service.js';
import { RoleAssignment, User } from './entities/users.entities.js';
import { Statements } from '../database/statements.js';
import { WechatVisit } from '../wechat/wechat-visit.entity.js';

const ROLE_COLUMNS = ['id', 'userId', 'role', 'districtId', 'streetId', 'communityId', 'gridId', 'organisationId'] as const;
// With the caller's WeChat visit, which content security needs on every text a resident publishes: one statement, not three.
const AUTH_USER_SQL =
  `SELECT u.\`name\` AS userName, u.\`openid\` AS openid, v.\`seenAt\` AS seenAt, ${ROLE_COLUMNS.map((c) => `r.\`${c}\` AS \`${c}\``).join(', ')} ` +
  'FROM `users` u LEFT JOIN `wechat_visits` v ON v.`openid` = u.`openid` LEFT JOIN `role_assignments` r ON r.`userId` = u.`id` ' +
  'WHERE u.`id` = ? AND u.`deletedAt` IS NULL ORDER BY r.`id` ASC';

@Injectable()
export class UsersService {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(BindingsService) private readonly bindings: BindingsService,
  ) {}

  /** Runs on every request (the guard): the user and all their roles in one round trip, a prepared statement. */
  async loadAuthUser(id: number): Promise<AuthUser | null> {
    const rows = await Statements.of(this.ds).rows<Record<string, unknown>>(AUTH_USER_SQL, [id]);
    if (rows.length === 0) return null;
    const roles = rows
      .filter((r) => r.id !== null)
      .map((r) => Object.fromEntries(ROLE_COLUMNS.map((c) => [c, c === 'role' || r[c] === null ? r[c] : Number(r[c])])) as unknown as RoleAssignment);
    const [visit] = Statements.of(this.ds).table(WechatVisit).entities([{ seenAt: rows[0].seenAt }]);
    const openid = rows[0].openid;
    return new AuthUser(id, String(rows[0].userName), roles, typeof openid === 'string' && openid ? { openid, seenAt: visit.seenAt ?? null } : null);
  }

  findById(id: number): Promise<User | null> {
    return this.ds.getRepository(User).findOneBy({ id });
  }

  async userView(user: User): Promise<UserView> {
    const roles = await this.ds.getRepository(RoleAssignment).find({ where: { userId: user.id }, order: { id: 'ASC' } });
    const [view] = await this.roleViews([roles]);
    return { id: user.id, name: user.name, phone: maskPhone(user.phone), roles: view };
  }

  /** Role assignments with the name of their place, in batch. */
  async roleViews(groups: RoleAssignment[][]): Promise<RoleAssignmentView[][]> {
    const all = groups.flat();
    const ids = (key: 'gridId' | 'communityId' | 'streetId' | 'districtId') => [...new Set(all.map((r) => r[key]).filter((x): x is number => x !== null))];
    const names = async (entity: typeof Grid | typeof Community | typeof Street | typeof District, wanted: number[]) =>
      wanted.length === 0
        ? new Map<number, string>()
        : new Map((await this.ds.getRepository(entity).find({ where: { id: In(wanted) } })).map((p) => [p.id, p.name] as [number, string]));
    const [grids, communities, streets, districts] = await Promise.all([
      names(Grid, ids('gridId')),
      names(Community, ids('communityId')),
      names(Street, ids('streetId')),
      names(District, ids('districtId')),
    ]);
    return groups.map((roles) =>
      roles.map((r): RoleAssignmentView => {
        if (r.gridId !== null) return { role: r.role, placeLevel: 'grid', placeId: r.gridId, placeName: grids.get(r.gridId) ?? null, communityId: r.communityId };
        if (r.communityId !== null)
          return { role: r.role, placeLevel: 'community', placeId: r.communityId, placeName: communities.get(r.communityId) ?? null, communityId: r.communityId };
        if (r.streetId !== null) return { role: r.role, placeLevel: 'street', placeId: r.streetId, placeName: streets.get(r.streetId) ?? null, communityId: null };
        if (r.districtId !== null) return { role: r.role, placeLevel: 'district', placeId: r.districtId, placeName: districts.get(r.districtId) ?? null, communityId: null };
        return { role: r.role, placeLevel: null, placeId: null, placeName: null, communityId: null };
      }),
    );
  }

  /** The community a user belongs to: their approved household's (a pending request proves nothing), else the first place of their roles. */
  async homeCommunityId(user: AuthUser): Promise<number | null> {
    return this.homeFrom(user, (await this.bindings.approved(user.id))?.communityId ?? null);
  }

  /** The home community: the approved binding's, else the first community the user holds a role in. */
  homeFrom(user: AuthUser, boundCommunityId: number | null): number | null {
    return boundCommunityId ?? user.roles.find((r) => r.communityId !== null)?.communityId ?? null;
  }

  private async gridWorkersOf(gridId: number): Promise<MeView['gridWorkers']> {
    const rows = await this.ds
      .createQueryBuilder(RoleAssignment, 'r')
      .innerJoin(User, 'u', 'u.id = r.userId')
      .select(['u.id AS id', 'u.name AS name', 'u.phone AS phone'])
      .where("r.role = 'grid_worker' AND r.gridId = :gridId AND u.deletedAt IS NULL", { gridId })
      .orderBy('u.id', 'ASC')
      .getRawMany<{ id: number; name: string; phone: string | null }>();
    return rows.map((r) => ({ id: Number(r.id), name: r.name, phone: r.phone }));
  }

  async me(userId: number): Promise<MeView> {
    const user = await this.findById(userId);
    if (!user) throw new Error(`user ${userId} vanished`);
    const base = await this.userView(user);
    const claim = await this.ds.getRepository(AccountClaim).findOne({ where: { claimantId: userId, status: 'pending' }, order: { id: 'DESC' } });
    const claimRoles = claim ? await this.ds.getRepository(RoleAssignment).find({ where: { userId: claim.accountId }, order: { id: 'ASC' } }) : [];
    const binding = await this.bindings.current(userId);
    let household: MeView['household'] = null;
    let building: MeView['building'] = null;
    let grid: MeView['grid'] = null;
    let gridWorkers: MeView['gridWorkers'] = [];
    let communityId: number | null = base.roles.find((r) => r.communityId !== null)?.communityId ?? null;
    if (binding) {
      const h = await this.ds.getRepository(Household).findOneBy({ id: binding.householdId });
      const b = h ? await this.ds.getRepository(Building).findOneBy({ id: h.buildingId }) : null;
      if (h && b) {
        // current() reads only pending and approved bindings.
        household = { id: h.id, label: `${b.name}${h.label}`, bindingStatus: binding.status as 'pending' | 'approved' };
        building = { id: b.id, name: b.name };
        communityId = b.communityId;
        const g = b.gridId !== null ? await this.ds.getRepository(Grid).findOneBy({ id: b.gridId }) : null;
        if (g) grid = { id: g.id, name: g.name };
        // Their grid's workers, to call in one tap: only for a resident the committee has confirmed lives there.
        if (g && binding.status === 'approved') gridWorkers = await this.gridWorkersOf(g.id);
      }
    }
    if (!grid) {
      const gridRole = base.roles.find((r) => r.placeLevel === 'grid');
      if (gridRole && gridRole.placeId !== null) grid = { id: gridRole.placeId, name: gridRole.placeName ?? '' };
    }
    // The community with its district's local time, in the one query the name needed.
    const c =
      communityId !== null
        ? await this.ds
            .createQueryBuilder(Community, 'c')
            .innerJoin(District, 'd', 'd.id = c.districtId')
            .select(['c.id AS id', 'c.name AS name', 'd.utcOffsetMinutes AS utcOffsetMinutes'])
            .where('c.id = :communityId', { communityId })
            .getRawOne<{ id: number; name: string; utcOffsetMinutes: number }>()
        : undefined;
    return {
      ...base,
      phone: user.phone,
      phoneVerified: user.phoneVerifiedAt !== null,
      nickname: user.nickname,
      avatarUrl: user.avatarKey ? fileUrl(user.avatarKey) : null,
      claim: claim ? { id: claim.id, status: 'pending', roles: [...new Set(claimRoles.map((r) => r.role))] } : null,
      household,
      building,
      gridWorkers,
      grid,
      community: c ? { id: Number(c.id), name: c.name, utcOffsetMinutes: Number(c.utcOffsetMinutes) } : null,
    };
  }
}
