-- The receipt chain. `seq` is the position in the chain, assigned inside the
-- write transaction; `hash` = sha256(prev_hash + canonical JSON of the receipt
-- plus received_at). Arrays and objects are JSON text, hashed byte for byte.
CREATE TABLE receipts (
  seq              INTEGER PRIMARY KEY,
  id               TEXT    NOT NULL UNIQUE,
  subject          TEXT    NOT NULL,
  schema_version   TEXT    NOT NULL,
  client_timestamp TEXT    NOT NULL,
  site             TEXT    NOT NULL,
  jurisdiction     TEXT    NOT NULL,
  language         TEXT    NOT NULL,
  policy_version   TEXT    NOT NULL,
  revision         INTEGER NOT NULL,
  config_hash      TEXT    NOT NULL,
  action           TEXT    NOT NULL,
  method           TEXT    NOT NULL,
  granted          TEXT    NOT NULL,
  denied           TEXT    NOT NULL,
  bases            TEXT    NOT NULL,
  signals          TEXT    NOT NULL,
  expires          TEXT    NOT NULL,
  received_at      TEXT    NOT NULL,
  prev_hash        TEXT    NOT NULL,
  hash             TEXT    NOT NULL
) STRICT;

CREATE INDEX receipts_by_subject ON receipts (subject, seq);
CREATE INDEX receipts_by_received_at ON receipts (received_at);

-- One row per purge: the last purged row's seq and hash, where verification restarts.
CREATE TABLE chain_anchors (
  seq       INTEGER PRIMARY KEY,
  hash      TEXT    NOT NULL,
  purged_at TEXT    NOT NULL,
  deleted   INTEGER NOT NULL
) STRICT;
