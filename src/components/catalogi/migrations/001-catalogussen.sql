-- Catalogi API 1.3: its own schema, and the catalogussen in which zaaktypen, besluittypen and
-- informatieobjecttypen are published.
CREATE SCHEMA catalogi;

CREATE TABLE catalogi.catalogus (
  uuid uuid PRIMARY KEY,
  domein text NOT NULL,
  rsin text NOT NULL,
  contactpersoon_beheer_naam text NOT NULL,
  contactpersoon_beheer_telefoonnummer text NOT NULL DEFAULT '',
  contactpersoon_beheer_emailadres text NOT NULL DEFAULT '',
  naam text,
  versie text,
  begindatum_versie date,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- One catalogus per domein of an organisation (as the reference implementation has it).
  CONSTRAINT catalogus_domein_rsin UNIQUE (domein, rsin)
);
