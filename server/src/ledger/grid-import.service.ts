import { Inject, Injectable } from '@nestjs/common';
import type { GridImportReport } from '@linli/shared';
import type { AuthUser } from '../auth/auth-user.js';
import { AuditService } from '../audit/audit.service.js';
import { AppError } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { Db } from '../database/db.js';
import { bbox, pointInGeometry, type PolygonGeometry } from '../places/geo.js';
import { Building, Grid } from '../places/entities/places.entities.js';
import { GridLocator } from '../places/grid-locator.js';
import { firstOverlap, GeoJsonProblem, readGridFeatures, type GridFeature } from './grid-geojson.js';
import { ledgerReach } from './ledger-access.js';
import { lockCommunity } from './ledger-lock.js';
import type { GridImportDto } from './ledger.dto.js';

/**
 * 网格边界导入: grids matched by name, each boundary valid, none overlapping another of the community (those in the
 * file and those it leaves as they are); buildings with a position follow the grid that now contains them.
 */
@Injectable()
export class GridImportService {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(GridLocator) private readonly locator: GridLocator,
  ) {}

  async import(user: AuthUser, dto: GridImportDto, file: { buffer: Buffer } | undefined): Promise<GridImportReport> {
    const reach = await ledgerReach(this.db.manager, user, dto.communityId, 'write');
    if (!file) throw new AppError(400, 'FILE_MISSING', '请选择 GeoJSON 文件（表单字段 file）');
    let features: GridFeature[];
    try {
      features = readGridFeatures(decode(file.buffer));
    } catch (e) {
      if (e instanceof GeoJsonProblem) throw new AppError(422, 'GRID_GEOJSON_INVALID', e.message);
      throw e;
    }
    const result = await this.db.transaction(async (em) => {
      await lockCommunity(em, this.db.isMysql, reach.communityId);
      const existing = await em.find(Grid, { where: { communityId: reach.communityId }, order: { id: 'ASC' } });
      const byName = new Map(existing.map((g) => [g.name, g]));
      const named = new Set(features.map((f) => f.name));
      const after: (GridFeature & { id: number | null })[] = [
        ...existing.filter((g) => !named.has(g.name)).map((g) => ({ id: g.id, name: g.name, geometry: JSON.parse(g.boundary) as PolygonGeometry })),
        ...features.map((f) => ({ ...f, id: byName.get(f.name)?.id ?? null })),
      ];
      const overlap = firstOverlap(after);
      if (overlap) throw new AppError(422, 'GRID_GEOJSON_INVALID', `网格“${overlap[0]}”与“${overlap[1]}”有重叠区域，请修正边界后重新导入`);
      const report: GridImportReport = { dryRun: dto.dryRun, added: [], changed: [], unchanged: [], buildingsMoved: 0 };
      for (const f of features) {
        const old = byName.get(f.name);
        if (!old) report.added.push(f.name);
        else if (old.boundary === JSON.stringify(f.geometry)) report.unchanged.push(f.name);
        else report.changed.push(f.name);
      }
      if (!dto.dryRun) {
        for (const f of after) {
          if (f.id !== null && report.unchanged.includes(f.name)) continue;
          const columns = { communityId: reach.communityId, name: f.name, boundary: JSON.stringify(f.geometry), ...bbox(f.geometry) };
          if (f.id === null) f.id = (await em.insert(Grid, columns)).identifiers[0].id;
          else if (named.has(f.name)) await em.update(Grid, { id: f.id }, columns);
        }
      }
      // Buildings with a position go to the grid that contains them; one outside every grid keeps its grid.
      const buildings = await em.find(Building, { where: { communityId: reach.communityId } });
      const moves: { id: number; gridId: number | null }[] = [];
      for (const b of buildings) {
        if (b.lat === null || b.lng === null) continue;
        const home = after.find((g) => pointInGeometry(b.lng!, b.lat!, g.geometry));
        if (!home) continue;
        const gridId = home.id;
        if (gridId === null) moves.push({ id: b.id, gridId: null }); // a new grid, not written on a dry run
        else if (gridId !== b.gridId) moves.push({ id: b.id, gridId });
      }
      report.buildingsMoved = moves.length;
      if (!dto.dryRun) {
        for (const m of moves) await em.update(Building, { id: m.id }, { gridId: m.gridId });
        await AuditService.record(em, {
          actor: { id: user.id, role: reach.role },
          action: 'edit',
          communityId: reach.communityId,
          targetType: 'grids',
          targetIds: after.map((g) => g.id!).filter((id) => id !== null),
          details: { added: report.added.length, changed: report.changed.length, unchanged: report.unchanged.length, buildingsMoved: moves.length },
          at: this.clock.now(),
        });
      }
      return report;
    });
    if (!dto.dryRun) this.locator.invalidate();
    return result;
  }
}

function decode(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new AppError(422, 'GRID_GEOJSON_INVALID', 'GeoJSON 文件应为 UTF-8 文本，请另存为 UTF-8 后重新导入');
  }
}
