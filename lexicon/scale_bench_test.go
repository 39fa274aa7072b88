package lexicon

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"
)

// perUnit reports the wall-clock and the CPU time per unit of size (a
// category, a dimension, a token) since start, the CPU time taken when
// the loop began. On a shared machine the CPU figure is the one to
// compare: it includes the garbage collector's work but not the time
// spent waiting for a core.
func perUnit(b *testing.B, start time.Duration, units int, unit string) {
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(units), "ns/"+unit)
	if cpu := processCPU(); cpu >= 0 && start >= 0 {
		b.ReportMetric(float64((cpu-start).Nanoseconds())/float64(b.N)/float64(units), "cpu-ns/"+unit)
	}
}

// The benchmarks in this file show that a lexicon's cost grows linearly
// with its size (issue 16 §6): a LIWC file with n categories, a lexicon of
// d dimensions, and a phrase of L words matched against a text that
// repeats its first words. Each reports a per-unit metric (ns/category,
// ns/dimension, ns/token) that stays flat when growth is linear; the
// figures are in docs/lexicon.md, "Performance".

// genDic writes a LIWC dictionary of n categories, each with two words
// of its own and one word shared with the next category.
func genDic(n int) []byte {
	var b bytes.Buffer
	b.WriteString("%\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "%d\tcat%d\n", i, i)
	}
	b.WriteString("%\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "w%da\t%d\nw%db*\t%d\nshared%d\t%d\t%d\n", i, i, i, i, i, i, i%n+1)
	}
	return b.Bytes()
}

func benchDic(b *testing.B, n int) {
	data := genDic(n)
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	start := processCPU()
	for b.Loop() {
		l, _, err := LoadDic(bytes.NewReader(data), "gen.dic")
		if err != nil || len(l.Dimensions) != n {
			b.Fatalf("LoadDic: %v", err)
		}
	}
	perUnit(b, start, n, "category")
}

func BenchmarkLoadDic1k(b *testing.B)   { benchDic(b, 1000) }
func BenchmarkLoadDic10k(b *testing.B)  { benchDic(b, 10000) }
func BenchmarkLoadDic100k(b *testing.B) { benchDic(b, 100000) }

// genDimensionsYAML writes a native lexicon of d dimensions of five
// entries each (a word, a glob, a phrase, a weighted word and a word
// shared by every tenth dimension), with one exclude each.
func genDimensionsYAML(d int) []byte {
	var b bytes.Buffer
	b.WriteString("name: gen\nversion: 1\nnegators: [not]\ndimensions:\n")
	for i := range d {
		fmt.Fprintf(&b, "  dim%d:\n    description: generated dimension %d\n    terms:\n", i, i)
		fmt.Fprintf(&b, "      - word%d\n      - glob%d*\n      - phrase%d here\n      - {term: weighted%d, weight: 0.5}\n      - common%d\n",
			i, i, i, i, i/10)
		fmt.Fprintf(&b, "    exclude:\n      - word%d painting\n", i)
	}
	return b.Bytes()
}

// benchDimensions parses, validates, hashes and compiles a lexicon of d
// dimensions: everything a run does with a lexicon before the first
// article.
func benchDimensions(b *testing.B, d int) {
	data := genDimensionsYAML(d)
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	start := processCPU()
	for b.Loop() {
		l, diags := parseNative(bytes.NewReader(data), "gen.yaml")
		if errs := errorsOf(diags); len(errs) > 0 {
			b.Fatal(errs)
		}
		_ = l.SHA256()
		if _, err := Compile(l); err != nil {
			b.Fatal(err)
		}
	}
	perUnit(b, start, d, "dimension")
}

func BenchmarkDimensions500(b *testing.B)  { benchDimensions(b, 500) }
func BenchmarkDimensions2000(b *testing.B) { benchDimensions(b, 2000) }
func BenchmarkDimensions4000(b *testing.B) { benchDimensions(b, 4000) }

// longPhraseCase is a phrase of n words in which one word repeats (the
// worst case for comparing word by word: every position matches a long
// prefix) and a sentence of 20,000 tokens of that same word with the
// phrase's last word at the end, so the phrase matches exactly once.
func longPhraseCase(n int, wordByWord bool) (*Matcher, []Token, error) {
	words := make([]string, n)
	for i := range words {
		words[i] = "na"
	}
	words[n-1] = "batman"
	l := &Lexicon{Dimensions: []Dimension{{Name: "d", Terms: []Entry{{Text: strings.Join(words, " ")}}}}}
	m, err := compile(l, wordByWord)
	text := strings.Repeat("na ", 20000) + "batman"
	return m, Tokenize(text), err
}

func benchLongPhrase(b *testing.B, n int, wordByWord bool) {
	m, toks, err := longPhraseCase(n, wordByWord)
	if err != nil {
		b.Fatal(err)
	}
	if got := len(m.Match(toks)); got != 1 {
		b.Fatalf("%d matches, want 1", got)
	}
	b.ResetTimer()
	start := processCPU()
	for b.Loop() {
		m.Match(toks)
	}
	perUnit(b, start, len(toks), "token")
}

func BenchmarkLongPhrase10(b *testing.B)    { benchLongPhrase(b, 10, false) }
func BenchmarkLongPhrase1000(b *testing.B)  { benchLongPhrase(b, 1000, false) }
func BenchmarkLongPhrase10000(b *testing.B) { benchLongPhrase(b, 10000, false) }

// The same cases matched word by word, as before phraseAuto: the cost per
// token grows with the phrase.
func BenchmarkLongPhraseWordByWord10(b *testing.B)    { benchLongPhrase(b, 10, true) }
func BenchmarkLongPhraseWordByWord1000(b *testing.B)  { benchLongPhrase(b, 1000, true) }
func BenchmarkLongPhraseWordByWord10000(b *testing.B) { benchLongPhrase(b, 10000, true) }

// BenchmarkRepeatedExclude matches a sentence that repeats an excluded
// phrase 5,000 times: each of the 5,000 frame hits is tested against the
// 5,000 exclude hits in O(log) time, not one by one.
func BenchmarkRepeatedExclude(b *testing.B) {
	l := &Lexicon{Dimensions: []Dimension{{Name: "oil", Terms: []Entry{{Text: "oil"}}, Exclude: []Entry{{Text: "oil painting"}}}}}
	m, err := Compile(l)
	if err != nil {
		b.Fatal(err)
	}
	toks := Tokenize(strings.Repeat("oil painting ", 5000) + "oil")
	if got := len(m.Match(toks)); got != 1 {
		b.Fatalf("%d matches, want 1", got)
	}
	b.ResetTimer()
	start := processCPU()
	for b.Loop() {
		m.Match(toks)
	}
	perUnit(b, start, len(toks), "token")
}
