-- Documenten API 1.5: documents (enkelvoudiginformatieobjecten) with every version kept, their
-- bestandsdelen, gebruiksrechten, objectinformatieobjecten and verzendingen.
--
-- The content of a document is not in the database: `inhoud` holds the key under which the
-- component's content store (a directory under --data-dir) keeps it. URLs of this instance's
-- other APIs (the informatieobjecttype in the Catalogi API, a zaak) are stored as paths, any
-- other URL as given (see platform/http/local-url.ts).

CREATE SCHEMA documenten;

-- The document as one thing over its versions: its uuid (and so its URL), its lock, and the
-- current version with the attributes that identify it and decide who may see it, so that
-- lists filter, count and page on this table alone.
CREATE TABLE documenten.informatieobject (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  uuid uuid NOT NULL UNIQUE,
  -- The checkout ('' when not locked): updates need it (lock/unlock).
  lock text NOT NULL DEFAULT '',
  -- The current version's number and attributes, copied from it with every new version.
  versie integer NOT NULL,
  bronorganisatie text NOT NULL,
  identificatie text NOT NULL,
  informatieobjecttype text NOT NULL,
  -- The vertrouwelijkheidaanduiding as its rank in VERTROUWELIJKHEIDAANDUIDINGEN (0 openbaar
  -- … 7 zeer_geheim): authorisation compares it with a client's ceiling.
  vertrouwelijkheid_rank smallint NOT NULL CHECK (vertrouwelijkheid_rank BETWEEN 0 AND 7),
  created_at timestamptz NOT NULL DEFAULT now(),
  -- "identificatie: een binnen een gegeven context ondubbelzinnige referentie": unique per bronorganisatie.
  CONSTRAINT informatieobject_identificatie_uniek UNIQUE (bronorganisatie, identificatie)
);
-- Authorisation at the source: `WHERE (informatieobjecttype = $1 AND vertrouwelijkheid_rank <= $2) OR …`, in id order.
CREATE INDEX informatieobject_autorisatie ON documenten.informatieobject (informatieobjecttype, vertrouwelijkheid_rank, id);
CREATE INDEX informatieobject_identificatie ON documenten.informatieobject (identificatie);

-- Every version of a document (ENKELVOUDIG INFORMATIEOBJECT), never changed after the fact
-- except for indicatie_gebruiksrecht (kept in step with the gebruiksrechten) and the content
-- a large upload brings in at unlock.
CREATE TABLE documenten.versie (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  informatieobject_id bigint NOT NULL REFERENCES documenten.informatieobject (id) ON DELETE CASCADE,
  versie integer NOT NULL,
  begin_registratie timestamptz NOT NULL,
  identificatie text NOT NULL,
  bronorganisatie text NOT NULL,
  creatiedatum date NOT NULL,
  titel text NOT NULL,
  vertrouwelijkheid_rank smallint NOT NULL CHECK (vertrouwelijkheid_rank BETWEEN 0 AND 7),
  auteur text NOT NULL,
  status text NOT NULL DEFAULT '',
  inhoud_is_vervallen boolean,
  formaat text NOT NULL DEFAULT '',
  taal text NOT NULL,
  bestandsnaam text NOT NULL DEFAULT '',
  -- The content store's key; null while there is no content (yet).
  inhoud text,
  bestandsomvang bigint,
  link text NOT NULL DEFAULT '',
  beschrijving text NOT NULL DEFAULT '',
  ontvangstdatum date,
  verzenddatum date,
  indicatie_gebruiksrecht boolean,
  verschijningsvorm text NOT NULL DEFAULT '',
  -- {soort, datum} or null
  ondertekening jsonb,
  -- {algoritme, waarde, datum} or null
  integriteit jsonb,
  informatieobjecttype text NOT NULL,
  trefwoorden text[] NOT NULL DEFAULT '{}',
  CONSTRAINT versie_uniek UNIQUE (informatieobject_id, versie)
);
CREATE INDEX versie_begin_registratie ON documenten.versie (informatieobject_id, begin_registratie);
CREATE INDEX versie_trefwoorden ON documenten.versie USING gin (trefwoorden);

-- The parts a large document is uploaded in while it is locked; merged into the version's
-- content at unlock, then removed.
CREATE TABLE documenten.bestandsdeel (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  uuid uuid NOT NULL UNIQUE,
  informatieobject_id bigint NOT NULL REFERENCES documenten.informatieobject (id) ON DELETE CASCADE,
  volgnummer integer NOT NULL,
  omvang bigint NOT NULL,
  -- The content store's key once the part is uploaded (voltooid).
  inhoud text,
  CONSTRAINT bestandsdeel_uniek UNIQUE (informatieobject_id, volgnummer)
);

CREATE TABLE documenten.gebruiksrechten (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  uuid uuid NOT NULL UNIQUE,
  informatieobject_id bigint NOT NULL REFERENCES documenten.informatieobject (id) ON DELETE CASCADE,
  startdatum timestamptz NOT NULL,
  einddatum timestamptz,
  omschrijving_voorwaarden text NOT NULL
);
CREATE INDEX gebruiksrechten_informatieobject ON documenten.gebruiksrechten (informatieobject_id);

-- The Documenten side of a zaakinformatieobject (Zaken API) or besluitinformatieobject
-- (Besluiten API). A document with any of these cannot be destroyed (RESTRICT).
CREATE TABLE documenten.objectinformatieobject (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  uuid uuid NOT NULL UNIQUE,
  informatieobject_id bigint NOT NULL REFERENCES documenten.informatieobject (id) ON DELETE RESTRICT,
  object text NOT NULL,
  object_type text NOT NULL,
  CONSTRAINT objectinformatieobject_uniek UNIQUE (informatieobject_id, object)
);
CREATE INDEX objectinformatieobject_object ON documenten.objectinformatieobject (object);

CREATE TABLE documenten.verzending (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  uuid uuid NOT NULL UNIQUE,
  informatieobject_id bigint NOT NULL REFERENCES documenten.informatieobject (id) ON DELETE CASCADE,
  betrokkene text NOT NULL,
  aard_relatie text NOT NULL,
  toelichting text NOT NULL DEFAULT '',
  ontvangstdatum date,
  verzenddatum date,
  contact_persoon text NOT NULL,
  contactpersoonnaam text NOT NULL DEFAULT '',
  -- The three address groups, as sent, or null.
  binnenlands_correspondentieadres jsonb,
  buitenlands_correspondentieadres jsonb,
  correspondentie_postadres jsonb,
  faxnummer text,
  emailadres text,
  mijn_overheid boolean NOT NULL DEFAULT false,
  telefoonnummer text
);
CREATE INDEX verzending_informatieobject ON documenten.verzending (informatieobject_id);
CREATE INDEX verzending_betrokkene ON documenten.verzending (betrokkene);

-- The last volgnummer handed out per bronorganisatie and year, for generated identificaties
-- (DOCUMENT-2026-0000000001): the upsert is atomic, so parallel creates never share one.
CREATE TABLE documenten.identificatie_volgnummer (
  bronorganisatie text NOT NULL,
  jaar integer NOT NULL,
  volgnummer bigint NOT NULL,
  PRIMARY KEY (bronorganisatie, jaar)
);
