-- The receipt chain. `seq` is the position in the chain, assigned inside the
-- write transaction (under an advisory lock); `hash` = sha256(prev_hash +
-- canonical JSON of the receipt plus received_at). JSON columns are text, not
-- jsonb, so the exact hashed bytes come back. Timestamps are ISO-8601 text in
-- the "C" collation so they order and compare as text in both dialects.
CREATE TABLE receipts (
  seq              bigint  PRIMARY KEY,
  id               text    NOT NULL UNIQUE,
  subject          text    NOT NULL,
  schema_version   text    NOT NULL,
  client_timestamp text    NOT NULL,
  site             text    NOT NULL,
  jurisdiction     text    NOT NULL,
  language         text    NOT NULL,
  policy_version   text    NOT NULL,
  revision         integer NOT NULL,
  config_hash      text    NOT NULL,
  action           text    NOT NULL,
  method           text    NOT NULL,
  granted          text    NOT NULL,
  denied           text    NOT NULL,
  bases            text    NOT NULL,
  signals          text    NOT NULL,
  expires          text    NOT NULL,
  received_at      text    COLLATE "C" NOT NULL,
  prev_hash        text    NOT NULL,
  hash             text    NOT NULL
);

CREATE INDEX receipts_by_subject ON receipts (subject, seq);
CREATE INDEX receipts_by_received_at ON receipts (received_at);

-- One row per purge: the last purged row's seq and hash, where verification restarts.
CREATE TABLE chain_anchors (
  seq       bigint  PRIMARY KEY,
  hash      text    NOT NULL,
  purged_at text    NOT NULL,
  deleted   integer NOT NULL
);
