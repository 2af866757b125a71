-- `zaakgeometrie.within` of zaak__zoek in SQL (docs/geometry.md): the zaak's GeoJSON as
-- PostgreSQL's built-in geometric types and its bounding box, both generated from the jsonb so
-- a write sets only `zaakgeometrie` and they never drift from it. The GiST index on the box
-- finds the candidates, platform.geo_within (src/platform/geo/within.ts) decides exactly; with
-- the authorisation and the other filters in the same statement, counts and pages are exact.
ALTER TABLE zaken.zaak
  ADD COLUMN zaakgeometrie_shape platform.geo_shape GENERATED ALWAYS AS (platform.geo_shape(zaakgeometrie)) STORED,
  ADD COLUMN zaakgeometrie_bbox box GENERATED ALWAYS AS (platform.geo_bbox(platform.geo_shape(zaakgeometrie))) STORED;

CREATE INDEX zaak_zaakgeometrie ON zaken.zaak USING gist (zaakgeometrie_bbox);
