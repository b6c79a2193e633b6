import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AppError } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Db } from '../database/db.js';
import { AuthSession } from './entities/auth-session.entity.js';

/** How long the token a refresh replaced keeps working: requests a phone sent just before it refreshed. */
export const REFRESH_GRACE_MS = 60_000;
/** How long a process trusts what it read of a session; shorter than the grace, so a rotation is never missed for long. */
const CACHE_TTL_MS = 30_000;
const CACHE_MAX = 20_000;

export interface SessionClaims {
  sid: string;
  gen: number;
}

const ended = () => new AppError(401, 'SESSION_ENDED', '登录已失效，请重新登录');

/**
 * Device sessions behind the login tokens. The per-request check reads a cache kept for CACHE_TTL_MS,
 * so it adds no query to the hot path; a token of a newer generation than the cache knows reloads it.
 */
@Injectable()
export class SessionsService {
  private readonly cache = new Map<string, { session: AuthSession; loadedAt: number }>();

  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async start(userId: number): Promise<SessionClaims> {
    const now = this.clock.now();
    const session: AuthSession = {
      id: randomBytes(16).toString('hex'),
      userId,
      generation: 1,
      previousValidUntil: null,
      createdAt: now,
      expiresAt: this.expiry(now),
      revokedAt: null,
    };
    await this.db.manager.insert(AuthSession, session);
    return { sid: session.id, gen: 1 };
  }

  /**
   * The next generation for a token of generation `gen`. Two refreshes of one token at once (a retry)
   * both get the newer generation; a token older than that is refused.
   */
  async refresh(userId: number, claims: SessionClaims): Promise<SessionClaims> {
    const now = this.clock.now();
    const moved = await this.db.manager
      .createQueryBuilder()
      .update(AuthSession)
      .set({ generation: claims.gen + 1, previousValidUntil: new Date(now.getTime() + REFRESH_GRACE_MS), expiresAt: this.expiry(now) })
      .where('id = :sid AND userId = :userId AND generation = :gen AND revokedAt IS NULL', { sid: claims.sid, userId, gen: claims.gen })
      .execute();
    this.cache.delete(claims.sid);
    if (moved.affected === 1) return { sid: claims.sid, gen: claims.gen + 1 };
    const session = await this.load(claims.sid);
    if (session && session.userId === userId && this.accepts(session, claims.gen, now) && session.generation === claims.gen + 1) return { sid: claims.sid, gen: session.generation };
    throw ended();
  }

  /** Throws 401 SESSION_ENDED unless the token's session and generation are current (or within the grace). */
  async check(userId: number, claims: SessionClaims): Promise<void> {
    const now = this.clock.now();
    let cached = this.cache.get(claims.sid);
    if (!cached || now.getTime() - cached.loadedAt > CACHE_TTL_MS || claims.gen > cached.session.generation) {
      const session = await this.load(claims.sid);
      if (!session) throw ended();
      cached = { session, loadedAt: now.getTime() };
    }
    if (cached.session.userId !== userId || !this.accepts(cached.session, claims.gen, now)) throw ended();
  }

  /** Ends every session of the user (注销, a staff member removed): their tokens stop at once in this process, within CACHE_TTL_MS in others. */
  async revokeAll(userId: number): Promise<void> {
    await this.db.manager.update(AuthSession, { userId }, { revokedAt: this.clock.now() });
    for (const [sid, c] of this.cache) if (c.session.userId === userId) this.cache.delete(sid);
  }

  private accepts(s: AuthSession, gen: number, now: Date): boolean {
    if (s.revokedAt !== null) return false;
    if (gen === s.generation) return true;
    return gen === s.generation - 1 && s.previousValidUntil !== null && now < s.previousValidUntil;
  }

  private async load(sid: string): Promise<AuthSession | null> {
    const session = await this.db.manager.findOneBy(AuthSession, { id: sid });
    if (session) {
      if (this.cache.size >= CACHE_MAX) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(sid, { session, loadedAt: this.clock.now().getTime() });
    }
    return session;
  }

  private expiry(now: Date): Date {
    return new Date(now.getTime() + this.config.jwtTtlSeconds * 1000);
  }
}
