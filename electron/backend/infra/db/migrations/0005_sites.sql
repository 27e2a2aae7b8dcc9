-- Sites (issue 3): one content document per enterprise, picture facts of stored originals, and the
-- cache of derived picture sizes.

-- The site's content (shared/sites/model.ts SiteContent) as one JSON document. `revision` counts
-- local saves (the editor sends the revision it edited from); intake_json holds the import's guesses
-- and problems so the editor can show and undo them. Sync columns per SYNC.md §3.2.
CREATE TABLE site (
  id TEXT PRIMARY KEY,
  enterprise_id TEXT NOT NULL,
  content_json TEXT NOT NULL,
  revision INTEGER NOT NULL DEFAULT 1,
  intake_json TEXT NOT NULL DEFAULT '{"guesses":[],"problems":[]}',
  signed_off_revision INTEGER,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  base_version INTEGER,
  base_json TEXT,
  server_deleted INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX site_enterprise ON site(enterprise_id);

-- Facts about a stored picture (by the sha256 of its normalized original), for width/height attributes.
CREATE TABLE image (
  sha256 TEXT PRIMARY KEY,
  width INTEGER NOT NULL,
  height INTEGER NOT NULL,
  has_alpha INTEGER NOT NULL DEFAULT 0,
  source_format TEXT NOT NULL
);

-- Derived sizes, made once per (sha256, variant); the file is assets/derived/<variant>/<ab>/<sha256>.<ext>.
-- A cache: never synced, rebuilt from the original when its file is missing.
CREATE TABLE asset_derived (
  sha256 TEXT NOT NULL,
  variant TEXT NOT NULL,
  file TEXT NOT NULL,
  mime TEXT NOT NULL,
  width INTEGER NOT NULL,
  height INTEGER NOT NULL,
  bytes INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (sha256, variant)
);
