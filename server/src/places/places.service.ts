import { Inject, Injectable } from '@nestjs/common';
import { Statements } from '../database/statements.js';
import { DataSource, In } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { Errors } from '../common/app-error.js';
import { UsersService } from '../users/users.service.js';
import { Building, Community, District, Grid, Household } from './entities/places.entities.js';

/** Where a community sits and the local time it lives in. */
export interface CommunityPlace {
  id: number;
  streetId: number;
  districtId: number;
  utcOffsetMinutes: number;
}

/** Names and parents of places, for views and scoping, and the pickers a resident chooses from. */
@Injectable()
export class PlacesService {
  /** Places change rarely: every process keeps a short-lived copy, so a report or a figure costs no lookup. */
  private readonly places = new Map<number, { at: number; place: CommunityPlace }>();
  static readonly TTL_MS = 60_000;

  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(UsersService) private readonly users: UsersService,
  ) {}

  async communityChoices() {
    return (await this.communities()).map((c) => ({ id: c.id, name: c.name, streetId: c.streetId }));
  }

  /** Without a community asked for, the caller's own. */
  async buildingChoices(user: AuthUser, communityId: number | undefined) {
    const id = communityId ?? (await this.users.homeCommunityId(user));
    if (id === null) throw Errors.unprocessable('COMMUNITY_REQUIRED', '请先选择社区');
    return (await this.buildings(id)).map((b) => ({ id: b.id, name: b.name, gridId: b.gridId, communityId: b.communityId, lat: b.lat, lng: b.lng }));
  }

  async householdChoices(buildingId: number) {
    return (await this.households(buildingId)).map((h) => ({ id: h.id, label: h.label }));
  }

  async communityPlace(id: number): Promise<CommunityPlace | null> {
    const hit = this.places.get(id);
    if (hit && Date.now() - hit.at < PlacesService.TTL_MS) return hit.place;
    const row = await this.ds
      .createQueryBuilder(Community, 'c')
      .innerJoin(District, 'd', 'd.id = c.districtId')
      .select('c.id', 'id')
      .addSelect('c.streetId', 'streetId')
      .addSelect('c.districtId', 'districtId')
      .addSelect('d.utcOffsetMinutes', 'utcOffsetMinutes')
      .where('c.id = :id', { id })
      .getRawOne<Record<keyof CommunityPlace, number | string>>();
    if (!row) return null;
    const place: CommunityPlace = { id: Number(row.id), streetId: Number(row.streetId), districtId: Number(row.districtId), utcOffsetMinutes: Number(row.utcOffsetMinutes) };
    this.places.set(id, { at: Date.now(), place });
    return place;
  }

  community(id: number): Promise<Community | null> {
    return this.ds.getRepository(Community).findOneBy({ id });
  }

  communities(): Promise<Community[]> {
    return this.ds.getRepository(Community).find({ order: { id: 'ASC' } });
  }

  building(id: number): Promise<Building | null> {
    return this.ds.getRepository(Building).findOneBy({ id });
  }

  buildings(communityId: number): Promise<Building[]> {
    return this.ds.getRepository(Building).find({ where: { communityId }, order: { id: 'ASC' } });
  }

  households(buildingId: number): Promise<Household[]> {
    return this.ds.getRepository(Household).find({ where: { buildingId }, order: { id: 'ASC' } });
  }

  household(id: number): Promise<Household | null> {
    return this.ds.getRepository(Household).findOneBy({ id });
  }

  grid(id: number): Promise<Grid | null> {
    return this.ds.getRepository(Grid).findOneBy({ id });
  }

  async gridNames(ids: (number | null)[]): Promise<Map<number, string>> {
    const wanted = [...new Set(ids.filter((x): x is number => x !== null))];
    if (wanted.length === 0) return new Map();
    const grids = await Statements.of(this.ds).rows<{ id: number; name: string }>(`SELECT \`id\`, \`name\` FROM \`grids\` WHERE \`id\` IN (${wanted.map(() => '?').join(', ')})`, wanted);
    return new Map(grids.map((g) => [Number(g.id), g.name]));
  }

  async buildingNames(ids: (number | null)[]): Promise<Map<number, string>> {
    const wanted = [...new Set(ids.filter((x): x is number => x !== null))];
    if (wanted.length === 0) return new Map();
    const rows = await this.ds.getRepository(Building).find({ where: { id: In(wanted) }, select: { id: true, name: true } });
    return new Map(rows.map((b) => [b.id, b.name]));
  }
}
