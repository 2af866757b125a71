-- Exact counts of zaak lists without filters, without counting (issue #8). A client limited to
-- 50 zaaktypen sees some 300,000 of a million zaken; counting them through the zaak_autorisatie
-- index costs 100+ ms per page, and the standard requires an exact `count`. So the number of
-- zaken per (zaaktype, vertrouwelijkheid_rank) is kept here by triggers, in the transaction of
-- every change: the count of an unfiltered list is the sum over the client's grants (the same
-- condition as on the zaak table, see authorisedZaken), a few dozen rows.
--
-- The triggers only append deltas (no row is updated), so parallel creates of one zaaktype do
-- not queue on a counter row; compactAantallen (zaak-aantallen.ts) folds them in the background.
CREATE TABLE zaken.zaak_aantal (
  zaaktype text NOT NULL,
  vertrouwelijkheid_rank smallint NOT NULL,
  aantal bigint NOT NULL
);
CREATE INDEX zaak_aantal_zaaktype ON zaken.zaak_aantal (zaaktype, vertrouwelijkheid_rank);
INSERT INTO zaken.zaak_aantal SELECT zaaktype, vertrouwelijkheid_rank, count(*) FROM zaken.zaak GROUP BY 1, 2;

CREATE FUNCTION zaken.zaak_aantal_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO zaken.zaak_aantal SELECT zaaktype, vertrouwelijkheid_rank, count(*) FROM nieuw GROUP BY 1, 2;
  RETURN NULL;
END $$;

CREATE FUNCTION zaken.zaak_aantal_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO zaken.zaak_aantal SELECT zaaktype, vertrouwelijkheid_rank, -count(*) FROM oud GROUP BY 1, 2;
  RETURN NULL;
END $$;

CREATE FUNCTION zaken.zaak_aantal_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO zaken.zaak_aantal
    SELECT zaaktype, vertrouwelijkheid_rank, sum(n) FROM (
      SELECT zaaktype, vertrouwelijkheid_rank, 1 AS n FROM nieuw
      UNION ALL SELECT zaaktype, vertrouwelijkheid_rank, -1 FROM oud
    ) d GROUP BY 1, 2 HAVING sum(n) <> 0;
  RETURN NULL;
END $$;

CREATE TRIGGER zaak_aantal_insert AFTER INSERT ON zaken.zaak REFERENCING NEW TABLE AS nieuw FOR EACH STATEMENT EXECUTE FUNCTION zaken.zaak_aantal_insert();
CREATE TRIGGER zaak_aantal_delete AFTER DELETE ON zaken.zaak REFERENCING OLD TABLE AS oud FOR EACH STATEMENT EXECUTE FUNCTION zaken.zaak_aantal_delete();
CREATE TRIGGER zaak_aantal_update AFTER UPDATE ON zaken.zaak REFERENCING OLD TABLE AS oud NEW TABLE AS nieuw FOR EACH STATEMENT EXECUTE FUNCTION zaken.zaak_aantal_update();
