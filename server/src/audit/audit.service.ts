import { Inject, Injectable } from '@nestjs/common';
import { Brackets, type EntityManager } from 'typeorm';
import type { AuditAction, AuditEntryView, PageOfAuditEntry } from '@linli/shared';
import type { AuthUser } from '../auth/auth-user.js';
import { Errors } from '../common/app-error.js';
import { paging } from '../common/paging.js';
import { Db } from '../database/db.js';
import { Community } from '../places/entities/places.entities.js';
import { PlacesService } from '../places/places.service.js';
import { User } from '../users/entities/users.entities.js';
import { AuditEntry } from './audit-entry.entity.js';
import type { AuditQueryDto } from './audit.dto.js';

export interface AuditRecord {
  actor: { id: number; role: string };
  action: AuditAction;
  /** The community of the records; its district is looked up when not given. */
  communityId: number | null;
  districtId?: number | null;
  targetType: string;
  targetIds: number[];
  details?: Record<string, unknown> | null;
  at: Date;
}

/** 操作留痕: writes an entry beside the action it records, and lets those who oversee a community read theirs. */
@Injectable()
export class AuditService {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(PlacesService) private readonly places: PlacesService,
  ) {}

  /** In the caller's transaction (em), so the entry stands or falls with the action. */
  static async record(em: EntityManager, r: AuditRecord): Promise<void> {
    let districtId = r.districtId ?? null;
    if (districtId === null && r.communityId !== null) districtId = (await em.findOneBy(Community, { id: r.communityId }))?.districtId ?? null;
    await em.save(
      em.create(AuditEntry, {
      actorId: r.actor.id,
      actorRole: r.actor.role,
      action: r.action,
      communityId: r.communityId,
      districtId,
      targetType: r.targetType,
      targetIds: r.targetIds,
      details: r.details ?? null,
      createdAt: r.at,
      }),
    );
  }

  async list(user: AuthUser, q: AuditQueryDto): Promise<PageOfAuditEntry> {
    const { page, pageSize, skip, take } = paging(q);
    const qb = this.db.manager.createQueryBuilder(AuditEntry, 'a');
    if (q.communityId !== undefined) {
      const community = await this.places.communityPlace(q.communityId);
      if (!community || !user.overseesCommunity(community)) throw Errors.forbidden('不能查看其他社区的操作记录，请选择您所在的社区');
      qb.where('a.communityId = :c', { c: q.communityId });
    } else if (!user.has('admin')) {
      const communities = user.communityIds('committee_member');
      const streets = user.streetIds('street_officer');
      const districts = user.districtIds('district_officer');
      qb.leftJoin(Community, 'c', 'c.id = a.communityId').where(
        new Brackets((w) => {
          w.where('1 = 0');
          if (communities.length) w.orWhere('a.communityId IN (:...communities)', { communities });
          if (streets.length) w.orWhere('c.streetId IN (:...streets)', { streets });
          if (districts.length) w.orWhere('a.districtId IN (:...districts)', { districts });
        }),
      );
    }
    if (q.action) qb.andWhere('a.action = :action', { action: q.action });
    if (q.from) qb.andWhere('a.createdAt >= :from', { from: new Date(q.from) });
    if (q.to) qb.andWhere('a.createdAt < :to', { to: new Date(q.to) });
    const [rows, total] = await qb.orderBy('a.id', 'DESC').skip(skip).take(take).getManyAndCount();
    const actorIds = [...new Set(rows.map((r) => r.actorId))];
    const names = new Map(actorIds.length ? (await this.db.manager.createQueryBuilder(User, 'u').select(['u.id', 'u.name']).whereInIds(actorIds).getMany()).map((u) => [u.id, u.name]) : []);
    const items: AuditEntryView[] = rows.map((r) => ({
      id: r.id,
      actor: { id: r.actorId, name: names.get(r.actorId) ?? '', role: r.actorRole },
      action: r.action,
      communityId: r.communityId,
      targetType: r.targetType,
      targetIds: r.targetIds,
      details: r.details,
      createdAt: r.createdAt.toISOString(),
    }));
    return { items, total, page, pageSize };
  }
}
