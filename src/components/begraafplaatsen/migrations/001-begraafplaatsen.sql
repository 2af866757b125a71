-- Begraafplaatsen: the municipality's cemeteries, their graves (graf) and the places in them
-- (grafplaats), opening hours, and the reservations of a time slot (and a grafplaats) for a
-- funeral. Times are timestamptz; the local (Europe/Amsterdam) calendar is computed in the
-- application, so PGlite and PostgreSQL need no time zone data.
CREATE SCHEMA begraafplaatsen;

CREATE TABLE begraafplaatsen.begraafplaats (
  uuid uuid PRIMARY KEY,
  naam text NOT NULL UNIQUE,
  adres text NOT NULL DEFAULT '',
  gemeentecode text NOT NULL DEFAULT '',
  -- Minutes per slot: the funeral's time on the grounds, and the grid slots start on.
  slotduur integer NOT NULL CHECK (slotduur BETWEEN 5 AND 720)
);

-- Opening hours per ISO weekday (1 = maandag); a day may have more than one period.
CREATE TABLE begraafplaatsen.openingstijd (
  begraafplaats uuid NOT NULL REFERENCES begraafplaatsen.begraafplaats (uuid) ON DELETE CASCADE,
  weekdag smallint NOT NULL CHECK (weekdag BETWEEN 1 AND 7),
  van time NOT NULL,
  tot time NOT NULL CHECK (van < tot),
  PRIMARY KEY (begraafplaats, weekdag, van)
);

CREATE TABLE begraafplaatsen.sluitingsdag (
  begraafplaats uuid NOT NULL REFERENCES begraafplaatsen.begraafplaats (uuid) ON DELETE CASCADE,
  datum date NOT NULL,
  PRIMARY KEY (begraafplaats, datum)
);

CREATE TABLE begraafplaatsen.grafsoort (
  uuid uuid PRIMARY KEY,
  code text NOT NULL UNIQUE,
  naam text NOT NULL,
  omschrijving text NOT NULL DEFAULT '',
  maximum_bijzettingen integer NOT NULL CHECK (maximum_bijzettingen > 0)
);

CREATE TABLE begraafplaatsen.graf (
  uuid uuid PRIMARY KEY,
  begraafplaats uuid NOT NULL REFERENCES begraafplaatsen.begraafplaats (uuid),
  grafsoort uuid NOT NULL REFERENCES begraafplaatsen.grafsoort (uuid),
  vak text NOT NULL,
  nummer text NOT NULL,
  UNIQUE (begraafplaats, vak, nummer)
);
CREATE INDEX graf_grafsoort ON begraafplaatsen.graf (grafsoort);

-- One place in a grave; `bezet` once someone is buried there.
CREATE TABLE begraafplaatsen.grafplaats (
  uuid uuid PRIMARY KEY,
  graf uuid NOT NULL REFERENCES begraafplaatsen.graf (uuid),
  volgnummer integer NOT NULL CHECK (volgnummer > 0),
  bezet boolean NOT NULL DEFAULT false,
  UNIQUE (graf, volgnummer)
);

-- A reservation of one slot (begraafplaats + start) and optionally one grafplaats.
-- `voorlopig` holds until verloopt_op; a hold found expired is set to `verlopen` by the
-- transaction that wants its slot or grafplaats (reads show it as verlopen already).
CREATE TABLE begraafplaatsen.reservering (
  uuid uuid PRIMARY KEY,
  begraafplaats uuid NOT NULL REFERENCES begraafplaatsen.begraafplaats (uuid),
  start timestamptz NOT NULL,
  eind timestamptz NOT NULL CHECK (eind > start),
  grafplaats uuid REFERENCES begraafplaatsen.grafplaats (uuid),
  zaak text,
  status text NOT NULL CHECK (status IN ('voorlopig', 'aangevraagd', 'bevestigd', 'geannuleerd', 'verlopen')),
  verloopt_op timestamptz CHECK (status <> 'voorlopig' OR verloopt_op IS NOT NULL),
  aangemaakt timestamptz NOT NULL DEFAULT now()
);

-- The rule "a slot is never booked twice" and "a grafplaats is never reserved twice", held by
-- the database: at most one active reservation per slot and per grafplaats, also between
-- concurrent transactions (the second insert waits for the first and then fails).
CREATE UNIQUE INDEX reservering_tijdslot_actief ON begraafplaatsen.reservering (begraafplaats, start)
  WHERE status IN ('voorlopig', 'aangevraagd', 'bevestigd');
CREATE UNIQUE INDEX reservering_grafplaats_actief ON begraafplaatsen.reservering (grafplaats)
  WHERE grafplaats IS NOT NULL AND status IN ('voorlopig', 'aangevraagd', 'bevestigd');
CREATE INDEX reservering_zaak ON begraafplaatsen.reservering (zaak) WHERE zaak IS NOT NULL;
CREATE INDEX reservering_begraafplaats_start ON begraafplaatsen.reservering (begraafplaats, start);
