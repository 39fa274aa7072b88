// Package corpus streams a news corpus into articles, one record at a time.
//
// Three input shapes are supported: JSON Lines (.jsonl, .ndjson, .json), CSV
// with a header row (.csv), and a directory of .txt/.md files with an optional
// manifest.csv. A trailing .gz is decompressed on the fly. Every reader keeps
// at most one record in memory (bounded by Options.MaxRecordBytes), so a
// corpus larger than memory, or a gzip bomb, cannot exhaust the process.
//
// The JSON Lines reader is also a RawReader: NextRaw hands out a line
// undecoded, as a Raw that the caller owns and decodes with Raw.Decode,
// possibly on another goroutine. How many are in flight is then the
// caller's bound.
//
// Readers separate two kinds of failure, as the house style asks: a bad
// record comes back from Next as a *RecordError, which the caller counts as a
// reject before calling Next again; any other error (I/O) is fatal. Each
// input record yields exactly one Article or one *RecordError, so
// records read = articles + rejects. A CSV row that cannot be delimited (a
// quoted field that never closes properly) is one reject that also counts
// the lines passed over before reading resumed (csvScanner), so every line
// of the input is accounted for.
package corpus
