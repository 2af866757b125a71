-- Resultaattypen: parts of one zaaktype version, like statustypen. Besluittypen and
-- informatieobjecttypen are named by omschrijving in `data` (versie-onafhankelijk).
CREATE TABLE catalogi.resultaattype (
  uuid uuid PRIMARY KEY,
  zaaktype uuid NOT NULL REFERENCES catalogi.zaaktype (uuid) ON DELETE CASCADE,
  data jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX resultaattype_zaaktype ON catalogi.resultaattype (zaaktype);
