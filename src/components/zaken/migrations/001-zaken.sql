-- Zaken API 1.5: the zaak and every resource that belongs to one, in their own schema.
--
-- Relations to other components (zaaktype, statustype, informatieobject, besluit, betrokkene,
-- ...) are URLs, stored as text; URLs of this instance are stored as paths
-- (`/catalogi/api/v1/zaaktypen/…`, see platform/http/local-url.ts), so they survive a change
-- of host name. Relations inside this component are foreign keys on `zaak.id`; deleting a
-- zaak deletes everything that belongs to it (and its deelzaken), as zaak_destroy says.
CREATE SCHEMA zaken;

CREATE TABLE zaken.zaak (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  uuid uuid NOT NULL UNIQUE,
  identificatie text NOT NULL,
  bronorganisatie text NOT NULL,
  omschrijving text NOT NULL DEFAULT '',
  toelichting text NOT NULL DEFAULT '',
  zaaktype text NOT NULL,
  registratiedatum date NOT NULL,
  verantwoordelijke_organisatie text NOT NULL,
  startdatum date NOT NULL,
  -- Set when the eindstatus is set (Status), cleared when the zaak is reopened.
  einddatum date,
  einddatum_gepland date,
  uiterlijke_einddatum_afdoening date,
  publicatiedatum date,
  communicatiekanaal text NOT NULL DEFAULT '',
  producten_of_diensten jsonb NOT NULL DEFAULT '[]'::jsonb,
  -- The vertrouwelijkheidaanduiding as its rank in VERTROUWELIJKHEIDAANDUIDINGEN
  -- (0 openbaar … 7 zeer_geheim): authorisation compares it with a client's ceiling.
  vertrouwelijkheid_rank smallint NOT NULL CHECK (vertrouwelijkheid_rank BETWEEN 0 AND 7),
  betalingsindicatie text NOT NULL DEFAULT '',
  laatste_betaaldatum timestamptz,
  -- GeoJSON as sent; the columns for index-assisted `zaakgeometrie.within` follow in a later migration.
  zaakgeometrie jsonb,
  verlenging_reden text,
  verlenging_duur text,
  opschorting_indicatie boolean NOT NULL DEFAULT false,
  opschorting_reden text NOT NULL DEFAULT '',
  selectielijstklasse text NOT NULL DEFAULT '',
  hoofdzaak_id bigint REFERENCES zaken.zaak (id) ON DELETE CASCADE,
  -- [{url, aardRelatie}]: other zaken, possibly in another Zaken API.
  relevante_andere_zaken jsonb NOT NULL DEFAULT '[]'::jsonb,
  -- [{kenmerk, bron}]
  kenmerken jsonb NOT NULL DEFAULT '[]'::jsonb,
  archiefnominatie text,
  archiefstatus text NOT NULL DEFAULT 'nog_te_archiveren',
  archiefactiedatum date,
  opdrachtgevende_organisatie text NOT NULL DEFAULT '',
  processobjectaard text,
  startdatum_bewaartermijn date,
  -- {datumkenmerk, identificatie, objecttype, registratie} or null
  processobject jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- "De identificatie moet uniek zijn binnen de bronorganisatie."
  CONSTRAINT zaak_identificatie_uniek UNIQUE (bronorganisatie, identificatie)
);

-- Authorisation at the source: a client sees the zaken of its zaaktypen up to its ceiling,
-- `WHERE (zaaktype = $1 AND vertrouwelijkheid_rank <= $2) OR …`, listed in id order with an
-- exact count. This index answers both the count (index-only) and the page.
CREATE INDEX zaak_autorisatie ON zaken.zaak (zaaktype, vertrouwelijkheid_rank, id);
-- The orderings of zaak_list (`ordering`), each with id as tie-breaker for stable pages;
-- identificatie has the unique index (leading bronorganisatie) plus its own.
CREATE INDEX zaak_identificatie ON zaken.zaak (identificatie, id);
CREATE INDEX zaak_startdatum ON zaken.zaak (startdatum, id);
CREATE INDEX zaak_einddatum ON zaken.zaak (einddatum, id);
CREATE INDEX zaak_publicatiedatum ON zaken.zaak (publicatiedatum, id);
CREATE INDEX zaak_archiefactiedatum ON zaken.zaak (archiefactiedatum, id);
CREATE INDEX zaak_registratiedatum ON zaken.zaak (registratiedatum, id);
-- The other filters of zaak_list.
CREATE INDEX zaak_einddatum_gepland ON zaken.zaak (einddatum_gepland);
CREATE INDEX zaak_uiterlijke_einddatum_afdoening ON zaken.zaak (uiterlijke_einddatum_afdoening);
CREATE INDEX zaak_archief ON zaken.zaak (archiefstatus, archiefnominatie);
CREATE INDEX zaak_hoofdzaak ON zaken.zaak (hoofdzaak_id) WHERE hoofdzaak_id IS NOT NULL;

-- The last volgnummer handed out per bronorganisatie and year, for generated identificaties:
-- `INSERT … ON CONFLICT DO UPDATE SET volgnummer = volgnummer + 1 RETURNING volgnummer` is
-- atomic, so parallel creates never get the same one.
CREATE TABLE zaken.identificatie_volgnummer (
  bronorganisatie text NOT NULL,
  jaar integer NOT NULL,
  volgnummer bigint NOT NULL,
  PRIMARY KEY (bronorganisatie, jaar)
);

CREATE TABLE zaken.status (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  uuid uuid NOT NULL UNIQUE,
  zaak_id bigint NOT NULL REFERENCES zaken.zaak (id) ON DELETE CASCADE,
  statustype text NOT NULL,
  datum_status_gezet timestamptz NOT NULL,
  statustoelichting text NOT NULL DEFAULT '',
  -- URL of the rol that set it (a rol of this zaak), stored as a path.
  gezetdoor text,
  created_at timestamptz NOT NULL DEFAULT now()
);
-- The current status of a zaak is its latest datumStatusGezet.
CREATE INDEX status_zaak ON zaken.status (zaak_id, datum_status_gezet DESC, id DESC);
CREATE INDEX status_statustype ON zaken.status (statustype);

CREATE TABLE zaken.resultaat (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  uuid uuid NOT NULL UNIQUE,
  -- A zaak has at most one resultaat.
  zaak_id bigint NOT NULL UNIQUE REFERENCES zaken.zaak (id) ON DELETE CASCADE,
  resultaattype text NOT NULL,
  toelichting text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX resultaat_resultaattype ON zaken.resultaat (resultaattype);

CREATE TABLE zaken.rol (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  uuid uuid NOT NULL UNIQUE,
  zaak_id bigint NOT NULL REFERENCES zaken.zaak (id) ON DELETE CASCADE,
  betrokkene text NOT NULL DEFAULT '',
  betrokkene_type text NOT NULL,
  afwijkende_naam_betrokkene text NOT NULL DEFAULT '',
  roltype text NOT NULL,
  -- Copied from the roltype when the rol is made.
  omschrijving text NOT NULL DEFAULT '',
  omschrijving_generiek text NOT NULL DEFAULT '',
  roltoelichting text NOT NULL DEFAULT '',
  registratiedatum timestamptz NOT NULL DEFAULT now(),
  indicatie_machtiging text NOT NULL DEFAULT '',
  contactpersoon_rol jsonb,
  -- The variant of betrokkene_type (RolNatuurlijkPersoon, RolVestiging, …), as sent.
  betrokkene_identificatie jsonb,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX rol_zaak ON zaken.rol (zaak_id);
CREATE INDEX rol_betrokkene ON zaken.rol (betrokkene) WHERE betrokkene <> '';
CREATE INDEX rol_roltype ON zaken.rol (roltype);
-- zaak_list and rol_list filter on the identifying attribute of each variant.
CREATE INDEX rol_natuurlijk_persoon_bsn ON zaken.rol ((betrokkene_identificatie ->> 'inpBsn')) WHERE betrokkene_type = 'natuurlijk_persoon';
CREATE INDEX rol_natuurlijk_persoon_anp ON zaken.rol ((betrokkene_identificatie ->> 'anpIdentificatie')) WHERE betrokkene_type = 'natuurlijk_persoon';
CREATE INDEX rol_niet_natuurlijk_persoon_nnp ON zaken.rol ((betrokkene_identificatie ->> 'innNnpId')) WHERE betrokkene_type = 'niet_natuurlijk_persoon';
CREATE INDEX rol_vestiging_nummer ON zaken.rol ((betrokkene_identificatie ->> 'vestigingsNummer')) WHERE betrokkene_type = 'vestiging';
CREATE INDEX rol_identificatie ON zaken.rol ((betrokkene_identificatie ->> 'identificatie')) WHERE betrokkene_type IN ('medewerker', 'organisatorische_eenheid');

CREATE TABLE zaken.zaakobject (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  uuid uuid NOT NULL UNIQUE,
  zaak_id bigint NOT NULL REFERENCES zaken.zaak (id) ON DELETE CASCADE,
  object text NOT NULL DEFAULT '',
  zaakobjecttype text NOT NULL DEFAULT '',
  object_type text NOT NULL,
  object_type_overige text NOT NULL DEFAULT '',
  object_type_overige_definitie jsonb,
  relatieomschrijving text NOT NULL DEFAULT '',
  -- The variant of object_type (ObjectAdres, ObjectPand, …), as sent.
  object_identificatie jsonb,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX zaakobject_zaak ON zaken.zaakobject (zaak_id);
CREATE INDEX zaakobject_object ON zaken.zaakobject (object) WHERE object <> '';
CREATE INDEX zaakobject_object_type ON zaken.zaakobject (object_type);

CREATE TABLE zaken.zaakinformatieobject (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  uuid uuid NOT NULL UNIQUE,
  zaak_id bigint NOT NULL REFERENCES zaken.zaak (id) ON DELETE CASCADE,
  informatieobject text NOT NULL,
  aard_relatie text NOT NULL DEFAULT 'hoort_bij',
  titel text NOT NULL DEFAULT '',
  beschrijving text NOT NULL DEFAULT '',
  registratiedatum timestamptz NOT NULL DEFAULT now(),
  vernietigingsdatum timestamptz,
  -- URL of a status of this zaak, stored as a path.
  status text,
  -- The ObjectInformatieObject made in the Documenten API for this relation (kept in sync).
  objectinformatieobject text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT zaakinformatieobject_uniek UNIQUE (zaak_id, informatieobject)
);
CREATE INDEX zaakinformatieobject_informatieobject ON zaken.zaakinformatieobject (informatieobject);

CREATE TABLE zaken.klantcontact (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  uuid uuid NOT NULL UNIQUE,
  zaak_id bigint NOT NULL REFERENCES zaken.zaak (id) ON DELETE CASCADE,
  identificatie text NOT NULL,
  datumtijd timestamptz NOT NULL,
  kanaal text NOT NULL DEFAULT '',
  onderwerp text NOT NULL DEFAULT '',
  toelichting text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX klantcontact_zaak ON zaken.klantcontact (zaak_id);

CREATE TABLE zaken.zaakcontactmoment (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  uuid uuid NOT NULL UNIQUE,
  zaak_id bigint NOT NULL REFERENCES zaken.zaak (id) ON DELETE CASCADE,
  contactmoment text NOT NULL,
  -- The ObjectContactmoment made in the Contactmomenten API for this relation.
  objectcontactmoment text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX zaakcontactmoment_zaak ON zaken.zaakcontactmoment (zaak_id);
CREATE INDEX zaakcontactmoment_contactmoment ON zaken.zaakcontactmoment (contactmoment);

CREATE TABLE zaken.zaakverzoek (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  uuid uuid NOT NULL UNIQUE,
  zaak_id bigint NOT NULL REFERENCES zaken.zaak (id) ON DELETE CASCADE,
  verzoek text NOT NULL,
  -- The ObjectVerzoek made in the Verzoeken API for this relation.
  objectverzoek text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX zaakverzoek_zaak ON zaken.zaakverzoek (zaak_id);
CREATE INDEX zaakverzoek_verzoek ON zaken.zaakverzoek (verzoek);

CREATE TABLE zaken.zaakeigenschap (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  uuid uuid NOT NULL UNIQUE,
  zaak_id bigint NOT NULL REFERENCES zaken.zaak (id) ON DELETE CASCADE,
  eigenschap text NOT NULL,
  -- Copied from the eigenschap when the zaakeigenschap is made.
  naam text NOT NULL DEFAULT '',
  waarde text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX zaakeigenschap_zaak ON zaken.zaakeigenschap (zaak_id);

CREATE TABLE zaken.zaakbesluit (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  uuid uuid NOT NULL UNIQUE,
  zaak_id bigint NOT NULL REFERENCES zaken.zaak (id) ON DELETE CASCADE,
  besluit text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT zaakbesluit_uniek UNIQUE (zaak_id, besluit)
);
CREATE INDEX zaakbesluit_besluit ON zaken.zaakbesluit (besluit);
