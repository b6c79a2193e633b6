import { Inject, Injectable } from '@nestjs/common';
import Flatbush from 'flatbush';
import { DataSource } from 'typeorm';
import { Grid } from './entities/places.entities.js';
import { pointInGeometry, type PolygonGeometry } from './geo.js';

interface IndexedGrid {
  id: number;
  communityId: number;
  geometry: PolygonGeometry;
}

/**
 * Which grid a point falls in. Boundaries change rarely: they are loaded into a
 * static R-tree (Flatbush) of bounding boxes, then the few candidates are tested
 * exactly. The index is a cache of the grids table, reloaded when it goes stale.
 */
@Injectable()
export class GridLocator {
  private index: Flatbush | null = null;
  private grids: IndexedGrid[] = [];
  private loadedAt = 0;
  private loading: Promise<void> | null = null;
  static readonly TTL_MS = 5 * 60_000;

  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  async locate(lat: number, lng: number): Promise<{ gridId: number; communityId: number } | null> {
    await this.ensureLoaded();
    return this.locateLoaded(lat, lng);
  }

  /** The lookup itself, once loaded: what the benchmark times. */
  locateLoaded(lat: number, lng: number): { gridId: number; communityId: number } | null {
    if (!this.index) return null;
    for (const i of this.index.search(lng, lat, lng, lat)) {
      const g = this.grids[i];
      if (pointInGeometry(lng, lat, g.geometry)) return { gridId: g.id, communityId: g.communityId };
    }
    return null;
  }

  /** Forget the index (after grids are edited or seeded). */
  invalidate(): void {
    this.loadedAt = 0;
  }

  async ensureLoaded(): Promise<void> {
    if (Date.now() - this.loadedAt < GridLocator.TTL_MS) return;
    this.loading ??= this.load().finally(() => (this.loading = null));
    await this.loading;
  }

  private async load(): Promise<void> {
    const rows = await this.ds.getRepository(Grid).find({ order: { id: 'ASC' } });
    this.grids = rows.map((g) => ({ id: g.id, communityId: g.communityId, geometry: JSON.parse(g.boundary) }));
    if (rows.length === 0) {
      this.index = null;
    } else {
      const index = new Flatbush(rows.length);
      for (const g of rows) index.add(g.minLng, g.minLat, g.maxLng, g.maxLat);
      index.finish();
      this.index = index;
    }
    this.loadedAt = Date.now();
  }
}
