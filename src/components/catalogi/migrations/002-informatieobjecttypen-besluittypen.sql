-- Informatieobjecttypen and besluittypen: versions (by omschrijving within a catalogus) with a
-- validity period, concept until published. The columns filters and rules need are columns;
-- the other attributes of the API are kept as one JSON document per version.
CREATE TABLE catalogi.informatieobjecttype (
  uuid uuid PRIMARY KEY,
  catalogus uuid NOT NULL REFERENCES catalogi.catalogus (uuid),
  omschrijving text NOT NULL,
  begin_geldigheid date NOT NULL,
  einde_geldigheid date,
  concept boolean NOT NULL DEFAULT true,
  data jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX informatieobjecttype_catalogus ON catalogi.informatieobjecttype (catalogus, omschrijving);

-- A besluittype refers to informatieobjecttypen by omschrijving (versie-onafhankelijk, as the
-- standard has it since 1.3): `data.informatieobjecttypen` holds those omschrijvingen.
CREATE TABLE catalogi.besluittype (
  uuid uuid PRIMARY KEY,
  catalogus uuid NOT NULL REFERENCES catalogi.catalogus (uuid),
  omschrijving text NOT NULL,
  begin_geldigheid date NOT NULL,
  einde_geldigheid date,
  concept boolean NOT NULL DEFAULT true,
  data jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX besluittype_catalogus ON catalogi.besluittype (catalogus, omschrijving);
