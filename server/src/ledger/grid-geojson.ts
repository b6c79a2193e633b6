import polygonClipping, { type MultiPolygon as ClipMultiPolygon } from 'polygon-clipping';
import type { PolygonGeometry, Ring } from '../places/geo.js';

/** At most this many grids in one file: a community has a handful. */
export const MAX_GRIDS = 200;
/** At most this many positions in one grid's boundary. */
export const MAX_POSITIONS = 20_000;
/** Overlaps smaller than this (in squared degrees, about 1 m² at these latitudes) are rounding, not overlap. */
const AREA_EPSILON = 1e-10;

export interface GridFeature {
  name: string;
  geometry: PolygonGeometry;
}

/** A file that is not a FeatureCollection of valid, named polygons: the message says which grid and why. */
export class GeoJsonProblem extends Error {}

/** Read and check a GeoJSON FeatureCollection of grids: each named once, each a valid Polygon or MultiPolygon. */
export function readGridFeatures(text: string): GridFeature[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new GeoJsonProblem('文件不是合法的 JSON（GeoJSON）');
  }
  const fc = json as { type?: unknown; features?: unknown };
  if (!fc || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) throw new GeoJsonProblem('应为 GeoJSON FeatureCollection');
  if (fc.features.length === 0) throw new GeoJsonProblem('FeatureCollection 里没有网格');
  if (fc.features.length > MAX_GRIDS) throw new GeoJsonProblem(`一次最多导入 ${MAX_GRIDS} 个网格`);
  const names = new Set<string>();
  return fc.features.map((f: { type?: unknown; properties?: { name?: unknown } | null; geometry?: { type?: unknown; coordinates?: unknown } | null }, i: number) => {
    const name = typeof f?.properties?.name === 'string' ? f.properties.name.trim() : '';
    const which = name || `第${i + 1}个`;
    if (f?.type !== 'Feature') throw new GeoJsonProblem(`第${i + 1}个要素不是 Feature`);
    if (name === '' || name.length > 64) throw new GeoJsonProblem(`第${i + 1}个网格缺少名称（properties.name，不超过64字）`);
    if (names.has(name)) throw new GeoJsonProblem(`网格名称重复：${name}`);
    names.add(name);
    const g = f.geometry;
    let polygons: unknown[];
    if (g?.type === 'Polygon') polygons = [g.coordinates];
    else if (g?.type === 'MultiPolygon' && Array.isArray(g.coordinates)) polygons = g.coordinates;
    else throw new GeoJsonProblem(`网格“${which}”应为 Polygon 或 MultiPolygon`);
    if (polygons.length === 0) throw new GeoJsonProblem(`网格“${which}”没有多边形`);
    let positions = 0;
    const rings = polygons.map((p) => {
      if (!Array.isArray(p) || p.length === 0) throw new GeoJsonProblem(`网格“${which}”的多边形没有边界`);
      return p.map((ring: unknown) => {
        const checked = checkRing(ring, which);
        positions += checked.length;
        return checked;
      });
    });
    if (positions > MAX_POSITIONS) throw new GeoJsonProblem(`网格“${which}”的顶点过多（最多 ${MAX_POSITIONS} 个）`);
    const geometry: PolygonGeometry = g.type === 'Polygon' ? { type: 'Polygon', coordinates: rings[0] } : { type: 'MultiPolygon', coordinates: rings };
    if (polygonsOf(geometry).length > 1 && overlapArea(polygonsOf(geometry).map((p) => [p])) > 0) throw new GeoJsonProblem(`网格“${which}”的几个多边形互相重叠`);
    return { name, geometry };
  });
}

/** A ring: at least four positions, closed, within longitude/latitude bounds, with area, not crossing itself. */
function checkRing(ring: unknown, which: string): Ring {
  if (!Array.isArray(ring) || ring.length < 4) throw new GeoJsonProblem(`网格“${which}”的边界至少要有4个坐标（首尾相同）`);
  const points = ring.map((p: unknown) => {
    if (!Array.isArray(p) || p.length < 2 || !p.slice(0, 2).every((n) => typeof n === 'number' && Number.isFinite(n))) throw new GeoJsonProblem(`网格“${which}”有不是 [经度, 纬度] 的坐标`);
    const [lng, lat] = p as number[];
    if (lng < -180 || lng > 180 || lat < -90 || lat > 90) throw new GeoJsonProblem(`网格“${which}”的坐标超出经纬度范围（经度在前，纬度在后）`);
    return [lng, lat] as [number, number];
  });
  const [first, last] = [points[0], points[points.length - 1]];
  if (first[0] !== last[0] || first[1] !== last[1]) throw new GeoJsonProblem(`网格“${which}”的边界没有闭合（首尾坐标应相同）`);
  if (Math.abs(signedArea(points)) < AREA_EPSILON) throw new GeoJsonProblem(`网格“${which}”的边界面积为零`);
  if (selfIntersects(points)) throw new GeoJsonProblem(`网格“${which}”的边界自相交`);
  return points;
}

function signedArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) sum += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return sum / 2;
}

/** Does any edge cross or touch another that is not its neighbour (a figure eight, a bow tie, a spike back)? */
export function selfIntersects(ring: Ring): boolean {
  const n = ring.length - 1; // edges; the ring is closed
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const adjacent = j === i + 1 || (i === 0 && j === n - 1);
      if (adjacent) {
        // Neighbours share one end; they meet elsewhere only when they fold back onto each other.
        if (collinearOverlap(ring[i], ring[i + 1], ring[j], ring[j + 1])) return true;
        continue;
      }
      if (segmentsMeet(ring[i], ring[i + 1], ring[j], ring[j + 1])) return true;
    }
  }
  return false;
}

type P = [number, number];
const cross = (o: P, a: P, b: P) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
const onSegment = (p: P, q: P, r: P) => Math.min(p[0], q[0]) <= r[0] && r[0] <= Math.max(p[0], q[0]) && Math.min(p[1], q[1]) <= r[1] && r[1] <= Math.max(p[1], q[1]);

/** Segments pq and rs share at least one point. */
export function segmentsMeet(p: P, q: P, r: P, s: P): boolean {
  const d1 = cross(r, s, p);
  const d2 = cross(r, s, q);
  const d3 = cross(p, q, r);
  const d4 = cross(p, q, s);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  return (d1 === 0 && onSegment(r, s, p)) || (d2 === 0 && onSegment(r, s, q)) || (d3 === 0 && onSegment(p, q, r)) || (d4 === 0 && onSegment(p, q, s));
}

/** Two edges meeting at one end that run back along each other. */
function collinearOverlap(a: P, b: P, c: P, d: P): boolean {
  const pts = [a, b, c, d];
  const shared = pts.find((p, i) => pts.some((q, j) => i !== j && i < 2 !== j < 2 && p[0] === q[0] && p[1] === q[1]));
  if (!shared) return false;
  const [u] = [a, b].filter((p) => p !== shared && !(p[0] === shared[0] && p[1] === shared[1]));
  const [v] = [c, d].filter((p) => !(p[0] === shared[0] && p[1] === shared[1]));
  if (!u || !v || cross(shared, u, v) !== 0) return false;
  // Same direction from the shared end: they overlap.
  return (u[0] - shared[0]) * (v[0] - shared[0]) + (u[1] - shared[1]) * (v[1] - shared[1]) > 0;
}

export function polygonsOf(g: PolygonGeometry): Ring[][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

function areaOf(mp: ClipMultiPolygon): number {
  return mp.reduce((sum, poly) => sum + poly.reduce((s, ring, i) => s + (i === 0 ? 1 : -1) * Math.abs(signedArea(ring as Ring)), 0), 0);
}

/** The largest area any two of these (multi)polygons share; 0 when they only touch along an edge. */
function overlapArea(parts: Ring[][][]): number {
  let worst = 0;
  for (let i = 0; i < parts.length; i++) {
    for (let j = i + 1; j < parts.length; j++) {
      const shared = areaOf(polygonClipping.intersection(parts[i] as ClipMultiPolygon, parts[j] as ClipMultiPolygon));
      if (shared > AREA_EPSILON) worst = Math.max(worst, shared);
    }
  }
  return worst;
}

/** The first two grids (by name) that overlap, or null: grids may share an edge, never an area. */
export function firstOverlap(grids: GridFeature[]): [string, string] | null {
  for (let i = 0; i < grids.length; i++) {
    for (let j = i + 1; j < grids.length; j++) {
      if (!boxesMeet(grids[i].geometry, grids[j].geometry)) continue;
      if (overlapArea([polygonsOf(grids[i].geometry), polygonsOf(grids[j].geometry)]) > 0) return [grids[i].name, grids[j].name];
    }
  }
  return null;
}

function boxesMeet(a: PolygonGeometry, b: PolygonGeometry): boolean {
  const box = (g: PolygonGeometry) => {
    const pts = polygonsOf(g).flat(2);
    return [Math.min(...pts.map((p) => p[0])), Math.min(...pts.map((p) => p[1])), Math.max(...pts.map((p) => p[0])), Math.max(...pts.map((p) => p[1]))];
  };
  const [ax0, ay0, ax1, ay1] = box(a);
  const [bx0, by0, bx1, by1] = box(b);
  return ax0 <= bx1 && bx0 <= ax1 && ay0 <= by1 && by0 <= ay1;
}
