-- ZoekMetStraatHuisnummerEnGemeenteVanInschrijving matches the straatnaam (11.10) or the naam
-- openbare ruimte (11.15): `straat` now holds only the latter, `straatnaam` the former. Search
-- columns are folded (lower case, no diacritics, persoon.ts searchText) for rows saved from
-- now on; rows imported before keep their lower-cased values (re-import to fold them).
ALTER TABLE brp.persoonslijst ADD COLUMN straatnaam text;
UPDATE brp.persoonslijst SET straatnaam = lower(pl #>> '{categorieen,08,0,0,11.10}');
CREATE INDEX persoonslijst_straatnaam ON brp.persoonslijst (gemeente_van_inschrijving, straatnaam, huisnummer);
