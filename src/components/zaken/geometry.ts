/**
 * `zaakgeometrie.within` of `zaak__zoek`, tested in memory: a geometry lies within a
 * (multi)polygon when every one of its positions lies inside it (ray casting, holes
 * excluded). Exact for points and multipoints; for lines and polygons a vertex test, which
 * misses an edge leaving a concave container between two inside vertices. The index-assisted
 * search in SQL replaces this (see docs/zaken.md).
 */
type Position = number[];
type Ring = Position[];

export function within(geometry: Record<string, unknown>, container: Record<string, unknown>): boolean {
  const polygons = polygonsOf(container);
  if (polygons.length === 0) return false;
  const positions = positionsOf(geometry);
  return positions.length > 0 && positions.every((p) => polygons.some((polygon) => inPolygon(p, polygon)));
}

function polygonsOf(geometry: Record<string, unknown>): Ring[][] {
  if (geometry.type === 'Polygon') return [geometry.coordinates as Ring[]];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates as Ring[][];
  return [];
}

function positionsOf(geometry: Record<string, unknown>): Position[] {
  switch (geometry.type) {
    case 'Point':
      return [geometry.coordinates as Position];
    case 'MultiPoint':
    case 'LineString':
      return geometry.coordinates as Position[];
    case 'MultiLineString':
    case 'Polygon':
      return (geometry.coordinates as Position[][]).flat();
    case 'MultiPolygon':
      return (geometry.coordinates as Position[][][]).flat(2);
    case 'GeometryCollection':
      return (geometry.geometries as Record<string, unknown>[]).flatMap(positionsOf);
    default:
      return [];
  }
}

/** Inside the outer ring and outside every hole. */
function inPolygon(point: Position, rings: Ring[]): boolean {
  const [outer, ...holes] = rings;
  return !!outer && inRing(point, outer) && !holes.some((hole) => inRing(point, hole));
}

function inRing([x, y]: Position, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi! > y! !== yj! > y! && x! < ((xj! - xi!) * (y! - yi!)) / (yj! - yi!) + xi!) inside = !inside;
  }
  return inside;
}
