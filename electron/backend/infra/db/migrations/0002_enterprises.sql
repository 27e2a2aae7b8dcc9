-- Enterprises (集团客户). Sync columns per SYNC.md §3.2: base_version/base_json/server_deleted.

CREATE TABLE enterprise (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  credit_code TEXT NOT NULL,
  industry_section TEXT NOT NULL,
  industry_division TEXT,
  province TEXT NOT NULL,
  city TEXT NOT NULL,
  district TEXT NOT NULL,
  address TEXT NOT NULL,
  contact_name TEXT NOT NULL,
  contact_mobile TEXT NOT NULL,
  contact_email TEXT,
  manager TEXT NOT NULL,
  channel TEXT NOT NULL,
  note TEXT,
  group_code TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  base_version INTEGER,
  base_json TEXT,
  server_deleted INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX enterprise_credit_code ON enterprise(credit_code);
CREATE INDEX enterprise_contact_mobile ON enterprise(contact_mobile);
CREATE INDEX enterprise_updated ON enterprise(updated_at DESC, id);
