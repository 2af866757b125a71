-- Zaaktypen: versions by identificatie within a catalogus, with a validity period, concept
-- until published. Relations to besluittypen (by omschrijving) and deelzaaktypen and
-- gerelateerde zaaktypen (by identificatie) are kept in `data`, versie-onafhankelijk.
CREATE TABLE catalogi.zaaktype (
  uuid uuid PRIMARY KEY,
  catalogus uuid NOT NULL REFERENCES catalogi.catalogus (uuid),
  identificatie text NOT NULL,
  begin_geldigheid date NOT NULL,
  einde_geldigheid date,
  concept boolean NOT NULL DEFAULT true,
  data jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX zaaktype_catalogus ON catalogi.zaaktype (catalogus, identificatie);
