-- Local settings, drafts, the audit trail, the content-addressed asset store and the sync outbox (SYNC.md §3.2).

CREATE TABLE setting (
  key TEXT PRIMARY KEY,
  value_json TEXT NOT NULL
);

CREATE TABLE draft (
  key TEXT PRIMARY KEY,
  value_json TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE audit_log (
  id TEXT PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  action TEXT NOT NULL,
  detail_json TEXT
);
CREATE INDEX audit_log_entity ON audit_log(entity, entity_id, at);

-- Files live in assets/<first two hex>/<sha256>; rows refer to them by hash.
CREATE TABLE asset (
  sha256 TEXT PRIMARY KEY,
  size INTEGER NOT NULL,
  mime TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'pending_upload',
  upload_id TEXT,
  uploaded_bytes INTEGER NOT NULL DEFAULT 0,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT,
  last_error TEXT,
  created_at TEXT NOT NULL,
  last_used_at TEXT
);

CREATE TABLE outbox (
  op_seq INTEGER PRIMARY KEY AUTOINCREMENT,
  mutation_id TEXT NOT NULL UNIQUE,
  tbl TEXT NOT NULL,
  row_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('create', 'update', 'delete', 'command')),
  name TEXT,
  patch_json TEXT NOT NULL,
  base_version INTEGER,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'acked', 'conflict', 'rejected')),
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  created_at TEXT NOT NULL,
  acked_at TEXT
);
CREATE INDEX outbox_row ON outbox(tbl, row_id, status);
CREATE INDEX outbox_status ON outbox(status, op_seq);

CREATE TABLE conflict (
  id TEXT PRIMARY KEY,
  tbl TEXT NOT NULL,
  row_id TEXT NOT NULL,
  op_seq INTEGER,
  kind TEXT NOT NULL,
  detail_json TEXT NOT NULL,
  server_version INTEGER,
  created_at TEXT NOT NULL,
  resolved_at TEXT
);

CREATE TABLE sync_state (
  k TEXT PRIMARY KEY,
  v TEXT NOT NULL
);
