import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import {
  ESCALATION_LEVELS,
  REJECT_REASON_LABELS,
  ROLE_LABELS,
  STAFF_ONLY_NOTE_EVENTS,
  UNCATEGORISED_LABEL,
  allowedActions,
  maskPersonalText,
  type RejectReason,
  isOverdue,
  type PublicTicket,
  type Role,
  type TicketDetail,
  type TicketEventView,
  type TicketRelation,
  type TicketSummary,
} from '@linli/shared';
import { CategoriesService } from '../categories/categories.service.js';
import { Statements } from '../database/statements.js';
import { fileUrl } from '../files/storage.js';
import { StoredFile } from '../files/stored-file.entity.js';
import { PlacesService } from '../places/places.service.js';
import { User } from '../users/entities/users.entities.js';
import type { Clock } from '../common/clock.js';
import { Ticket } from './entities/ticket.entity.js';
import { TicketEvent } from './entities/ticket-event.entity.js';

/** What neighbours read instead of a text held for review (content security). */
export const HELD_TEXT = '（内容审核中）';

/** What the caller already holds of a ticket it just wrote, so that its detail needs no reading back. */
export interface KnownDetail {
  events: TicketEvent[];
  building: { id: number; name: string } | null;
  /** Every name the detail shows (the reporter's, the handler's). */
  names: Map<number, string>;
  /** The grid's name; undefined when not known. */
  gridName: string | null | undefined;
}

/** Who reads a ticket: staff, its reporter, or anyone else (the public view). */
type Audience = 'staff' | 'reporter' | 'public';

/** Turns tickets into the shapes the API speaks, loading names in batches (no N+1). */
@Injectable()
export class TicketViews {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(CategoriesService) private readonly categories: CategoriesService,
    @Inject(PlacesService) private readonly places: PlacesService,
  ) {}

  /**
   * `names`: user names already loaded by the caller, holding every handler's.
   * `publicView`: for a reader who is neither staff nor the reporter (a follower's list): texts masked, no staff named.
   */
  async summaries(tickets: Ticket[], now: Date, names?: Map<number, string>, publicView = false, gridNames?: Map<number, string>): Promise<TicketSummary[]> {
    const [categories, grids, users] = await Promise.all([
      this.categories.all(),
      gridNames ?? this.places.gridNames(tickets.map((t) => t.gridId)),
      names ?? (publicView ? new Map<number, string>() : this.userNames(tickets.map((t) => t.handlerId))),
    ]);
    return tickets.map((t) => {
      const c = t.categoryId === null ? undefined : categories.get(t.categoryId);
      return {
        id: t.id,
        code: t.code,
        status: t.status,
        category: t.categoryId === null ? null : { id: t.categoryId, name: c?.name ?? '', icon: c?.icon ?? '' },
        description: publicView ? (t.contentHeld ? HELD_TEXT : maskPersonalText(t.description)) : t.description,
        communityId: t.communityId,
        gridId: t.gridId,
        gridName: t.gridId !== null ? (grids.get(t.gridId) ?? null) : null,
        handler: t.handlerId !== null && !publicView ? { id: t.handlerId, name: users.get(t.handlerId) ?? '' } : null,
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

  /**
   * One ticket as this viewer may read it. Staff read everything as written (they must be able to call
   * back). The reporter reads their own words as written and staff's words masked. Anyone else (a
   * neighbour who said "me too") gets the public view: an allow-list, with every free text masked and
   * no reporter, place, photos or names of staff.
   */
  async detail(t: Ticket, viewer: { id: number; relations: TicketRelation[]; staff: boolean; following: boolean }, clock: Clock, known?: KnownDetail): Promise<TicketDetail> {
    const audience: Audience = viewer.staff ? 'staff' : viewer.id === t.reporterId ? 'reporter' : 'public';
    const [events, building] = known
      ? [known.events, audience !== 'public' ? known.building : null]
      : await Promise.all([
          this.timeline(t.id),
          t.buildingId !== null && audience !== 'public'
            ? Statements.of(this.ds)
                .rows<{ id: number; name: string }>('SELECT `id`, `name` FROM `buildings` WHERE `id` = ?', [t.buildingId])
                .then(([b]) => b ?? null)
            : null,
        ]);
    // Every name the detail shows (actors, reporter, handler) in one query.
    const names = known?.names ?? (await this.userNames([...events.map((e) => e.actorId), t.reporterId, t.handlerId]));
    const grids = known?.gridName !== undefined && t.gridId !== null ? new Map(known.gridName === null ? [] : [[t.gridId, known.gridName]]) : undefined;
    const [summary] = await this.summaries([t], clock.now(), names, false, grids);
    const publicView = audience === 'public';
    const photos = await this.photoUrlsOf([...t.photoKeys, ...(t.resolutionPhotoKeys ?? []), ...events.flatMap((e) => e.photoKeys ?? [])]);
    // Neighbours read none of a ticket's words while one of them awaits a committee member's release.
    const held = publicView && t.contentHeld;
    const staffText = (text: string | null) => (text === null || audience === 'staff' ? text : held ? HELD_TEXT : maskPersonalText(text));
    const ownText = (text: string | null) => (text === null || audience !== 'public' ? text : held ? HELD_TEXT : maskPersonalText(text));
    const timeline: TicketEventView[] = events.map((e) => ({
      id: e.id,
      type: e.type,
      actor: this.actorOf(e, viewer, audience, names),
      note: this.noteOf(e, audience, staffText, ownText),
      photoUrls: publicView ? [] : photos(e.photoKeys),
      at: e.createdAt.toISOString(),
    }));
    return {
      ...summary,
      description: ownText(t.description)!,
      handler: publicView ? null : summary.handler,
      anonymous: t.anonymous,
      reporter: audience !== 'public' ? { id: t.reporterId, name: names.get(t.reporterId) ?? '' } : null,
      location: !publicView && t.lat !== null && t.lng !== null ? { lat: t.lat, lng: t.lng } : null,
      building: building ? { id: building.id, name: building.name } : null,
      photoUrls: publicView ? [] : photos(t.photoKeys),
      resolutionNote: staffText(t.resolutionNote),
      resolutionPhotoUrls: publicView ? [] : photos(t.resolutionPhotoKeys),
      rating: t.rating,
      ratingComment: ownText(t.ratingComment),
      rejectReason: t.rejectReason,
      duplicateOfId: t.duplicateOfId,
      following: viewer.following,
      allowedActions: allowedActions(t.status, viewer.relations, t.categoryId !== null),
      timeline,
    };
  }

  /** A ticket's timeline in order (one prepared statement). */
  async timeline(ticketId: number): Promise<TicketEvent[]> {
    const events = Statements.of(this.ds).table(TicketEvent);
    return events.entities(await Statements.of(this.ds).rows(`SELECT ${events.select('e')} FROM \`ticket_events\` e WHERE e.\`ticketId\` = ? ORDER BY e.\`id\` ASC`, [ticketId]));
  }

  /** Turns photo keys into URLs, leaving out the photos WeChat's check found risky (one query for all of them). */
  private async photoUrlsOf(keys: string[]): Promise<(keys: string[] | null) => string[]> {
    const distinct = [...new Set(keys)];
    const risky = distinct.length
      ? new Set(
          (
            await Statements.of(this.ds).rows<{ key: string }>(
              `SELECT \`key\` FROM \`files\` WHERE \`key\` IN (${distinct.map(() => '?').join(', ')}) AND \`checkStatus\` = 'risky'`,
              distinct,
            )
          ).map((f) => f.key),
        )
      : new Set<string>();
    return (some) => (some ?? []).filter((k) => !risky.has(k)).map(fileUrl);
  }

  /** Residents other than the viewer are never named to non-staff; the public view names staff by role only. */
  private actorOf(e: TicketEvent, viewer: { id: number }, audience: Audience, names: Map<number, string>): TicketEventView['actor'] {
    if (e.actorId === null) return null;
    const role = e.actorRole as Role | 'system';
    if (audience === 'staff' || e.actorId === viewer.id) return { id: e.actorId, name: names.get(e.actorId) ?? '', role };
    if (role === 'resident') return { id: 0, name: '居民', role };
    if (audience === 'public') return { id: 0, name: role === 'system' ? '' : ROLE_LABELS[role], role };
    return { id: e.actorId, name: names.get(e.actorId) ?? '', role };
  }

  /** What a timeline note says to this audience (docs/security.md: who reads what). */
  private noteOf(e: TicketEvent, audience: Audience, staffText: (s: string | null) => string | null, ownText: (s: string | null) => string | null): string | null {
    if (audience === 'staff' || e.note === null) return e.note;
    if (STAFF_ONLY_NOTE_EVENTS.includes(e.type)) return null;
    if (e.type === 'rejected' && audience === 'public') return REJECT_REASON_LABELS[(e.data?.reason as RejectReason) ?? 'other'];
    // Residents' own words (the rating and its comment) against staff's words (results, reasons).
    return e.type === 'rated' || e.type === 'reopened' ? ownText(e.note) : staffText(e.note);
  }

  async publicTickets(tickets: Ticket[]): Promise<PublicTicket[]> {
    const [categories, grids] = await Promise.all([this.categories.all(), this.places.gridNames(tickets.map((t) => t.gridId))]);
    return tickets.map((t) => ({
      id: t.id,
      code: t.code,
      category: t.categoryId === null ? UNCATEGORISED_LABEL : (categories.get(t.categoryId)?.name ?? ''),
      description: maskPersonalText(t.description),
      gridName: t.gridId !== null ? (grids.get(t.gridId) ?? null) : null,
      resolutionNote: t.resolutionNote === null ? null : maskPersonalText(t.resolutionNote),
      rating: t.rating,
      createdAt: t.createdAt.toISOString(),
      closedAt: t.closedAt?.toISOString() ?? null,
    }));
  }

  /** Users' names by id (one prepared statement); `known` names are not asked again. */
  async userNames(ids: (number | null)[], known?: Map<number, string>): Promise<Map<number, string>> {
    const names = new Map(known);
    const wanted = [...new Set(ids.filter((x): x is number => x !== null && !names.has(x)))];
    if (wanted.length === 0) return names;
    const rows = await Statements.of(this.ds).rows<{ id: number; name: string }>(`SELECT \`id\`, \`name\` FROM \`users\` WHERE \`id\` IN (${wanted.map(() => '?').join(', ')})`, wanted);
    for (const u of rows) names.set(Number(u.id), u.name);
    return names;
  }
}
