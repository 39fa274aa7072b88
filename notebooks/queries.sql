-- The first DuckDB queries a researcher runs on framing's output.
-- Run from the repository root after `go run ./cmd/framing run --input examples/venezuela.jsonl --out out`:
--   duckdb < notebooks/queries.sql
-- Each query stands under a comment that names it; notebooks/framing.ipynb runs the same queries.
-- Paths are relative to the directory DuckDB runs in; 'out' is the --out directory.

-- name: framing_profile
-- Framing profile per outlet: mean hits per 1,000 tokens and mean share of the article's frame hits.
SELECT outlet, dimension,
       count(*)                    AS n_articles,
       round(avg(per_1k), 3)       AS mean_per_1k,
       round(avg(share), 3)        AS mean_share
FROM read_parquet('out/frames/*/*.parquet', hive_partitioning = true)
GROUP BY outlet, dimension
ORDER BY outlet, dimension;

-- name: outlets_ranked
-- Outlets ranked per dimension, with t-based and bootstrap 95 % intervals of the mean per_1k.
SELECT window_start, window_end, dimension, outlet, n_articles,
       round(mean, 3) AS mean, round(ci_low, 3) AS ci_low, round(ci_high, 3) AS ci_high,
       round(boot_ci_low, 3) AS boot_ci_low, round(boot_ci_high, 3) AS boot_ci_high,
       rank() OVER (PARTITION BY window_start, window_end, dimension ORDER BY mean DESC) AS rank
FROM read_parquet('out/outlet_stats/*/*.parquet', hive_partitioning = true)
WHERE mean IS NOT NULL
ORDER BY window_start, window_end, dimension, rank;

-- name: significant_pairs
-- Pairs of outlets whose per_1k differs on a dimension after Holm correction, largest effects first.
SELECT window_start, window_end, dimension, outlet_a, outlet_b,
       round(mean_diff, 3) AS mean_diff, round(diff_ci_low, 3) AS ci_low, round(diff_ci_high, 3) AS ci_high,
       round(hedges_g, 3) AS hedges_g,
       round(cliffs_delta, 3) AS cliffs_delta, p_holm, p_bh
FROM read_parquet('out/outlet_pairs/*/*.parquet', hive_partitioning = true)
WHERE p_bh < 0.05
ORDER BY abs(hedges_g) DESC;

-- name: top_keyness
-- The lexicon entries each outlet overuses most against all other outlets (G², log ratio).
SELECT outlet, dimension, entry, count_outlet, count_rest, round(g2, 2) AS g2, round(log_ratio, 2) AS log_ratio
FROM (
  SELECT *, row_number() OVER (PARTITION BY window_start, window_end, outlet ORDER BY g2 DESC) AS r
  FROM read_parquet('out/keyness/*/*.parquet', hive_partitioning = true)
  WHERE log_ratio > 0 AND g2 IS NOT NULL
)
WHERE r <= 5
ORDER BY outlet, g2 DESC;

-- name: stance_by_actor
-- Stance toward each actor per outlet: mentions and the mean stance of the articles with tone.
SELECT outlet, actor,
       count(*)                   AS articles,
       sum(mentions)              AS mentions,
       round(avg(stance), 3)      AS mean_stance,
       count(stance)              AS articles_with_tone
FROM read_parquet('out/stance/*/*.parquet', hive_partitioning = true)
GROUP BY outlet, actor
ORDER BY actor, mean_stance DESC NULLS LAST;

-- name: trends_over_nights
-- Trends over nights: mean per_1k per outlet, dimension and run date.
SELECT run_date, outlet, dimension, count(*) AS n_articles, round(avg(per_1k), 3) AS mean_per_1k
FROM read_parquet('out/frames/*/*.parquet', hive_partitioning = true)
GROUP BY run_date, outlet, dimension
ORDER BY dimension, outlet, run_date;

-- name: rejects
-- Rejected records of every run, with where they came from and why.
SELECT run_date, source, line, article_id, reason
FROM read_parquet('out/rejects/*/*.parquet', hive_partitioning = true)
ORDER BY run_date, source, line;
