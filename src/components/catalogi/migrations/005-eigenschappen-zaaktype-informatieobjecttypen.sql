-- Eigenschappen and zaaktype-informatieobjecttypen: parts of one zaaktype version, like
-- statustypen. A zaaktype-informatieobjecttype names its informatieobjecttype by omschrijving
-- (versie-onafhankelijk) and has a volgnummer unique within its zaaktype.
CREATE TABLE catalogi.eigenschap (
  uuid uuid PRIMARY KEY,
  zaaktype uuid NOT NULL REFERENCES catalogi.zaaktype (uuid) ON DELETE CASCADE,
  data jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX eigenschap_zaaktype ON catalogi.eigenschap (zaaktype);

CREATE TABLE catalogi.zaaktypeinformatieobjecttype (
  uuid uuid PRIMARY KEY,
  zaaktype uuid NOT NULL REFERENCES catalogi.zaaktype (uuid) ON DELETE CASCADE,
  volgnummer integer NOT NULL,
  data jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT zaaktypeinformatieobjecttype_volgnummer UNIQUE (zaaktype, volgnummer)
);
