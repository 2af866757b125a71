-- Gezagsrelaties: who has gezag over a minderjarige. Haal Centraal takes them from a separate
-- gezag determination (the gezag API); we keep them as they are provisioned (`opengrond brp
-- import-gezag FILE`, the acceptance features): one row per minderjarige, soort gezag and
-- meerderjarige (none for G and N). `id` keeps the order in which they came (of the two of a
-- GG relation without a known ouder, the first is taken as the ouder: gezag.ts).
CREATE TABLE brp.gezagsrelatie (
  id bigserial PRIMARY KEY,
  bsn_minderjarige text NOT NULL,
  soort_gezag text NOT NULL CHECK (soort_gezag IN ('OG1', 'OG2', 'GG', 'V', 'G', 'N')),
  bsn_meerderjarige text
);
CREATE UNIQUE INDEX gezagsrelatie_uniek ON brp.gezagsrelatie (bsn_minderjarige, soort_gezag, coalesce(bsn_meerderjarige, ''));
CREATE INDEX gezagsrelatie_meerderjarige ON brp.gezagsrelatie (bsn_meerderjarige);
