-- Issue 11: each enterprise's SMS sent per China month, as the platform meters it (platform-owned, pulled only).
CREATE TABLE sms_usage (
  id TEXT PRIMARY KEY,
  enterprise_id TEXT NOT NULL,
  month TEXT NOT NULL,
  sms_sent INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  base_version INTEGER,
  base_json TEXT,
  server_deleted INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX sms_usage_month ON sms_usage(enterprise_id, month);
CREATE INDEX sms_usage_synced ON sms_usage(base_version) WHERE base_version IS NOT NULL;
