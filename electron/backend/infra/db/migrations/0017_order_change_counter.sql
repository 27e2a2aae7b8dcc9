-- The orders' change counter (the same kind as the enterprises', migration 0004), so each
-- enterprise's current plan, which the list filters by, is worked out again only after a write to
-- service_order: this connection's, another process's, or a sync applying a pull.

INSERT INTO change_counter (tbl, n) VALUES ('service_order', 0);

CREATE TRIGGER service_order_counted_insert AFTER INSERT ON service_order
BEGIN UPDATE change_counter SET n = n + 1 WHERE tbl = 'service_order'; END;
CREATE TRIGGER service_order_counted_update AFTER UPDATE ON service_order
BEGIN UPDATE change_counter SET n = n + 1 WHERE tbl = 'service_order'; END;
CREATE TRIGGER service_order_counted_delete AFTER DELETE ON service_order
BEGIN UPDATE change_counter SET n = n + 1 WHERE tbl = 'service_order'; END;
