import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DataSource, IsNull } from 'typeorm';
import { PRIVACY_POLICY_VERSION, type LoginResult } from '@linli/shared';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { AppError, Errors } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { RoleAssignment, User } from '../users/entities/users.entities.js';
import { UsersService } from '../users/users.service.js';
import { WechatGateway } from '../wechat/wechat.gateway.js';
import { isUniqueViolation } from '../database/errors.js';
import { SessionsService, type SessionClaims } from './sessions.service.js';

@Injectable()
export class AuthService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(JwtService) private readonly jwt: JwtService,
    @Inject(UsersService) private readonly users: UsersService,
    @Inject(WechatGateway) private readonly wechat: WechatGateway,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(SessionsService) private readonly sessions: SessionsService,
  ) {}

  /** Dev login: outside production, without a WeChat appid or with DEV_LOGIN=true (which production refuses). */
  get devLoginEnabled(): boolean {
    return this.config.env !== 'production' && (this.config.devLogin || !this.wechat.configured);
  }

  /** Login needs the user's active consent to the current privacy policy (PIPL); the version agreed to is recorded. */
  async wechatLogin(code: string, consentVersion: string | undefined): Promise<LoginResult> {
    if (consentVersion !== PRIVACY_POLICY_VERSION) throw new AppError(400, 'CONSENT_REQUIRED', '请先阅读并同意用户协议和隐私政策');
    const { openid } = await this.wechat.code2Session(code);
    const now = this.clock.now();
    let user = await this.ds.getRepository(User).findOneBy({ openid });
    if (user && user.consentVersion !== consentVersion) {
      await this.ds.getRepository(User).update({ id: user.id }, { consentVersion, consentedAt: now });
    }
    if (!user) {
      // First login: a new resident. Binding to a household is a separate step a committee approves.
      try {
        user = await this.ds.transaction(async (em) => {
          const created = await em.save(
            User,
            em.create(User, { name: '微信用户', phone: null, openid, phoneVerifiedAt: null, nickname: null, avatarKey: null, consentVersion, consentedAt: now, createdAt: now, deletedAt: null }),
          );
          await em.insert(RoleAssignment, { userId: created.id, role: 'resident', districtId: null, streetId: null, communityId: null, gridId: null, organisationId: null });
          return created;
        });
      } catch (e) {
        if (!isUniqueViolation(e)) throw e; // two logins of a new user at once: the other created it
        user = (await this.ds.getRepository(User).findOneBy({ openid }))!;
      }
    }
    return this.issue(user);
  }

  async devLogin(userId: number): Promise<LoginResult> {
    if (!this.devLoginEnabled) throw Errors.notFound('接口');
    const user = await this.users.findById(userId);
    if (!user || user.deletedAt) throw Errors.notFound('用户');
    return this.issue(user);
  }

  /** A fresh token for this device's session; the one it replaces stops working after a short grace. */
  async refresh(userId: number, claims: SessionClaims): Promise<LoginResult> {
    const user = await this.users.findById(userId);
    if (!user) throw Errors.unauthenticated();
    return this.issue(user, await this.sessions.refresh(userId, claims));
  }

  async devUsers() {
    if (!this.devLoginEnabled) throw Errors.notFound('接口');
    const users = await this.ds.getRepository(User).find({ where: { deletedAt: IsNull() }, order: { id: 'ASC' }, take: 200 });
    const roles = await this.ds.getRepository(RoleAssignment).find({ order: { id: 'ASC' } });
    const views = await this.users.roleViews(users.map((u) => roles.filter((r) => r.userId === u.id)));
    return users.map((u, i) => ({
      id: u.id,
      name: u.name,
      roles: views[i],
      summary: views[i].map((r) => `${r.placeName ?? ''}${ROLE_SUMMARY[r.role] ?? r.role}`).join('、'),
    }));
  }

  /** A token for a new device session (a login, or a claim that makes a staff-created record this login), or the next generation of an existing one (a refresh). */
  async issue(user: User, session?: SessionClaims): Promise<LoginResult> {
    const claims = session ?? (await this.sessions.start(user.id));
    // Issued by the one clock (jsonwebtoken counts `exp` from the `iat` it is given), so tests and a shifted clock agree with the guard.
    const iat = Math.floor(this.clock.now().getTime() / 1000);
    const token = await this.jwt.signAsync({ sub: user.id, sid: claims.sid, gen: claims.gen, iat });
    const expiresAt = new Date((iat + this.config.jwtTtlSeconds) * 1000).toISOString();
    return { token, expiresAt, user: await this.users.userView(user) };
  }
}

const ROLE_SUMMARY: Record<string, string> = {
  resident: '居民',
  grid_worker: '网格员',
  committee_member: '居委会',
  street_officer: '街道干部',
  district_officer: '区级干部',
  partner: '合作单位',
  admin: '管理员',
};
