-- Opt-in figures for the console, kept as receipts arrive (figures-sqlite.ts
-- adds each commit's counts in the same transaction as its receipts). One row
-- per 15-minute slot (`bucket`, epoch seconds of its start, UTC) and value of
-- one breakdown (`dimension`: revision, policyVersion, configHash,
-- jurisdiction, language). Every time zone in use today is offset from UTC
-- by a whole number of quarter hours, so local days and weeks are exact
-- unions of slots. Counts only: no subject, id or timestamp of a visitor.
CREATE TABLE figures_actions (
  dimension TEXT    NOT NULL,
  bucket    INTEGER NOT NULL,
  value     TEXT    NOT NULL,
  action    TEXT    NOT NULL,
  decisions INTEGER NOT NULL,
  gpc       INTEGER NOT NULL,
  PRIMARY KEY (dimension, bucket, value, action)
) STRICT, WITHOUT ROWID;

-- `offered`: decisions that listed the category (granted or denied);
-- `granted`: those that granted it. The share is granted / offered.
CREATE TABLE figures_categories (
  dimension TEXT    NOT NULL,
  bucket    INTEGER NOT NULL,
  value     TEXT    NOT NULL,
  category  TEXT    NOT NULL,
  offered   INTEGER NOT NULL,
  granted   INTEGER NOT NULL,
  PRIMARY KEY (dimension, bucket, value, category)
) STRICT, WITHOUT ROWID;

-- The figures of local days that are over, per time zone the console asked
-- for: filled from the slots on first read, read back from then on. A day
-- that has ended gets no new receipts (receivedAt is the server's clock),
-- so only a purge can change it; a purge empties these tables.
CREATE TABLE figures_day_actions (
  zone      TEXT    NOT NULL,
  dimension TEXT    NOT NULL,
  day       TEXT    NOT NULL,
  value     TEXT    NOT NULL,
  action    TEXT    NOT NULL,
  decisions INTEGER NOT NULL,
  gpc       INTEGER NOT NULL,
  PRIMARY KEY (zone, dimension, day, value, action)
) STRICT, WITHOUT ROWID;

CREATE TABLE figures_day_categories (
  zone      TEXT    NOT NULL,
  dimension TEXT    NOT NULL,
  day       TEXT    NOT NULL,
  value     TEXT    NOT NULL,
  category  TEXT    NOT NULL,
  offered   INTEGER NOT NULL,
  granted   INTEGER NOT NULL,
  PRIMARY KEY (zone, dimension, day, value, category)
) STRICT, WITHOUT ROWID;

-- Which days are in the two tables above (a day with no receipts has no rows there).
CREATE TABLE figures_days_done (
  zone      TEXT NOT NULL,
  dimension TEXT NOT NULL,
  day       TEXT NOT NULL,
  PRIMARY KEY (zone, dimension, day)
) STRICT, WITHOUT ROWID;

-- Each chain check run from the console: when, and what it found.
CREATE TABLE chain_verifications (
  verified_at TEXT    NOT NULL,
  ok          INTEGER NOT NULL,
  count       INTEGER NOT NULL,
  head_seq    INTEGER,
  head_hash   TEXT,
  broken_seq  INTEGER,
  reason      TEXT
) STRICT;

-- Receipts stored before this migration: counted once, here.
WITH slotted AS (
  SELECT (CAST(strftime('%s', received_at) AS INTEGER) / 900) * 900 AS bucket, *
  FROM receipts
),
dims AS (
  SELECT bucket, 'revision' AS dimension, CAST(revision AS TEXT) AS dim_value, action, signals, granted, denied FROM slotted
  UNION ALL SELECT bucket, 'policyVersion', policy_version, action, signals, granted, denied FROM slotted
  UNION ALL SELECT bucket, 'configHash', config_hash, action, signals, granted, denied FROM slotted
  UNION ALL SELECT bucket, 'jurisdiction', jurisdiction, action, signals, granted, denied FROM slotted
  UNION ALL SELECT bucket, 'language', language, action, signals, granted, denied FROM slotted
)
INSERT INTO figures_actions (dimension, bucket, value, action, decisions, gpc)
SELECT dimension, bucket, dim_value, action, COUNT(*), SUM(json_extract(signals, '$.gpc') = 1)
FROM dims GROUP BY dimension, bucket, dim_value, action;

WITH slotted AS (
  SELECT (CAST(strftime('%s', received_at) AS INTEGER) / 900) * 900 AS bucket, *
  FROM receipts
),
dims AS (
  SELECT bucket, 'revision' AS dimension, CAST(revision AS TEXT) AS dim_value, granted, denied FROM slotted
  UNION ALL SELECT bucket, 'policyVersion', policy_version, granted, denied FROM slotted
  UNION ALL SELECT bucket, 'configHash', config_hash, granted, denied FROM slotted
  UNION ALL SELECT bucket, 'jurisdiction', jurisdiction, granted, denied FROM slotted
  UNION ALL SELECT bucket, 'language', language, granted, denied FROM slotted
),
listed AS (
  SELECT dims.dimension, dims.bucket, dims.dim_value, g.value AS category, 1 AS is_granted FROM dims, json_each(dims.granted) AS g
  UNION ALL
  SELECT dims.dimension, dims.bucket, dims.dim_value, d.value, 0 FROM dims, json_each(dims.denied) AS d
)
INSERT INTO figures_categories (dimension, bucket, value, category, offered, granted)
SELECT dimension, bucket, dim_value, category, COUNT(*), SUM(is_granted)
FROM listed GROUP BY dimension, bucket, dim_value, category;
