import { Inject, Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { ContentHoldView } from '@linli/shared';
import { Db } from '../database/db.js';
import { Ticket } from '../tickets/entities/ticket.entity.js';
import type { ContentHold } from './content-hold.entity.js';

/** Held texts as the committee reads them, with their tickets' codes loaded in one query. */
@Injectable()
export class ContentHoldViews {
  constructor(@Inject(Db) private readonly db: Db) {}

  async of(holds: ContentHold[]): Promise<ContentHoldView[]> {
    const ids = [...new Set(holds.map((h) => h.ticketId).filter((x): x is number => x !== null))];
    const codes = new Map(ids.length ? (await this.db.manager.find(Ticket, { where: { id: In(ids) }, select: { id: true, code: true } })).map((t) => [t.id, t.code]) : []);
    return holds.map((h) => ({
      id: h.id,
      communityId: h.communityId,
      ticketId: h.ticketId,
      ticketCode: h.ticketId !== null ? (codes.get(h.ticketId) ?? null) : null,
      field: h.field,
      text: h.text,
      reason: h.reason,
      createdAt: h.createdAt.toISOString(),
      releasedAt: h.releasedAt?.toISOString() ?? null,
    }));
  }
}
