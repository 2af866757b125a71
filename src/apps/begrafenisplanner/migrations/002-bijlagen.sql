-- The other attachments of a request (informatieobjecttype "Bijlage begrafenis"), by URL: like
-- the verlof they are made in the Documenten API at upload and linked to the zaak at submit.
ALTER TABLE begrafenisplanner.aanvraag ADD COLUMN bijlagen jsonb NOT NULL DEFAULT '[]';
