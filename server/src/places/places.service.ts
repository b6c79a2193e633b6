import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { Building, Community, Grid, Household } from './entities/places.entities.js';

/** Names and parents of places, for views and scoping. */
@Injectable()
export class PlacesService {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

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
    const grids = await this.ds.getRepository(Grid).find({ where: { id: In(wanted) }, select: { id: true, name: true } });
    return new Map(grids.map((g) => [g.id, g.name]));
  }

  async buildingNames(ids: (number | null)[]): Promise<Map<number, string>> {
    const wanted = [...new Set(ids.filter((x): x is number => x !== null))];
    if (wanted.length === 0) return new Map();
    const rows = await this.ds.getRepository(Building).find({ where: { id: In(wanted) }, select: { id: true, name: true } });
    return new Map(rows.map((b) => [b.id, b.name]));
  }
}
