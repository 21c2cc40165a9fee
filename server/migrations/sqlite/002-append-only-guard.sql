-- Receipts are never edited. This stops mistakes, not a determined admin
-- (who can drop the trigger); GET /verify is what catches that.
CREATE TRIGGER receipts_no_update BEFORE UPDATE ON receipts
BEGIN
  SELECT RAISE(ABORT, 'receipts are append-only');
END;

CREATE TRIGGER chain_anchors_no_update BEFORE UPDATE ON chain_anchors
BEGIN
  SELECT RAISE(ABORT, 'chain anchors are append-only');
END;
