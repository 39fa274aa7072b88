package features

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"strings"
	"testing"

	"framing/lexicon"
)

// BenchmarkExtractDev scores a real corpus with the default lexicon, one
// article after another on one goroutine, so that a CPU profile shows where
// the scoring time goes without the reader, the writer and the pool:
//
//	FRAMING_BENCH_CORPUS=/tmp/dev.jsonl go test ./features -run '^$' \
//	    -bench ExtractDev -benchtime 1x -cpuprofile /tmp/extract.pprof
//
// The corpus is JSON Lines (gzip allowed) with title, text and outlet
// fields. The benchmark is skipped when FRAMING_BENCH_CORPUS is unset: the
// repository holds no corpus of this size. It reports MB/s of title and
// text bytes.
func BenchmarkExtractDev(b *testing.B) {
	path := os.Getenv("FRAMING_BENCH_CORPUS")
	if path == "" {
		b.Skip("FRAMING_BENCH_CORPUS is not set")
	}
	ins, bytes := readBenchCorpus(b, path)
	lex, err := lexicon.Default()
	if err != nil {
		b.Fatal(err)
	}
	m, err := lexicon.Compile(lex)
	if err != nil {
		b.Fatal(err)
	}
	opt := DefaultOptions()
	b.SetBytes(bytes)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, in := range ins {
			Extract(in, m, opt)
		}
	}
	b.ReportMetric(float64(len(ins))*float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

// readBenchCorpus reads the title, text and outlet of every line of a JSON
// Lines file and the total of their lengths.
func readBenchCorpus(b *testing.B, path string) ([]Input, int64) {
	b.Helper()
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		gz, err := gzip.NewReader(f)
		if err != nil {
			b.Fatal(err)
		}
		r = gz
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 64<<20)
	var ins []Input
	var n int64
	for sc.Scan() {
		var in Input
		if err := json.Unmarshal(sc.Bytes(), &in); err != nil {
			continue // a bad line is the corpus reader's business, not the scorer's
		}
		ins = append(ins, in)
		n += int64(len(in.Title) + len(in.Text))
	}
	if err := sc.Err(); err != nil {
		b.Fatalf("reading %s: %v", path, err)
	}
	if len(ins) == 0 {
		b.Fatalf("%s: no articles", path)
	}
	return ins, n
}
