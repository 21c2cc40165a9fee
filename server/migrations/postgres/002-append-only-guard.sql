-- Receipts are never edited. This stops mistakes, not a determined admin
-- (who can drop the trigger); GET /verify is what catches that.
CREATE FUNCTION consentry_forbid_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$;

CREATE TRIGGER receipts_no_update BEFORE UPDATE ON receipts
  FOR EACH ROW EXECUTE FUNCTION consentry_forbid_update();

CREATE TRIGGER chain_anchors_no_update BEFORE UPDATE ON chain_anchors
  FOR EACH ROW EXECUTE FUNCTION consentry_forbid_update();
