-- Figure upkeep moves off the append's path: a receipt's 201 waits for its
-- row only; the figures are caught up from the receipts shortly after, in
-- batches (figures-postgres.ts). `figures_progress.seq` is the last receipt
-- counted, committed with the counts it covers, so a crash between a
-- receipt's commit and its counting loses nothing: the next catch-up (on
-- start, before every console read, before a purge) counts from there.
CREATE TABLE figures_progress (
  one integer PRIMARY KEY CHECK (one = 1),
  seq bigint  NOT NULL
);

-- Everything stored so far was counted by the appends themselves (003).
INSERT INTO figures_progress (one, seq)
SELECT 1, COALESCE((SELECT MAX(seq) FROM receipts), (SELECT MAX(seq) FROM chain_anchors), 0);

-- An hourly tier over the 15-minute slots: a long range's first read sums
-- a quarter of the rows. `bucket` is the hour's start (epoch seconds, UTC);
-- slots are read only where a period boundary falls inside an hour (zones
-- offset by :30 or :45) and at the range's ends.
CREATE TABLE figures_hour_actions (
  dimension text    NOT NULL,
  bucket    bigint  NOT NULL,
  value     text    NOT NULL,
  action    text    NOT NULL,
  decisions bigint  NOT NULL,
  gpc       bigint  NOT NULL,
  PRIMARY KEY (dimension, bucket, value, action)
);

CREATE TABLE figures_hour_categories (
  dimension text    NOT NULL,
  bucket    bigint  NOT NULL,
  value     text    NOT NULL,
  category  text    NOT NULL,
  offered   bigint  NOT NULL,
  granted   bigint  NOT NULL,
  PRIMARY KEY (dimension, bucket, value, category)
);

INSERT INTO figures_hour_actions (dimension, bucket, value, action, decisions, gpc)
SELECT dimension, bucket - (bucket % 3600), value, action, SUM(decisions), SUM(gpc)
FROM figures_actions GROUP BY dimension, bucket - (bucket % 3600), value, action;

INSERT INTO figures_hour_categories (dimension, bucket, value, category, offered, granted)
SELECT dimension, bucket - (bucket % 3600), value, category, SUM(offered), SUM(granted)
FROM figures_categories GROUP BY dimension, bucket - (bucket % 3600), value, category;
