/**
 * Dispatch's grid lookup: GridLocator (an R-tree of bounding boxes, then the
 * exact polygon test) over the seeded 1,226 grids, against its floor here, the
 * scan a naive dispatcher would do (the same exact test over every grid), on
 * the same random points. Both answers must agree.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { dbUrl, SERVER_DIR } from './lib.js';

export interface GridResult {
  grids: number;
  lookups: number;
  indexUs: number;
  scanUs: number;
  mismatches: number;
}

const dist = (p: string) => import(pathToFileURL(path.join(SERVER_DIR, 'dist', p)).href);

export async function runGridLookup(db: string, lookups = 200_000): Promise<GridResult> {
  await import('reflect-metadata');
  const { createDataSource } = await dist('database/data-source.js');
  const { GridLocator } = await dist('places/grid-locator.js');
  const { pointInGeometry } = await dist('places/geo.js');
  const ds = createDataSource({ databaseUrl: dbUrl(db), sqlitePath: '/nonexistent' });
  await ds.initialize();
  try {
    const locator = new GridLocator(ds);
    await locator.ensureLoaded();
    const rows: { id: number; communityId: number; boundary: string; minLng: number; minLat: number; maxLng: number; maxLat: number }[] = await ds.query(
      'SELECT id, communityId, boundary, minLng, minLat, maxLng, maxLat FROM grids ORDER BY id',
    );
    const grids = rows.map((g) => ({ id: g.id, communityId: g.communityId, geometry: JSON.parse(g.boundary) }));
    const box = {
      minLng: Math.min(...rows.map((g) => g.minLng)),
      maxLng: Math.max(...rows.map((g) => g.maxLng)),
      minLat: Math.min(...rows.map((g) => g.minLat)),
      maxLat: Math.max(...rows.map((g) => g.maxLat)),
    };
    // Points over the district's box, a little beyond it too (lookups that find nothing).
    const points = new Float64Array(lookups * 2);
    let seed = 7;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let i = 0; i < lookups; i++) {
      points[2 * i] = box.minLat - 0.005 + rnd() * (box.maxLat - box.minLat + 0.01);
      points[2 * i + 1] = box.minLng - 0.005 + rnd() * (box.maxLng - box.minLng + 0.01);
    }
    const scan = (lat: number, lng: number) => {
      for (const g of grids) if (pointInGeometry(lng, lat, g.geometry)) return g.id;
      return null;
    };
    const time = (f: (lat: number, lng: number) => number | null, n: number, out: (number | null)[] | null) => {
      const t0 = performance.now();
      for (let i = 0; i < n; i++) {
        const r = f(points[2 * i], points[2 * i + 1]);
        if (out) out[i] = r;
      }
      return ((performance.now() - t0) * 1000) / n;
    };
    const viaIndex = (lat: number, lng: number) => locator.locateLoaded(lat, lng)?.gridId ?? null;
    // The scan is ~1000× slower: it gets a tenth of the points (still thousands).
    const scanN = Math.max(1000, Math.floor(lookups / 10));
    time(viaIndex, Math.min(lookups, 20_000), null); // warm-up (JIT)
    time(scan, Math.min(scanN, 2000), null);
    const a: (number | null)[] = new Array(lookups);
    const b: (number | null)[] = new Array(scanN);
    const indexUs = time(viaIndex, lookups, a);
    const scanUs = time(scan, scanN, b);
    let mismatches = 0;
    for (let i = 0; i < scanN; i++) if (a[i] !== b[i]) mismatches += 1;
    return { grids: rows.length, lookups, indexUs, scanUs, mismatches };
  } finally {
    await ds.destroy();
  }
}
