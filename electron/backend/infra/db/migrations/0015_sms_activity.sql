-- Issue 11 item 4: each enterprise's SMS draw log and survey tallies as the platform summarises them (platform-owned, pulled only).
CREATE TABLE sms_activity (
  id TEXT PRIMARY KEY,
  enterprise_id TEXT NOT NULL,
  draws_json TEXT NOT NULL,
  draw_count INTEGER NOT NULL,
  surveys_json TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  base_version INTEGER,
  base_json TEXT,
  server_deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX sms_activity_enterprise ON sms_activity(enterprise_id);
CREATE INDEX sms_activity_synced ON sms_activity(base_version) WHERE base_version IS NOT NULL;
