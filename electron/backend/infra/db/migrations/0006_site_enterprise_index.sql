-- One site per enterprise is checked when a site is made on this device; the database no longer
-- enforces it, so that a second site for the same enterprise arriving from the platform (made on
-- another device while offline) is stored and shown as a conflict instead of failing the whole pull.
DROP INDEX site_enterprise;
CREATE INDEX site_enterprise ON site(enterprise_id, created_at, id);
