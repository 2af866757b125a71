-- What the resources of a zaak need beyond migration 001.

-- Rol.statussen: the statussen a rol set, looked up by the rol's URL (stored as a path).
CREATE INDEX status_gezetdoor ON zaken.status (gezetdoor) WHERE gezetdoor IS NOT NULL;

-- "De unieke aanduiding van een KLANTCONTACT": given or generated, unique.
CREATE UNIQUE INDEX klantcontact_identificatie ON zaken.klantcontact (identificatie);
