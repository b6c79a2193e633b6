import { describe, expect, it } from '@jest/globals';
import { firstOverlap, readGridFeatures, segmentsMeet, selfIntersects } from './grid-geojson.js';

const square = (x0: number, y0: number, x1: number, y1: number): [number, number][] => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];

describe('grid boundaries', () => {
  it('segments meet when they cross, touch at an end, or overlap on one line; not when apart or parallel', () => {
    const table: [[number, number], [number, number], [number, number], [number, number], boolean][] = [
      [[0, 0], [2, 2], [0, 2], [2, 0], true], // an X
      [[0, 0], [2, 0], [2, 0], [3, 1], true], // end to end
      [[0, 0], [2, 0], [1, 0], [3, 0], true], // collinear, overlapping
      [[0, 0], [1, 0], [2, 0], [3, 0], false], // collinear, apart
      [[0, 0], [2, 0], [0, 1], [2, 1], false], // parallel
      [[0, 0], [2, 0], [1, 1], [1, 0.5], false], // a T that stops short
      [[0, 0], [2, 0], [1, 1], [1, 0], true], // a T that reaches
    ];
    for (const [p, q, r, s, want] of table) expect([p, q, r, s, segmentsMeet(p, q, r, s)]).toEqual([p, q, r, s, want]);
  });

  it('a ring crosses itself as a bow tie or a figure eight, or when an edge runs back along its neighbour', () => {
    expect(selfIntersects(square(0, 0, 1, 1))).toBe(false);
    expect(selfIntersects([[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]])).toBe(true); // bow tie
    expect(selfIntersects([[0, 0], [2, 0], [2, 2], [1, 2], [1, -1], [0, -1], [0, 0]])).toBe(true); // crosses its first edge
    expect(selfIntersects([[0, 0], [2, 0], [1, 0], [1, 1], [0, 0]])).toBe(true); // a spike back along the first edge
    expect(selfIntersects([[0, 0], [4, 0], [4, 4], [2, 1], [0, 4], [0, 0]])).toBe(false); // concave, fine
  });

  it('grids may share an edge but not an area', () => {
    const g = (name: string, ring: [number, number][]) => ({ name, geometry: { type: 'Polygon' as const, coordinates: [ring] } });
    expect(firstOverlap([g('一', square(0, 0, 1, 1)), g('二', square(1, 0, 2, 1))])).toBeNull();
    expect(firstOverlap([g('一', square(0, 0, 1, 1)), g('二', square(1, 1, 2, 2))])).toBeNull(); // a corner
    expect(firstOverlap([g('一', square(0, 0, 1, 1)), g('二', square(3, 3, 4, 4)), g('三', square(0.5, 0.5, 1.5, 1.5))])).toEqual(['一', '三']);
    expect(firstOverlap([g('一', square(0, 0, 4, 4)), g('二', square(1, 1, 2, 2))])).toEqual(['一', '二']); // one inside the other
  });

  it('reads a FeatureCollection and says what is wrong with a bad one', () => {
    const fc = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
    const f = (name: unknown, coordinates: unknown, type = 'Polygon') => ({ type: 'Feature', properties: { name }, geometry: { type, coordinates } });
    expect(readGridFeatures(fc([f(' 一网格 ', [square(114, 30, 114.01, 30.01)])]))).toEqual([{ name: '一网格', geometry: { type: 'Polygon', coordinates: [square(114, 30, 114.01, 30.01)] } }]);
    const problem = (text: string) => {
      try {
        readGridFeatures(text);
        return null;
      } catch (e) {
        return (e as Error).message;
      }
    };
    expect(problem('{')).toBe('文件不是合法的 JSON（GeoJSON）');
    expect(problem(fc([]))).toBe('FeatureCollection 里没有网格');
    expect(problem(fc([f('', [square(0, 0, 1, 1)])]))).toBe('第1个网格缺少名称（properties.name，不超过64字）');
    expect(problem(fc([f('一', [square(0, 0, 1, 1)]), f('一', [square(2, 2, 3, 3)])]))).toBe('网格名称重复：一');
    expect(problem(fc([f('一', [[[0, 0], [1, 0], [0, 0]]])]))).toBe('网格“一”的边界至少要有4个坐标（首尾相同）');
    expect(problem(fc([f('一', [square(30, 114, 31, 115)])]))).toBe('网格“一”的坐标超出经纬度范围（经度在前，纬度在后）');
    expect(problem(fc([f('一', [[[0, 0], [1, 0], [2, 0], [0, 0]]])]))).toBe('网格“一”的边界自相交');
    expect(problem(fc([f('一', [[square(0, 0, 2, 2)], [square(1, 1, 3, 3)]], 'MultiPolygon')]))).toBe('网格“一”的几个多边形互相重叠');
    expect(problem(fc([f('一', [0, 0], 'Point')]))).toBe('网格“一”应为 Polygon 或 MultiPolygon');
  });
});
