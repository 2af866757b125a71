/**
 * The search condition "geometry column within this GeoJSON geometry" (ZGW `zaakgeometrie`
 * `within`, PostGIS `ST_Within`), on PostgreSQL and PGlite alike, in SQL so that counts and
 * pages stay exact.
 *
 * PostGIS is not available in the embedded database, so the geometry is kept in PostgreSQL's
 * built-in geometric types, which every PostgreSQL has (see migrations/002-geo.sql and
 * docs/geometry.md): a GiST-indexed bounding box narrows the rows, and platform.geo_within
 * decides exactly for those that remain. Filtering in memory instead would have to read every
 * candidate row before paging, and the count would no longer be a database count.
 *
 * A table with a geometry column `g` has the generated columns `g_shape` and `g_bbox` (DDL in
 * migrations/002-geo.sql); writing `g` as jsonb is all an insert or update does.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Geometry } from './geojson.ts';

/**
 * True for rows whose geometry lies within `geometry` (validated by `parseGeometry`); false for
 * rows without one.
 *
 * @example
 * db.selectFrom('zaken.zaak as z').selectAll('z').where(geometryWithin('z', within))
 */
export function geometryWithin(alias: string, geometry: Geometry, column = 'zaakgeometrie'): RawBuilder<boolean> {
  const value = JSON.stringify(geometry);
  const bbox = sql.ref(`${alias}.${column}_bbox`);
  const shape = sql.ref(`${alias}.${column}_shape`);
  // Sub-selects of constants are computed once per query, while planning; the box condition is
  // the one the GiST index answers. Most zaken are one point, and locating that point directly
  // saves a function call per candidate row (about half the time).
  const query = sql`(SELECT platform.geo_query(${value}::jsonb))`;
  return sql<boolean>`(${bbox} <@ (SELECT platform.geo_bbox(platform.geo_shape(${value}::jsonb)))
    AND CASE WHEN (${shape}).lines IS NULL AND (${shape}).shells IS NULL AND cardinality((${shape}).points) = 1
      THEN platform.geo_locate((${shape}).points[1], ${query}) = 2
      ELSE platform.geo_within(${shape}, ${query}) END)`;
}
