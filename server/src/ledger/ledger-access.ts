import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { Errors } from '../common/app-error.js';
import { Building, Community, Grid } from '../places/entities/places.entities.js';

/**
 * Who reads and corrects a community's ledger: its committee (and admin) read and write all of it; a grid worker
 * reads the households of their grid and nothing else. Anyone else learns nothing, not even that it exists (404).
 */
export interface LedgerReach {
  communityId: number;
  /** The role the caller acts in, for the audit trail. */
  role: 'committee_member' | 'admin' | 'grid_worker';
  /** null: the whole community; else the grids the caller may read. */
  gridIds: number[] | null;
}

export async function ledgerReach(em: EntityManager, user: AuthUser, communityId: number, want: 'read' | 'write'): Promise<LedgerReach> {
  const community = await em.findOneBy(Community, { id: communityId });
  if (!community) throw Errors.notFound('社区');
  if (user.communityIds('committee_member').includes(communityId)) return { communityId, role: 'committee_member', gridIds: null };
  if (user.has('admin')) return { communityId, role: 'admin', gridIds: null };
  if (want === 'read') {
    const mine = user.gridIds('grid_worker');
    if (mine.length) {
      const grids = (await em.findBy(Grid, { communityId })).map((g) => g.id).filter((id) => mine.includes(id));
      if (grids.length) return { communityId, role: 'grid_worker', gridIds: grids };
    }
  }
  throw Errors.notFound('社区');
}

/** May this reach see a building (its grid is one of the caller's)? */
export function reachesBuilding(reach: LedgerReach, building: Pick<Building, 'communityId' | 'gridId'>): boolean {
  return building.communityId === reach.communityId && (reach.gridIds === null || (building.gridId !== null && reach.gridIds.includes(building.gridId)));
}
