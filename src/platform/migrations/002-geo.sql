-- Geometry without PostGIS (see docs/geometry.md): GeoJSON is kept as jsonb for output, and is
-- converted to PostgreSQL's built-in geometric types, which exist in every PostgreSQL and in
-- PGlite. A GiST index on a bounding box finds the candidates of a `within` search; the exact
-- test below uses the built-in operators (written in C) wherever they are exact, and splits
-- line segments at the query's boundary where they are not.
--
-- Coordinates are stored in units of 1e-7 degree (lon, lat × 10,000,000). The built-in
-- operators compare with a fixed tolerance of 1e-6 (EPSILON in geo_decls.h), also on cross
-- products: in plain degrees a point a metre outside a short diagonal edge counts as inside.
-- Scaled, that tolerance is far below a millimetre, and coordinates given with at most seven
-- decimals (about 1 cm) become whole numbers, for which the tests are exact.
--
-- A zaak table stores, per geometry column `g`:
--   g jsonb,
--   g_shape platform.geo_shape GENERATED ALWAYS AS (platform.geo_shape(g)) STORED,
--   g_bbox box GENERATED ALWAYS AS (platform.geo_bbox(platform.geo_shape(g))) STORED
-- with `CREATE INDEX ... USING gist (g_bbox)`; src/platform/geo/within.ts writes the search.

-- A geometry as built-in types. Rings and lines are `polygon` values, a line walked there and
-- back (p1..pn..p2) so that the polygon's edges are exactly the line's segments and the
-- polygon operators (<@, &&) apply to it. The last three fields are only filled for a search
-- geometry (platform.geo_query).
CREATE TYPE platform.geo_shape AS (
  points point[],          -- Point, MultiPoint
  lines polygon[],         -- LineString, MultiLineString, walked there and back
  shells polygon[],        -- the exterior ring of each polygon, without its closing position
  holes polygon[],         -- the interior rings
  hole_shell integer[],    -- for each hole, the index in `shells` of its polygon
  edges lseg[],            -- every segment of every ring and line
  hole_points point[],     -- for each hole, a point strictly inside it
  line_ends point[]        -- the boundary of the lines: ends that occur an odd number of times
);

-- Scaling happens on the decimal text of the JSON number (numeric, exact), so the result does
-- not depend on float output settings and a stored shape is a pure function of its GeoJSON.
CREATE FUNCTION platform.geo_point(c jsonb) RETURNS point
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT point((c->>0)::numeric * 10000000, (c->>1)::numeric * 10000000)
$$;

-- A ring (ring = true: its closing position dropped) or a line walked there and back, as a
-- polygon; consecutive repeated positions are dropped.
CREATE FUNCTION platform.geo_path_polygon(positions jsonb, ring boolean) RETURNS polygon
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  WITH given AS (
    SELECT n, (c->>0)::numeric * 10000000 AS x, (c->>1)::numeric * 10000000 AS y
    FROM jsonb_array_elements(positions) WITH ORDINALITY AS e(c, n)
  ), distinct_steps AS (
    SELECT row_number() OVER (ORDER BY n) AS k, x, y
    FROM (SELECT n, x, y, lag(x) OVER w AS px, lag(y) OVER w AS py FROM given WINDOW w AS (ORDER BY n)) q
    WHERE (px, py) IS DISTINCT FROM (x, y)
  ), vertices AS (
    SELECT k, x, y FROM distinct_steps
    WHERE NOT (ring AND k > 1 AND k = (SELECT max(k) FROM distinct_steps)
               AND (x, y) = (SELECT x, y FROM distinct_steps WHERE k = 1))
  ), walk AS (
    SELECT k AS o, x, y FROM vertices
    UNION ALL
    SELECT 2 * (SELECT max(k) FROM vertices) - k, x, y FROM vertices
    WHERE NOT ring AND k > 1 AND k < (SELECT max(k) FROM vertices)
  )
  SELECT ('(' || string_agg('(' || x || ',' || y || ')', ',' ORDER BY o) || ')')::polygon FROM walk
$$;

CREATE FUNCTION platform.geo_add_polygon(s platform.geo_shape, rings jsonb) RETURNS platform.geo_shape
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  shell integer := coalesce(cardinality(s.shells), 0) + 1;
BEGIN
  s.shells := s.shells || platform.geo_path_polygon(rings->0, true);
  s.holes := s.holes || ARRAY(SELECT platform.geo_path_polygon(r, true)
                              FROM jsonb_array_elements(rings) WITH ORDINALITY AS e(r, n) WHERE n > 1 ORDER BY n);
  s.hole_shell := s.hole_shell || array_fill(shell, ARRAY[jsonb_array_length(rings) - 1]);
  RETURN s;
END $$;

-- The stored shape of a GeoJSON geometry (validated by src/platform/geo/geojson.ts); NULL for
-- no geometry. A GeometryCollection is the union of its members.
CREATE FUNCTION platform.geo_shape(g jsonb) RETURNS platform.geo_shape
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  s platform.geo_shape;
  member platform.geo_shape;
  part jsonb;
BEGIN
  IF g IS NULL OR jsonb_typeof(g) <> 'object' THEN
    RETURN NULL;
  END IF;
  CASE g->>'type'
    WHEN 'Point' THEN
      s.points := ARRAY[platform.geo_point(g->'coordinates')];
    WHEN 'MultiPoint' THEN
      s.points := ARRAY(SELECT platform.geo_point(c) FROM jsonb_array_elements(g->'coordinates') WITH ORDINALITY AS e(c, n) ORDER BY n);
    WHEN 'LineString' THEN
      s.lines := ARRAY[platform.geo_path_polygon(g->'coordinates', false)];
    WHEN 'MultiLineString' THEN
      s.lines := ARRAY(SELECT platform.geo_path_polygon(c, false) FROM jsonb_array_elements(g->'coordinates') WITH ORDINALITY AS e(c, n) ORDER BY n);
    WHEN 'Polygon' THEN
      s := platform.geo_add_polygon(s, g->'coordinates');
    WHEN 'MultiPolygon' THEN
      FOR part IN SELECT c FROM jsonb_array_elements(g->'coordinates') WITH ORDINALITY AS e(c, n) ORDER BY n LOOP
        s := platform.geo_add_polygon(s, part);
      END LOOP;
    WHEN 'GeometryCollection' THEN
      FOR part IN SELECT c FROM jsonb_array_elements(g->'geometries') WITH ORDINALITY AS e(c, n) ORDER BY n LOOP
        member := platform.geo_shape(part);
        s.points := s.points || member.points;
        s.lines := s.lines || member.lines;
        s.hole_shell := s.hole_shell || ARRAY(SELECT h + coalesce(cardinality(s.shells), 0) FROM unnest(member.hole_shell) WITH ORDINALITY AS u(h, n) ORDER BY n);
        s.shells := s.shells || member.shells;
        s.holes := s.holes || member.holes;
      END LOOP;
    ELSE
      RETURN NULL;
  END CASE;
  RETURN s;
END $$;

CREATE FUNCTION platform.geo_bbox(s platform.geo_shape) RETURNS box
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  result box;
  part box;
  p point;
  r polygon;
BEGIN
  IF s IS NULL THEN
    RETURN NULL;
  END IF;
  FOREACH p IN ARRAY coalesce(s.points, '{}') LOOP
    part := box(p, p);
    result := CASE WHEN result IS NULL THEN part ELSE bound_box(result, part) END;
  END LOOP;
  FOREACH r IN ARRAY coalesce(s.lines, '{}') || coalesce(s.shells, '{}') LOOP
    part := box(r);
    result := CASE WHEN result IS NULL THEN part ELSE bound_box(result, part) END;
  END LOOP;
  RETURN result;
END $$;

-- The vertices of a ring or line polygon. PostgreSQL has no accessor for them, so they are read
-- from the text form; extra_float_digits = 1 makes that text exact (shortest round-trip form).
CREATE FUNCTION platform.geo_points(r polygon) RETURNS point[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE SET extra_float_digits = 1 AS $$
  SELECT ('{"' || replace(substr(r::text, 2, length(r::text) - 2), '),(', ')","(') || '"}')::point[]
$$;

-- The segments of a ring, or (line = true) of a line walked there and back, each once.
CREATE FUNCTION platform.geo_edges(r polygon, line boolean) RETURNS lseg[]
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  pts point[] := platform.geo_points(r);
  n integer := CASE WHEN line THEN cardinality(pts) / 2 + 1 ELSE cardinality(pts) END;
BEGIN
  RETURN ARRAY(SELECT lseg(pts[k], pts[k % n + 1]) FROM generate_series(1, CASE WHEN line THEN n - 1 ELSE n END) AS k ORDER BY k);
END $$;

-- A point strictly inside a simple ring: a horizontal line halfway between the lowest vertex
-- and the next higher one passes no vertex, and between its first two crossings with the ring
-- lies the inside.
CREATE FUNCTION platform.geo_interior_point(r polygon) RETURNS point
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  pts point[] := platform.geo_points(r);
  y0 float8;
  xs float8[];
BEGIN
  SELECT (lowest + (SELECT min(p[1]) FROM unnest(pts) p WHERE p[1] > lowest)) / 2 INTO y0
  FROM (SELECT min(p[1]) AS lowest FROM unnest(pts) p) q;
  SELECT array_agg(a[0] + (y0 - a[1]) * (b[0] - a[0]) / (b[1] - a[1]) ORDER BY a[0] + (y0 - a[1]) * (b[0] - a[0]) / (b[1] - a[1])) INTO xs
  FROM (SELECT pts[k] AS a, pts[k % cardinality(pts) + 1] AS b FROM generate_series(1, cardinality(pts)) k) e
  WHERE (a[1] < y0) <> (b[1] < y0);
  RETURN point((xs[1] + xs[2]) / 2, y0);
END $$;

-- The shape of a search geometry: the stored shape plus what only a container needs.
CREATE FUNCTION platform.geo_query(g jsonb) RETURNS platform.geo_shape
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  s platform.geo_shape := platform.geo_shape(g);
BEGIN
  IF s IS NULL THEN
    RETURN NULL;
  END IF;
  s.edges := ARRAY(
    SELECT e FROM unnest(coalesce(s.shells, '{}') || coalesce(s.holes, '{}')) r, unnest(platform.geo_edges(r, false)) e
    UNION ALL
    SELECT e FROM unnest(s.lines) l, unnest(platform.geo_edges(l, true)) e);
  s.hole_points := ARRAY(SELECT platform.geo_interior_point(h) FROM unnest(s.holes) WITH ORDINALITY AS u(h, n) ORDER BY n);
  -- OGC's mod-2 rule: a closed line has no boundary, nor has an end shared by two lines.
  s.line_ends := ARRAY(
    SELECT point(x, y) FROM (
      SELECT pts[1] AS p FROM unnest(s.lines) l, platform.geo_points(l) pts
      UNION ALL
      SELECT pts[cardinality(pts) / 2 + 1] FROM unnest(s.lines) l, platform.geo_points(l) pts
    ) ends, LATERAL (SELECT p[0] AS x, p[1] AS y) c
    GROUP BY x, y HAVING count(*) % 2 = 1);
  RETURN s;
END $$;

-- Where a point lies relative to b: 2 in its interior, 1 on its boundary, 0 outside. With
-- `j`, relative to b's polygon j alone. On a ring means inside by `<@` (which includes the
-- boundary) and within 1e-6 (1e-13 degree) of the ring. Written for speed: this runs for every
-- candidate row, so it avoids queries and copies each polygon once.
CREATE FUNCTION platform.geo_locate(p point, b platform.geo_shape, j integer DEFAULT NULL) RETURNS integer
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  result integer := 0;
  ring polygon;
  i integer;
  h integer;
  in_hole boolean;
  q point;
BEGIN
  FOR i IN 1 .. coalesce(cardinality(b.shells), 0) LOOP
    CONTINUE WHEN j IS NOT NULL AND i <> j;
    ring := b.shells[i];
    CONTINUE WHEN NOT (p <@ ring);
    IF (p <-> path(ring)) <= 1e-6 THEN
      result := 1;
      CONTINUE;
    END IF;
    in_hole := false;
    FOR h IN 1 .. coalesce(cardinality(b.holes), 0) LOOP
      CONTINUE WHEN b.hole_shell[h] <> i;
      ring := b.holes[h];
      CONTINUE WHEN NOT (p <@ ring);
      in_hole := true;
      IF (p <-> path(ring)) <= 1e-6 THEN
        result := 1;
      END IF;
      EXIT;
    END LOOP;
    IF NOT in_hole THEN
      RETURN 2;
    END IF;
  END LOOP;
  IF j IS NOT NULL THEN
    RETURN result;
  END IF;
  FOR i IN 1 .. coalesce(cardinality(b.lines), 0) LOOP
    CONTINUE WHEN (p <-> path(b.lines[i])) > 1e-6;
    result := 1;
    IF NOT EXISTS (SELECT 1 FROM unnest(b.line_ends) e WHERE e ~= p) THEN
      RETURN 2;
    END IF;
  END LOOP;
  FOREACH q IN ARRAY coalesce(b.points, '{}') LOOP
    IF q ~= p THEN
      RETURN 2;
    END IF;
  END LOOP;
  RETURN result;
END $$;

-- Segment s cut at every point where it meets b's boundary (crossings, and b's vertices on it
-- for collinear stretches, which `?#` does not report): between two cuts a piece lies wholly
-- inside, outside or along the boundary, so the location of its midpoint is that of the piece.
CREATE FUNCTION platform.geo_segment_locations(s lseg, b platform.geo_shape, j integer) RETURNS SETOF integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  WITH cut(p) AS (
    SELECT s[0]
    UNION ALL SELECT s[1]
    UNION ALL SELECT s # e FROM unnest(b.edges) e WHERE s ?# e
    UNION ALL SELECT v FROM unnest(b.edges) e, LATERAL (VALUES (e[0]), (e[1])) AS ends(v) WHERE v <@ s
    UNION ALL SELECT v FROM unnest(b.points) v WHERE v <@ s
  ), step AS (
    SELECT p, t, lag(p) OVER w AS prev, lag(t) OVER w AS prev_t
    FROM (SELECT p, s[0] <-> p AS t FROM cut WHERE p IS NOT NULL) c
    WINDOW w AS (ORDER BY t)
  )
  SELECT platform.geo_locate(point((prev[0] + p[0]) / 2, (prev[1] + p[1]) / 2), b, j)
  FROM step WHERE t - prev_t > 1e-6
$$;

-- Polygon i of a within polygon j of b, given that its shell lies within j's shell (<@).
CREATE FUNCTION platform.geo_polygon_within(a platform.geo_shape, i integer, b platform.geo_shape, j integer) RETURNS boolean
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  shell polygon := a.shells[i];
  hole polygon;
  h integer;
  k integer;
  apart boolean := true;
  inside_a_hole boolean;
BEGIN
  -- Usually each hole of j is apart from shell i, or inside one of i's holes.
  FOR h IN 1 .. coalesce(cardinality(b.holes), 0) LOOP
    CONTINUE WHEN b.hole_shell[h] <> j;
    hole := b.holes[h];
    CONTINUE WHEN NOT (shell && hole);
    inside_a_hole := false;
    FOR k IN 1 .. coalesce(cardinality(a.holes), 0) LOOP
      inside_a_hole := a.hole_shell[k] = i AND hole <@ a.holes[k];
      EXIT WHEN inside_a_hole;
    END LOOP;
    IF NOT inside_a_hole THEN
      apart := false;
      EXIT;
    END IF;
  END LOOP;
  IF apart THEN
    RETURN true;
  END IF;
  -- Otherwise exactly: no piece of i's rings lies outside j ...
  IF EXISTS (
    SELECT 1
    FROM unnest(ARRAY[shell] || ARRAY(SELECT r FROM unnest(a.holes, a.hole_shell) AS u(r, owner) WHERE owner = i)) r,
         unnest(platform.geo_edges(r, false)) e,
         platform.geo_segment_locations(e, b, j) l
    WHERE l = 0
  ) THEN
    RETURN false;
  END IF;
  -- ... and no hole of j lies inside i (its rings now keep out of the hole, so one point tells).
  FOR h IN 1 .. coalesce(cardinality(b.holes), 0) LOOP
    CONTINUE WHEN b.hole_shell[h] <> j;
    IF platform.geo_locate(b.hole_points[h], a, i) = 2 THEN
      RETURN false;
    END IF;
  END LOOP;
  RETURN true;
END $$;

-- OGC "within" (PostGIS ST_Within) of a stored shape a in a search shape b (platform.geo_query):
-- no point of a lies outside b, and some point of a's interior lies in b's interior, so a point
-- on b's boundary, or a line along it, is not within. See docs/geometry.md for the rules. (For
-- a single point this is geo_locate(point, b) = 2, which the search calls directly: faster.)
CREATE FUNCTION platform.geo_within(a platform.geo_shape, b platform.geo_shape) RETURNS boolean
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  -- A polygon of a that lies in b has its interior in b's interior.
  witness boolean := coalesce(cardinality(a.shells), 0) > 0;
  location integer;
  covered boolean;
  lowest integer;
  highest integer;
  part polygon;
  segment lseg;
  p point;
  i integer;
  j integer;
  h integer;
BEGIN
  IF a IS NULL OR b IS NULL THEN
    RETURN false;
  END IF;
  FOREACH p IN ARRAY coalesce(a.points, '{}') LOOP
    location := platform.geo_locate(p, b);
    IF location = 0 THEN
      RETURN false;
    END IF;
    witness := witness OR location = 2;
  END LOOP;
  FOR i IN 1 .. coalesce(cardinality(a.lines), 0) LOOP
    part := a.lines[i];
    -- Usually the line lies in one polygon's shell and touches none of its holes.
    covered := false;
    FOR j IN 1 .. coalesce(cardinality(b.shells), 0) LOOP
      CONTINUE WHEN NOT (part <@ b.shells[j]);
      covered := true;
      FOR h IN 1 .. coalesce(cardinality(b.holes), 0) LOOP
        covered := b.hole_shell[h] <> j OR NOT (part && b.holes[h]);
        EXIT WHEN NOT covered;
      END LOOP;
      EXIT WHEN covered;
    END LOOP;
    IF covered AND NOT witness THEN
      -- Usually the middle of one of its segments lies in b's interior.
      FOREACH segment IN ARRAY platform.geo_edges(part, true) LOOP
        witness := platform.geo_locate(@@ segment, b) = 2;
        EXIT WHEN witness;
      END LOOP;
    END IF;
    IF NOT covered OR NOT witness THEN
      SELECT min(l), max(l) INTO lowest, highest
      FROM unnest(platform.geo_edges(part, true)) e, platform.geo_segment_locations(e, b, NULL) l;
      IF lowest = 0 THEN
        RETURN false;
      END IF;
      witness := witness OR highest = 2;
    END IF;
  END LOOP;
  FOR i IN 1 .. coalesce(cardinality(a.shells), 0) LOOP
    part := a.shells[i];
    -- A valid polygon lies within a valid multipolygon only if it lies within one of its polygons.
    covered := false;
    FOR j IN 1 .. coalesce(cardinality(b.shells), 0) LOOP
      covered := part <@ b.shells[j] AND platform.geo_polygon_within(a, i, b, j);
      EXIT WHEN covered;
    END LOOP;
    IF NOT covered THEN
      RETURN false;
    END IF;
  END LOOP;
  RETURN witness;
END $$;
