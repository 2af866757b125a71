-- The Begrafenisplanner's own state: the uitvaartonderneming's requests, drafts first. Only
-- references are kept — URLs into the sources and BSNs — never the persons' data; the last
-- known status of the zaak comes from the notificaties on kanaal `zaken`.
CREATE SCHEMA IF NOT EXISTS begrafenisplanner;

CREATE TABLE begrafenisplanner.aanvraag (
  uuid uuid PRIMARY KEY,
  begraafplaats text,
  grafsoort text,
  graf text,
  grafplaats text,
  reservering text,
  bsn_overledene text,
  bsn_rechthebbende text,
  producten jsonb NOT NULL DEFAULT '[]',
  verlof text,
  zaak text,
  status text,
  status_gewijzigd timestamptz,
  aangemaakt timestamptz NOT NULL DEFAULT now(),
  ingediend timestamptz
);
CREATE INDEX aanvraag_zaak ON begrafenisplanner.aanvraag (zaak);
