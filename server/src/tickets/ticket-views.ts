import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import {
  ESCALATION_LEVELS,
  allowedActions,
  isOverdue,
  type PublicTicket,
  type Role,
  type TicketDetail,
  type TicketEventView,
  type TicketRelation,
  type TicketSummary,
} from '@linli/shared';
import { CategoriesService } from '../categories/categories.service.js';
import { fileUrl } from '../files/storage.js';
import { scrubPersonalData } from '../common/mask.js';
import { PlacesService } from '../places/places.service.js';
import { User } from '../users/entities/users.entities.js';
import type { Clock } from '../common/clock.js';
import { Ticket } from './entities/ticket.entity.js';
import { TicketEvent } from './entities/ticket-event.entity.js';

export function ticketCode(t: Pick<Ticket, 'id' | 'createdAt'>): string {
  const d = t.createdAt.toISOString().slice(0, 10).replaceAll('-', '');
  return `${d}-${String(t.id).padStart(6, '0')}`;
}

/** Turns tickets into the shapes the API speaks, loading names in batches (no N+1). */
@Injectable()
export class TicketViews {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(CategoriesService) private readonly categories: CategoriesService,
    @Inject(PlacesService) private readonly places: PlacesService,
  ) {}

  /** `names`: user names already loaded by the caller, holding every handler's. */
  async summaries(tickets: Ticket[], now: Date, names?: Map<number, string>): Promise<TicketSummary[]> {
    const [categories, grids, users] = await Promise.all([
      this.categories.all(),
      this.places.gridNames(tickets.map((t) => t.gridId)),
      names ?? this.userNames(tickets.map((t) => t.handlerId)),
    ]);
    return tickets.map((t) => {
      const c = categories.get(t.categoryId);
      return {
        id: t.id,
        code: ticketCode(t),
        status: t.status,
        category: { id: t.categoryId, name: c?.name ?? '', icon: c?.icon ?? '' },
        description: t.description,
        communityId: t.communityId,
        gridId: t.gridId,
        gridName: t.gridId !== null ? (grids.get(t.gridId) ?? null) : null,
        handler: t.handlerId !== null ? { id: t.handlerId, name: users.get(t.handlerId) ?? '' } : null,
        escalationLevel: ESCALATION_LEVELS[t.escalationLevel],
        reopenCount: t.reopenCount,
        followerCount: t.followerCount,
        acceptDueAt: t.acceptDueAt.toISOString(),
        resolveDueAt: t.resolveDueAt.toISOString(),
        overdue: isOverdue(t, now),
        createdAt: t.createdAt.toISOString(),
        updatedAt: t.updatedAt.toISOString(),
        version: t.version,
      };
    });
  }

  async detail(t: Ticket, viewer: { id: number; relations: TicketRelation[]; staff: boolean; following: boolean }, clock: Clock): Promise<TicketDetail> {
    const [events, building] = await Promise.all([
      this.ds.getRepository(TicketEvent).find({ where: { ticketId: t.id }, order: { id: 'ASC' } }),
      t.buildingId !== null ? this.places.building(t.buildingId) : null,
    ]);
    // Every name the detail shows (actors, reporter, handler) in one query.
    const names = await this.userNames([...events.map((e) => e.actorId), t.reporterId, t.handlerId]);
    const [summary] = await this.summaries([t], clock.now(), names);
    const showReporter = viewer.staff || viewer.id === t.reporterId;
    const timeline: TicketEventView[] = events.map((e) => {
      const hideActor = e.actorId !== null && e.actorId !== viewer.id && e.actorRole === 'resident' && !viewer.staff;
      return {
        id: e.id,
        type: e.type,
        actor: e.actorId === null ? null : hideActor ? { id: 0, name: '居民', role: 'resident' } : { id: e.actorId, name: names.get(e.actorId) ?? '', role: e.actorRole as Role | 'system' },
        note: e.note,
        photoUrls: (e.photoKeys ?? []).map(fileUrl),
        at: e.createdAt.toISOString(),
      };
    });
    return {
      ...summary,
      anonymous: t.anonymous,
      reporter: showReporter ? { id: t.reporterId, name: names.get(t.reporterId) ?? '' } : null,
      location: t.lat !== null && t.lng !== null ? { lat: t.lat, lng: t.lng } : null,
      building: building ? { id: building.id, name: building.name } : null,
      photoUrls: t.photoKeys.map(fileUrl),
      resolutionNote: t.resolutionNote,
      resolutionPhotoUrls: (t.resolutionPhotoKeys ?? []).map(fileUrl),
      rating: t.rating,
      ratingComment: t.ratingComment,
      rejectReason: t.rejectReason,
      duplicateOfId: t.duplicateOfId,
      following: viewer.following,
      allowedActions: allowedActions(t.status, viewer.relations),
      timeline,
    };
  }

  async publicTickets(tickets: Ticket[]): Promise<PublicTicket[]> {
    const [categories, grids] = await Promise.all([this.categories.all(), this.places.gridNames(tickets.map((t) => t.gridId))]);
    return tickets.map((t) => ({
      id: t.id,
      code: ticketCode(t),
      category: categories.get(t.categoryId)?.name ?? '',
      description: scrubPersonalData(t.description),
      gridName: t.gridId !== null ? (grids.get(t.gridId) ?? null) : null,
      resolutionNote: t.resolutionNote,
      rating: t.rating,
      createdAt: t.createdAt.toISOString(),
      closedAt: t.closedAt?.toISOString() ?? null,
    }));
  }

  async userNames(ids: (number | null)[]): Promise<Map<number, string>> {
    const wanted = [...new Set(ids.filter((x): x is number => x !== null))];
    if (wanted.length === 0) return new Map();
    const users = await this.ds.getRepository(User).find({ where: { id: In(wanted) }, select: { id: true, name: true } });
    return new Map(users.map((u) => [u.id, u.name]));
  }
}
