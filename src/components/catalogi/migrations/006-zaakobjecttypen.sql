-- Zaakobjecttypen: parts of one zaaktype version, like statustypen.
CREATE TABLE catalogi.zaakobjecttype (
  uuid uuid PRIMARY KEY,
  zaaktype uuid NOT NULL REFERENCES catalogi.zaaktype (uuid) ON DELETE CASCADE,
  data jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX zaakobjecttype_zaaktype ON catalogi.zaakobjecttype (zaaktype);
