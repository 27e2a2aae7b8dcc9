-- VPMN roster orders: what this device submitted (roster.submit.v1) or pulled, and what the
-- platform's BOSS answered — each change confirmed or sent back, the group's VPMN number, or the
-- failure of the whole order. Rows come back from the platform like service orders do.
CREATE TABLE roster_order (
  id TEXT PRIMARY KEY,
  enterprise_id TEXT NOT NULL,
  -- The changes as submitted (shared/platform-api/roster.ts RosterChange[]).
  changes_json TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  -- The platform's side: submitted | completed | failed, the per-change results, the group number.
  platform_status TEXT,
  results_json TEXT,
  group_number TEXT,
  failure_json TEXT,
  processed_at TEXT,
  base_version INTEGER,
  base_json TEXT,
  server_deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX roster_order_enterprise ON roster_order (enterprise_id, created_at);
CREATE INDEX roster_order_synced ON roster_order (base_version) WHERE base_version IS NOT NULL;
