// Package job is framing's scoring as an Apache Beam pipeline: the same
// decoding, duplicate-id rule, scoring and rows as `framing run`, spread by
// a Beam runner (prism, Flink, Spark, Dataflow), written as several Parquet
// shards per partition and published atomically once the pipeline has
// succeeded. See docs/scale-out.md.
//
// The graph:
//
//	patterns ─ fileio.MatchFiles ─ Reshuffle ─ read (decode) ─┬─ articles by id ─ GroupByKey ─ resolve (dedup, score) ─┐
//	                                                          └─ rejects ───────────────────────────────────────────────┴─ by shard ─ GroupByKey ─ write shard
//
// after which Run, on the launching machine, publishes the shards.
package job
