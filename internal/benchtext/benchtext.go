// Package benchtext reads the real news that the benchmarks of lexicon and
// features run on when FRAMING_BENCH_CORPUS names a JSON Lines file (gzip
// allowed) with title, text and outlet fields, such as the dev corpus:
//
//	FRAMING_BENCH_CORPUS=../shared/corpus/dev.jsonl.gz go test ./lexicon ./features -run '^$' -bench Dev
//
// The repository holds no corpus of this size, so without the variable the
// benchmarks are skipped. It is for tests only.
package benchtext

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"strings"
	"testing"
)

// Article is what the benchmarks read of one line.
type Article struct {
	Title, Text, Outlet string
}

// Load returns the articles of the corpus named by FRAMING_BENCH_CORPUS and
// the total length of their titles and texts, or skips b when the variable
// is unset. A line that is not a JSON object is left out: that is the
// corpus reader's business, not the scorer's.
func Load(b *testing.B) ([]Article, int64) {
	b.Helper()
	path := os.Getenv("FRAMING_BENCH_CORPUS")
	if path == "" {
		b.Skip("FRAMING_BENCH_CORPUS is not set")
	}
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
	var arts []Article
	var n int64
	for sc.Scan() {
		var a Article
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			continue
		}
		arts = append(arts, a)
		n += int64(len(a.Title) + len(a.Text))
	}
	if err := sc.Err(); err != nil {
		b.Fatalf("reading %s: %v", path, err)
	}
	if len(arts) == 0 {
		b.Fatalf("%s: no articles", path)
	}
	return arts, n
}
