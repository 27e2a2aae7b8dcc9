-- Records made on this device that the platform refused from this account (another region's, or
-- a role that may not register them) and that the person chose to keep as local drafts: they stay
-- on this computer, nothing about them is sent, and the lists mark them as drafts that another
-- region's manager must register.
CREATE TABLE sync_held_row (
  tbl TEXT NOT NULL,
  row_id TEXT NOT NULL,
  -- The platform's rejection code when it was kept (e.g. forbidden).
  reason TEXT NOT NULL,
  held_at TEXT NOT NULL,
  PRIMARY KEY (tbl, row_id)
) WITHOUT ROWID;
