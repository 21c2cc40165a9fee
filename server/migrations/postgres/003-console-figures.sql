-- Opt-in figures for the console, kept as receipts arrive (figures-postgres.ts
-- adds each commit's counts in the same transaction as its receipts). One row
-- per 15-minute slot (`bucket`, epoch seconds of its start, UTC) and value of
-- one breakdown (`dimension`: revision, policyVersion, configHash,
-- jurisdiction, language). Every time zone in use today is offset from UTC
-- by a whole number of quarter hours, so local days and weeks are exact
-- unions of slots. Counts only: no subject, id or timestamp of a visitor.
CREATE TABLE figures_actions (
  dimension text   NOT NULL,
  bucket    bigint NOT NULL,
  value     text   NOT NULL,
  action    text   NOT NULL,
  decisions bigint NOT NULL,
  gpc       bigint NOT NULL,
  PRIMARY KEY (dimension, bucket, value, action)
);

-- `offered`: decisions that listed the category (granted or denied);
-- `granted`: those that granted it. The share is granted / offered.
CREATE TABLE figures_categories (
  dimension text   NOT NULL,
  bucket    bigint NOT NULL,
  value     text   NOT NULL,
  category  text   NOT NULL,
  offered   bigint NOT NULL,
  granted   bigint NOT NULL,
  PRIMARY KEY (dimension, bucket, value, category)
);

-- The figures of local days that are over, per time zone the console asked
-- for: filled from the slots on first read, read back from then on. A day
-- that has ended gets no new receipts (receivedAt is the server's clock),
-- so only a purge can change it; a purge empties these tables.
CREATE TABLE figures_day_actions (
  zone      text    NOT NULL,
  dimension text    NOT NULL,
  day       text    NOT NULL,
  value     text    NOT NULL,
  action    text    NOT NULL,
  decisions bigint NOT NULL,
  gpc       bigint NOT NULL,
  PRIMARY KEY (zone, dimension, day, value, action)
);

CREATE TABLE figures_day_categories (
  zone      text    NOT NULL,
  dimension text    NOT NULL,
  day       text    NOT NULL,
  value     text    NOT NULL,
  category  text    NOT NULL,
  offered   bigint NOT NULL,
  granted   bigint NOT NULL,
  PRIMARY KEY (zone, dimension, day, value, category)
);

-- Which days are in the two tables above (a day with no receipts has no rows there).
CREATE TABLE figures_days_done (
  zone      text NOT NULL,
  dimension text NOT NULL,
  day       text NOT NULL,
  PRIMARY KEY (zone, dimension, day)
);

-- Each chain check run from the console: when, and what it found.
CREATE TABLE chain_verifications (
  verified_at text    NOT NULL,
  ok          boolean NOT NULL,
  count       bigint  NOT NULL,
  head_seq    bigint,
  head_hash   text,
  broken_seq  bigint,
  reason      text
);

-- Receipts stored before this migration: counted once, here.
WITH slotted AS (
  SELECT (floor(extract(epoch FROM received_at::timestamptz) / 900) * 900)::bigint AS bucket, *
  FROM receipts
),
dims AS (
  SELECT bucket, 'revision' AS dimension, revision::text AS dim_value, action, signals, granted, denied FROM slotted
  UNION ALL SELECT bucket, 'policyVersion', policy_version, action, signals, granted, denied FROM slotted
  UNION ALL SELECT bucket, 'configHash', config_hash, action, signals, granted, denied FROM slotted
  UNION ALL SELECT bucket, 'jurisdiction', jurisdiction, action, signals, granted, denied FROM slotted
  UNION ALL SELECT bucket, 'language', language, action, signals, granted, denied FROM slotted
)
INSERT INTO figures_actions (dimension, bucket, value, action, decisions, gpc)
SELECT dimension, bucket, dim_value, action, count(*), count(*) FILTER (WHERE (signals::json ->> 'gpc')::boolean)
FROM dims GROUP BY dimension, bucket, dim_value, action;

WITH slotted AS (
  SELECT (floor(extract(epoch FROM received_at::timestamptz) / 900) * 900)::bigint AS bucket, *
  FROM receipts
),
dims AS (
  SELECT bucket, 'revision' AS dimension, revision::text AS dim_value, granted, denied FROM slotted
  UNION ALL SELECT bucket, 'policyVersion', policy_version, granted, denied FROM slotted
  UNION ALL SELECT bucket, 'configHash', config_hash, granted, denied FROM slotted
  UNION ALL SELECT bucket, 'jurisdiction', jurisdiction, granted, denied FROM slotted
  UNION ALL SELECT bucket, 'language', language, granted, denied FROM slotted
),
listed AS (
  SELECT dims.dimension, dims.bucket, dims.dim_value, g AS category, 1 AS is_granted FROM dims, json_array_elements_text(dims.granted::json) AS g
  UNION ALL
  SELECT dims.dimension, dims.bucket, dims.dim_value, d, 0 FROM dims, json_array_elements_text(dims.denied::json) AS d
)
INSERT INTO figures_categories (dimension, bucket, value, category, offered, granted)
SELECT dimension, bucket, dim_value, category, count(*), sum(is_granted)
FROM listed GROUP BY dimension, bucket, dim_value, category;
