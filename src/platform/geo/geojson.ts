/**
 * GeoJSON geometries (RFC 7946) as the ZGW APIs exchange them: WGS84 longitude/latitude
 * (EPSG:4326), two numbers per position (the standard's `Point2D`).
 *
 * The OpenAPI schema only sketches a geometry (a GeometryCollection's members are any object
 * with a `type`), and says nothing of rings. `parseGeometry` checks what the database search
 * relies on — closed rings, enough positions, coordinates in range, rings that do not cross
 * themselves or each other, holes inside their polygon — and answers a broken rule with a 400
 * naming the field and the spot, code `invalid` as Open Zaak answers for a geometry it cannot
 * read.
 */
import { invalidParam } from '../http/problem.ts';

export type Position = [number, number];

export type Geometry =
  | { type: 'Point'; coordinates: Position }
  | { type: 'MultiPoint'; coordinates: Position[] }
  | { type: 'LineString'; coordinates: Position[] }
  | { type: 'MultiLineString'; coordinates: Position[][] }
  | { type: 'Polygon'; coordinates: Position[][] }
  | { type: 'MultiPolygon'; coordinates: Position[][][] }
  | { type: 'GeometryCollection'; geometries: Geometry[] };

const GEOMETRY_TYPES = ['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection'] as const;

/** A rule a geometry breaks, and where (`coordinates[0][3]`). */
class GeometryError extends Error {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(reason);
  }
}

/**
 * The geometry in `value`, reduced to `type` and `coordinates` (or `geometries`), or a 400
 * problem for the field `name` (`zaakgeometrie`, `zaakgeometrie.within`).
 *
 * @example
 * const within = parseGeometry(body.zaakgeometrie.within, 'zaakgeometrie.within');
 */
export function parseGeometry(value: unknown, name: string): Geometry {
  try {
    return geometry(value, '');
  } catch (error) {
    if (!(error instanceof GeometryError)) throw error;
    const where = error.path ? ` (${error.path})` : '';
    throw invalidParam(name, 'invalid', `Ongeldige GeoJSON-geometrie${where}: ${error.message}`);
  }
}

function geometry(value: unknown, path: string): Geometry {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new GeometryError(path, 'verwacht een object met `type` en `coordinates`.');
  const { type } = value as { type?: unknown };
  const at = (member: string) => (path ? `${path}.${member}` : member);
  if (type === 'GeometryCollection') {
    const { geometries } = value as { geometries?: unknown };
    if (!Array.isArray(geometries) || geometries.length === 0) throw new GeometryError(at('geometries'), 'een GeometryCollection bevat een niet-lege lijst `geometries`.');
    return { type, geometries: geometries.map((g, i) => geometry(g, `${at('geometries')}[${i}]`)) };
  }
  if (typeof type !== 'string' || !(GEOMETRY_TYPES as readonly string[]).includes(type)) {
    throw new GeometryError(at('type'), `\`type\` moet een van ${GEOMETRY_TYPES.join(', ')} zijn.`);
  }
  const c = (value as { coordinates?: unknown }).coordinates;
  const cpath = at('coordinates');
  switch (type) {
    case 'Point':
      return { type, coordinates: position(c, cpath) };
    case 'MultiPoint':
      return { type, coordinates: list(c, cpath, 'een MultiPoint heeft ten minste één positie.').map((p, i) => position(p, `${cpath}[${i}]`)) };
    case 'LineString':
      return { type, coordinates: line(c, cpath) };
    case 'MultiLineString':
      return { type, coordinates: list(c, cpath, 'een MultiLineString heeft ten minste één lijn.').map((l, i) => line(l, `${cpath}[${i}]`)) };
    case 'Polygon':
      return { type, coordinates: polygon(c, cpath) };
    default:
      return { type: 'MultiPolygon', coordinates: list(c, cpath, 'een MultiPolygon heeft ten minste één vlak.').map((p, i) => polygon(p, `${cpath}[${i}]`)) };
  }
}

function list(value: unknown, path: string, emptyReason: string): unknown[] {
  if (!Array.isArray(value)) throw new GeometryError(path, 'verwacht een lijst.');
  if (value.length === 0) throw new GeometryError(path, emptyReason);
  return value;
}

function position(value: unknown, path: string): Position {
  if (!Array.isArray(value) || value.length !== 2 || !value.every((n) => typeof n === 'number' && Number.isFinite(n))) {
    throw new GeometryError(path, 'een positie is [lengtegraad, breedtegraad]: precies twee getallen.');
  }
  const [lon, lat] = value as Position;
  if (lon < -180 || lon > 180) throw new GeometryError(path, `lengtegraad ${lon} ligt niet tussen -180 en 180 (EPSG:4326).`);
  if (lat < -90 || lat > 90) throw new GeometryError(path, `breedtegraad ${lat} ligt niet tussen -90 en 90 (EPSG:4326).`);
  return [lon, lat];
}

function positions(value: unknown, path: string): Position[] {
  if (!Array.isArray(value)) throw new GeometryError(path, 'verwacht een lijst van posities.');
  return value.map((p, i) => position(p, `${path}[${i}]`));
}

const same = (a: Position, b: Position) => a[0] === b[0] && a[1] === b[1];

/** Positions without consecutive repeats, which add nothing to a line or ring. */
function distinctSteps(ps: Position[]): Position[] {
  return ps.filter((p, i) => i === 0 || !same(p, ps[i - 1]!));
}

function line(value: unknown, path: string): Position[] {
  const ps = positions(value, path);
  if (distinctSteps(ps).length < 2) throw new GeometryError(path, 'een lijn heeft ten minste twee verschillende posities.');
  return ps;
}

function polygon(value: unknown, path: string): Position[][] {
  const rings = list(value, path, 'een vlak heeft ten minste één ring (de buitenrand).').map((r, i) => ring(r, `${path}[${i}]`));
  checkRings(rings, path);
  return rings;
}

function ring(value: unknown, path: string): Position[] {
  const ps = positions(value, path);
  if (ps.length < 4) throw new GeometryError(path, 'een ring heeft ten minste vier posities.');
  if (!same(ps[0]!, ps[ps.length - 1]!)) throw new GeometryError(path, 'een ring is gesloten: de laatste positie is gelijk aan de eerste.');
  if (distinctSteps(ps).length < 4) throw new GeometryError(path, 'een ring omsluit geen oppervlak: hij heeft ten minste drie verschillende posities nodig.');
  return ps;
}

interface Edge {
  ring: number;
  index: number;
  /** Number of edges in its ring, to tell neighbours (the first and last edge meet too). */
  count: number;
  a: Position;
  b: Position;
  minX: number;
  maxX: number;
}

/**
 * OGC simple-feature validity of one polygon's rings: a ring neither crosses nor touches itself,
 * two rings meet in single points at most, and each hole lies inside the exterior ring. The
 * search (platform.geo_within) depends on it; an invalid polygon has no clear inside.
 */
function checkRings(rings: Position[][], path: string): void {
  const edges: Edge[] = [];
  rings.forEach((r, ringIndex) => {
    const vs = distinctSteps(r);
    const count = vs.length - 1;
    for (let i = 0; i < count; i++) {
      const a = vs[i]!;
      const b = vs[i + 1]!;
      edges.push({ ring: ringIndex, index: i, count, a, b, minX: Math.min(a[0], b[0]), maxX: Math.max(a[0], b[0]) });
    }
  });
  // Sweep along x: only edges whose x ranges overlap can meet.
  edges.sort((e, f) => e.minX - f.minX);
  for (let i = 0; i < edges.length; i++) {
    const e = edges[i]!;
    for (let j = i + 1; j < edges.length && edges[j]!.minX <= e.maxX; j++) {
      const f = edges[j]!;
      const meeting = meet(e.a, e.b, f.a, f.b);
      if (meeting === 'none') continue;
      if (e.ring === f.ring) {
        const gap = Math.abs(e.index - f.index);
        const neighbours = gap === 1 || gap === e.count - 1;
        if (neighbours ? meeting === 'overlap' : true) throw new GeometryError(`${path}[${e.ring}]`, 'de ring snijdt of raakt zichzelf.');
      } else if (meeting !== 'touch') {
        throw new GeometryError(path, `ring ${Math.min(e.ring, f.ring)} en ring ${Math.max(e.ring, f.ring)} snijden elkaar.`);
      }
    }
  }
  const shell = rings[0]!;
  rings.slice(1).forEach((hole, i) => {
    // The rings do not cross, so one vertex off the exterior ring tells on which side a hole lies.
    const probe = hole.find((p) => pointInRing(p, shell) !== 'boundary');
    if (probe && pointInRing(probe, shell) === 'outside') throw new GeometryError(`${path}[${i + 1}]`, 'een binnenring (gat) moet binnen de buitenring liggen.');
  });
}

/** Sign of the cross product (b − a) × (c − a): which side of line ab point c lies. */
function orientation(a: Position, b: Position, c: Position): number {
  return Math.sign((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]));
}

function between(p: Position, a: Position, b: Position): boolean {
  return Math.min(a[0], b[0]) <= p[0] && p[0] <= Math.max(a[0], b[0]) && Math.min(a[1], b[1]) <= p[1] && p[1] <= Math.max(a[1], b[1]);
}

/** How segments ab and cd meet: not, in one point, crossing through each other, or along a stretch. */
function meet(a: Position, b: Position, c: Position, d: Position): 'none' | 'touch' | 'cross' | 'overlap' {
  const o1 = orientation(a, b, c);
  const o2 = orientation(a, b, d);
  const o3 = orientation(c, d, a);
  const o4 = orientation(c, d, b);
  if (o1 === 0 && o2 === 0) {
    // Collinear: compare their extents along the line's main axis.
    const axis = Math.abs(b[0] - a[0]) >= Math.abs(b[1] - a[1]) ? 0 : 1;
    const lo = Math.max(Math.min(a[axis], b[axis]), Math.min(c[axis], d[axis]));
    const hi = Math.min(Math.max(a[axis], b[axis]), Math.max(c[axis], d[axis]));
    return lo < hi ? 'overlap' : lo === hi ? 'touch' : 'none';
  }
  if (o1 * o2 < 0 && o3 * o4 < 0) return 'cross';
  if ((o1 === 0 && between(c, a, b)) || (o2 === 0 && between(d, a, b)) || (o3 === 0 && between(a, c, d)) || (o4 === 0 && between(b, c, d))) return 'touch';
  return 'none';
}

/** Even-odd test of p against a closed ring. */
function pointInRing(p: Position, ringPositions: Position[]): 'inside' | 'outside' | 'boundary' {
  let inside = false;
  for (let i = 0; i < ringPositions.length - 1; i++) {
    const a = ringPositions[i]!;
    const b = ringPositions[i + 1]!;
    if (orientation(a, b, p) === 0 && between(p, a, b)) return 'boundary';
    if (a[1] > p[1] !== b[1] > p[1] && p[0] < a[0] + ((p[1] - a[1]) * (b[0] - a[0])) / (b[1] - a[1])) inside = !inside;
  }
  return inside ? 'inside' : 'outside';
}
