import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CategoryView } from '@linli/shared';
import { Category } from './category.entity.js';

/** Categories change rarely: every process keeps a short-lived copy. */
@Injectable()
export class CategoriesService {
  private cache: { at: number; byId: Map<number, Category> } | null = null;
  static readonly TTL_MS = 60_000;

  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  async all(): Promise<Map<number, Category>> {
    if (this.cache && Date.now() - this.cache.at < CategoriesService.TTL_MS) return this.cache.byId;
    const rows = await this.ds.getRepository(Category).find({ order: { sortOrder: 'ASC', id: 'ASC' } });
    this.cache = { at: Date.now(), byId: new Map(rows.map((c) => [c.id, c])) };
    return this.cache.byId;
  }

  async get(id: number): Promise<Category | undefined> {
    return (await this.all()).get(id);
  }

  async list(): Promise<CategoryView[]> {
    return [...(await this.all()).values()].filter((c) => c.active).map(toCategoryView);
  }

  invalidate(): void {
    this.cache = null;
  }
}

export function toCategoryView(c: Category): CategoryView {
  return {
    id: c.id,
    code: c.code,
    name: c.name,
    shortName: c.shortName ?? c.name,
    icon: c.icon,
    routing: c.routing,
    acceptMinutes: c.acceptMinutes,
    resolveMinutes: c.resolveMinutes,
    duplicateRadiusMeters: c.duplicateRadiusMeters,
  };
}
