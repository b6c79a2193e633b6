import { describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { bbox, distanceMeters, pointInGeometry, type PolygonGeometry } from './geo.js';
import { GridLocator } from './grid-locator.js';

const square = (x: number, y: number, size: number): PolygonGeometry => ({
  type: 'Polygon',
  coordinates: [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]],
});

/** A grids table of three: two squares side by side and an L-shape whose bounding box covers the second. */
function locatorOver(grids: { id: number; communityId: number; geometry: PolygonGeometry }[]): GridLocator {
  const rows = grids.map((g) => ({ id: g.id, communityId: g.communityId, boundary: JSON.stringify(g.geometry), ...bbox(g.geometry) }));
  const ds = { getRepository: () => ({ find: async () => rows }) } as unknown as DataSource;
  return new GridLocator(ds);
}

describe('GridLocator', () => {
  const lShape: PolygonGeometry = {
    type: 'Polygon',
    coordinates: [[[0, 2], [3, 2], [3, 3], [1, 3], [1, 5], [0, 5], [0, 2]]],
  };
  const withHole: PolygonGeometry = {
    type: 'Polygon',
    coordinates: [
      [[10, 10], [14, 10], [14, 14], [10, 14], [10, 10]],
      [[11, 11], [13, 11], [13, 13], [11, 13], [11, 11]],
    ],
  };
  const locator = locatorOver([
    { id: 1, communityId: 1, geometry: square(0, 0, 1) },
    { id: 2, communityId: 1, geometry: square(1, 0, 1) },
    { id: 3, communityId: 2, geometry: lShape },
    { id: 4, communityId: 2, geometry: square(2, 3, 1) }, // inside the L's bounding box, outside the L
    { id: 5, communityId: 3, geometry: withHole },
  ]);

  it.each([
    [0.5, 0.5, 1],
    [0.5, 1.5, 2],
    [2.5, 0.5, 3],
    [4.5, 0.5, 3],
    [3.5, 2.5, 4],
    [12, 10.5, 5],
  ])('lat %d, lng %d is in grid %d', async (lat, lng, grid) => {
    expect((await locator.locate(lat, lng))?.gridId).toBe(grid);
  });

  it.each([
    [9, 9],
    [4.5, 2.5], // in the L's bounding box only
    [12, 12], // in the hole
  ])('lat %d, lng %d is in no grid', async (lat, lng) => {
    expect(await locator.locate(lat, lng)).toBeNull();
  });

  it('answers nothing when there are no grids', async () => {
    expect(await locatorOver([]).locate(1, 1)).toBeNull();
  });
});

describe('geometry', () => {
  it('handles multipolygons', () => {
    const multi: PolygonGeometry = { type: 'MultiPolygon', coordinates: [square(0, 0, 1).coordinates, square(5, 5, 1).coordinates] as never };
    expect(pointInGeometry(5.5, 5.5, multi)).toBe(true);
    expect(pointInGeometry(3, 3, multi)).toBe(false);
  });

  it('measures distance on the sphere', () => {
    // One thousandth of a degree of latitude is about 111 m.
    expect(distanceMeters({ lat: 30.64, lng: 114.38 }, { lat: 30.641, lng: 114.38 })).toBeCloseTo(111.2, 0);
  });
});
