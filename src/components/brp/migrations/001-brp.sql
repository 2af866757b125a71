-- The person store of the BRP Personen API in source mode: one row per persoonslijst (PL) as
-- GBA-V delivers it (categories, stapels, voorkomens, LO GBA element numbers) in `pl`, and
-- the actual values the seven query types search on, extracted at import, in columns.
CREATE SCHEMA IF NOT EXISTS brp;

CREATE TABLE brp.persoonslijst (
  id bigserial PRIMARY KEY,
  burgerservicenummer text,
  geslachtsnaam text,             -- lower case, for case-insensitive search
  voornamen text,                 -- lower case
  voorvoegsel text,               -- lower case
  geslacht text,                  -- M, V, O
  geboortedatum text,             -- YYYYMMDD as in GBA
  gemeente_van_inschrijving text, -- 09.10, four digits
  postcode text,                  -- upper case, no space
  huisnummer integer,
  huisletter text,
  huisnummertoevoeging text,
  straat text,                    -- lower case, officiële (11.15) or korte (11.10) straatnaam
  nummeraanduiding_identificatie text,
  adresseerbaar_object_identificatie text,
  overleden boolean NOT NULL DEFAULT false,
  pl jsonb NOT NULL
);

CREATE UNIQUE INDEX persoonslijst_bsn ON brp.persoonslijst (burgerservicenummer) WHERE burgerservicenummer IS NOT NULL;
CREATE INDEX persoonslijst_naam_geboorte ON brp.persoonslijst (geslachtsnaam, geboortedatum);
CREATE INDEX persoonslijst_gemeente_naam ON brp.persoonslijst (gemeente_van_inschrijving, geslachtsnaam);
CREATE INDEX persoonslijst_postcode ON brp.persoonslijst (postcode, huisnummer);
CREATE INDEX persoonslijst_straat ON brp.persoonslijst (gemeente_van_inschrijving, straat, huisnummer);
CREATE INDEX persoonslijst_nummeraanduiding ON brp.persoonslijst (nummeraanduiding_identificatie);
CREATE INDEX persoonslijst_adresseerbaar_object ON brp.persoonslijst (adresseerbaar_object_identificatie);

-- What each application (client id) may ask: query types and fields (see authorisation.ts).
CREATE TABLE brp.autorisatie (
  client_id text PRIMARY KEY,
  query_types jsonb NOT NULL,
  fields jsonb NOT NULL
);
