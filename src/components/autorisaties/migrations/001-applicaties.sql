-- Autorisaties API 1.0: applicaties (consumers, identified by one or more client ids) and the
-- autorisaties granted to them per component.
CREATE SCHEMA autorisaties;

CREATE TABLE autorisaties.applicatie (
  uuid uuid PRIMARY KEY,
  label text NOT NULL,
  heeft_alle_autorisaties boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- A client id belongs to at most one applicatie (rule ac-001): the primary key enforces it,
-- also between concurrent requests.
CREATE TABLE autorisaties.applicatie_client (
  client_id text PRIMARY KEY,
  applicatie uuid NOT NULL REFERENCES autorisaties.applicatie (uuid) ON DELETE CASCADE,
  position integer NOT NULL
);
CREATE INDEX applicatie_client_applicatie ON autorisaties.applicatie_client (applicatie);

CREATE TABLE autorisaties.autorisatie (
  id bigserial PRIMARY KEY,
  applicatie uuid NOT NULL REFERENCES autorisaties.applicatie (uuid) ON DELETE CASCADE,
  position integer NOT NULL,
  component text NOT NULL,
  scopes text[] NOT NULL,
  zaaktype text,
  informatieobjecttype text,
  besluittype text,
  max_vertrouwelijkheidaanduiding text
);
CREATE INDEX autorisatie_applicatie ON autorisaties.autorisatie (applicatie, position);
