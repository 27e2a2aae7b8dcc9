-- Issue 13 item 4: each enterprise's portal member report as the platform counts it (platform-owned, pulled only).
CREATE TABLE member_report (
  id TEXT PRIMARY KEY,
  enterprise_id TEXT NOT NULL,
  followers INTEGER NOT NULL,
  following_enterprise INTEGER NOT NULL,
  following_industry INTEGER NOT NULL,
  opted_out INTEGER NOT NULL,
  by_region_json TEXT NOT NULL,
  joined_by_month_json TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  base_version INTEGER,
  base_json TEXT,
  server_deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX member_report_enterprise ON member_report(enterprise_id);
CREATE INDEX member_report_synced ON member_report(base_version) WHERE base_version IS NOT NULL;
