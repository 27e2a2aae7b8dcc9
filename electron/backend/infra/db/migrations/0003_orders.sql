-- The catalog (versioned documents), service orders with their quote snapshot, and the enterprise's documents.

CREATE TABLE catalog (
  version INTEGER PRIMARY KEY,
  source TEXT NOT NULL,
  published_at TEXT NOT NULL,
  data_json TEXT NOT NULL,
  received_at TEXT NOT NULL
);

CREATE TABLE service_order (
  id TEXT PRIMARY KEY,
  enterprise_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('open', 'change', 'cancel')),
  plan_code TEXT NOT NULL,
  previous_plan_code TEXT,
  request_date TEXT NOT NULL,
  effective_date TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('draft', 'signed', 'submitted')),
  quote_json TEXT NOT NULL,
  catalog_version INTEGER NOT NULL,
  signer_name TEXT,
  signature_sha256 TEXT,
  document_id TEXT,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  signed_at TEXT,
  submitted_at TEXT,
  base_version INTEGER,
  base_json TEXT,
  server_deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX service_order_enterprise ON service_order(enterprise_id, created_at);

CREATE TABLE document (
  id TEXT PRIMARY KEY,
  enterprise_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  file_name TEXT NOT NULL,
  mime TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);
CREATE INDEX document_enterprise ON document(enterprise_id, created_at);
