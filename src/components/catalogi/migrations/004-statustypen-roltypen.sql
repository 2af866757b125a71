-- Statustypen and roltypen: parts of one zaaktype version (they go when it goes). Their
-- attributes are one JSON document; a statustype's volgnummer is unique within its zaaktype.
CREATE TABLE catalogi.statustype (
  uuid uuid PRIMARY KEY,
  zaaktype uuid NOT NULL REFERENCES catalogi.zaaktype (uuid) ON DELETE CASCADE,
  volgnummer integer NOT NULL,
  data jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT statustype_volgnummer UNIQUE (zaaktype, volgnummer)
);

CREATE TABLE catalogi.roltype (
  uuid uuid PRIMARY KEY,
  zaaktype uuid NOT NULL REFERENCES catalogi.zaaktype (uuid) ON DELETE CASCADE,
  data jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX roltype_zaaktype ON catalogi.roltype (zaaktype);
