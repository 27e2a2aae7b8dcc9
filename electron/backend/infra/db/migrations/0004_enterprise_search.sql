-- A change counter per table, bumped by triggers, so in-memory indexes (the enterprise search)
-- notice every write to the table: their own, another process's, or a sync applying a pull.

CREATE TABLE change_counter (
  tbl TEXT PRIMARY KEY,
  n INTEGER NOT NULL
);
INSERT INTO change_counter (tbl, n) VALUES ('enterprise', 0);

CREATE TRIGGER enterprise_counted_insert AFTER INSERT ON enterprise
BEGIN UPDATE change_counter SET n = n + 1 WHERE tbl = 'enterprise'; END;
CREATE TRIGGER enterprise_counted_update AFTER UPDATE ON enterprise
BEGIN UPDATE change_counter SET n = n + 1 WHERE tbl = 'enterprise'; END;
CREATE TRIGGER enterprise_counted_delete AFTER DELETE ON enterprise
BEGIN UPDATE change_counter SET n = n + 1 WHERE tbl = 'enterprise'; END;
