package corpus

import (
	"io"
	"os"
	"testing"
)

// BenchmarkDecodeDev decodes the lines of a real corpus, already in
// memory, on one goroutine: the work Raw.Decode does on a run's workers.
// Sub-benchmarks compare decodeJSONL with decodeStd (encoding/json):
//
//	FRAMING_BENCH_CORPUS=$CORPUS_DIR/dev.jsonl.gz go test ./corpus \
//	    -run '^$' -bench DecodeDev -benchtime 20x
//
// It is skipped when FRAMING_BENCH_CORPUS is unset: the repository holds no
// corpus of this size. MB/s counts line bytes; %fast is the share of
// lines that decodeFast takes.
func BenchmarkDecodeDev(b *testing.B) {
	path := os.Getenv("FRAMING_BENCH_CORPUS")
	if path == "" {
		b.Skip("FRAMING_BENCH_CORPUS is not set")
	}
	raws, size := readRaws(b, path)
	fast := 0
	for _, r := range raws {
		if _, ok := decodeFast(r.Data); ok {
			fast++
		}
	}
	for _, bc := range []struct {
		name   string
		decode func([]byte, string, int) (Article, error)
	}{{"fast", decodeJSONL}, {"encoding_json", decodeStd}} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				for _, r := range raws {
					bc.decode(r.Data, r.File, r.Line)
				}
			}
			b.ReportMetric(100*float64(fast)/float64(len(raws)), "%fast")
		})
	}
}

// readRaws reads every record of a JSON Lines file undecoded and the total
// of their lengths.
func readRaws(b *testing.B, path string) ([]Raw, int64) {
	b.Helper()
	r, err := Open(path, Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer r.Close()
	rr, ok := r.(RawReader)
	if !ok {
		b.Fatalf("%s is not JSON Lines", path)
	}
	var raws []Raw
	var size int64
	for {
		raw, err := rr.NextRaw()
		if err == io.EOF {
			return raws, size
		}
		if err != nil && !IsRecordError(err) {
			b.Fatal(err)
		}
		raws, size = append(raws, raw), size+int64(len(raw.Data))
	}
}
