-- Issue 10: what the platform says about each site's publication, visitors' leads, and visit
-- statistics — three platform-owned synced tables (shared/platform-api/tables.ts). The desktop
-- edits only a lead's `handled` flag; everything else arrives by pull.

-- One row per site (id = the site id).
CREATE TABLE site_publication (
  id TEXT PRIMARY KEY,
  enterprise_id TEXT NOT NULL,
  status TEXT NOT NULL,
  live_revision INTEGER,
  published_at TEXT,
  requested_revision INTEGER,
  failure_json TEXT,
  host TEXT,
  urls_json TEXT,
  revisions_json TEXT NOT NULL DEFAULT '[]',
  offline_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  base_version INTEGER,
  base_json TEXT,
  server_deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX site_publication_enterprise ON site_publication(enterprise_id);

CREATE TABLE lead (
  id TEXT PRIMARY KEY,
  enterprise_id TEXT NOT NULL,
  site_id TEXT,
  channel TEXT NOT NULL,
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  contact TEXT NOT NULL,
  text TEXT NOT NULL,
  received_at TEXT NOT NULL,
  handled INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  base_version INTEGER,
  base_json TEXT,
  server_deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX lead_received ON lead(received_at DESC, id DESC);
CREATE INDEX lead_enterprise ON lead(enterprise_id, received_at DESC);
CREATE INDEX lead_unhandled ON lead(handled) WHERE handled = 0;
CREATE INDEX lead_synced ON lead(base_version) WHERE base_version IS NOT NULL;

-- Rolling per-day aggregates: id = siteId:date:channel.
CREATE TABLE site_visit_day (
  id TEXT PRIMARY KEY,
  site_id TEXT NOT NULL,
  enterprise_id TEXT NOT NULL,
  date TEXT NOT NULL,
  channel TEXT NOT NULL,
  pv INTEGER NOT NULL,
  uv INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  base_version INTEGER,
  base_json TEXT,
  server_deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX site_visit_day_site ON site_visit_day(site_id, date);
CREATE INDEX site_visit_day_enterprise ON site_visit_day(enterprise_id);
CREATE INDEX site_visit_day_synced ON site_visit_day(base_version) WHERE base_version IS NOT NULL;
