-- VPMN rosters (动力100): the members of each enterprise's group as this device knows them.
-- The working columns (name … photo_sha256) are what the manager sees and the next roster order
-- carries; `change` is this device's change not yet submitted (add | update | remove); `order_id`
-- the roster order it went out with, while the platform has not answered; `conflict_json` the
-- platform's refusal of it, until resolved. The sync columns hold the member as the platform
-- confirmed it (its short number among them).
CREATE TABLE roster_member (
  id TEXT PRIMARY KEY,
  enterprise_id TEXT NOT NULL,
  name TEXT NOT NULL,
  mobile TEXT NOT NULL,
  department TEXT NOT NULL DEFAULT '',
  title TEXT NOT NULL DEFAULT '',
  email TEXT,
  short_number TEXT,
  -- Where the short number came from: file | manual | rules | reserved | platform.
  number_source TEXT NOT NULL DEFAULT 'rules',
  extension TEXT,
  china_mobile INTEGER NOT NULL DEFAULT 0,
  ported_in INTEGER NOT NULL DEFAULT 0,
  card_consent INTEGER NOT NULL DEFAULT 0,
  photo_sha256 TEXT,
  change TEXT CHECK (change IN ('add', 'update', 'remove')),
  order_id TEXT,
  conflict_json TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  base_version INTEGER,
  base_json TEXT,
  server_deleted INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX roster_member_mobile ON roster_member (enterprise_id, mobile);
CREATE INDEX roster_member_list ON roster_member (enterprise_id, department, name);
-- Is this mobile in another enterprise's group?
CREATE INDEX roster_member_any_mobile ON roster_member (mobile);
CREATE INDEX roster_member_synced ON roster_member (base_version) WHERE base_version IS NOT NULL;
CREATE INDEX roster_member_order ON roster_member (order_id) WHERE order_id IS NOT NULL;

-- The short-number rules of each group (shared/domain/shortNumbers.ts `ShortNumberRules`), as JSON.
CREATE TABLE roster_rules (
  enterprise_id TEXT PRIMARY KEY,
  rules_json TEXT NOT NULL,
  updated_at TEXT NOT NULL
) WITHOUT ROWID;
