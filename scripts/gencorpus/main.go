// Command gencorpus writes a deterministic JSON Lines corpus of any size, for
// benchmarks and memory tests.
//
//	go run ./scripts/gencorpus -mb 100 > big.jsonl             synthetic articles
//	go run ./scripts/gencorpus -scale dev.jsonl.gz -mb 225 > x  repeat a real corpus with fresh ids
//	go run ./scripts/gencorpus -outlets 500 -zipf 1.1 -days 60 -names words -mb 3 > many.jsonl
//	                                                           500 outlets, few large and a long tail
//
// Synthetic articles are made of sentences assembled from fixed word lists
// (written for this project) with story vocabulary mixed in, so that the
// scorer finds frames, actors, quotes and negations at realistic rates. The
// same flags always give the same bytes.
package main

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"strings"
	"time"
)

func main() {
	mb := flag.Float64("mb", 10, "stop after about this many megabytes")
	seed := flag.Uint64("seed", 1, "random seed")
	outlets := flag.Int("outlets", 50, "number of synthetic outlets")
	scale := flag.String("scale", "", "repeat this JSON Lines corpus (.gz allowed) instead of generating text")
	var g genOptions
	flag.Float64Var(&g.zipf, "zipf", 0, "give each outlet one article, then draw outlets from a Zipf law with this exponent (> 1) instead of uniformly: a few large outlets and a long tail")
	flag.IntVar(&g.days, "days", 28, "spread publication dates over this many days from 2026-01-01")
	flag.BoolVar(&g.bad, "bad", false, "end with three records every real feed has: a broken line, an empty text, a date that does not parse")
	flag.StringVar(&g.names, "names", "numbers", "outlet names: numbers (Outlet 07) or words (The Harbor Evening Ledger 7, up to some 40 characters)")
	flag.Parse()
	g.outlets = *outlets
	if g.days < 1 || g.outlets < 1 || (g.zipf != 0 && g.zipf <= 1) || (g.names != "numbers" && g.names != "words") {
		fmt.Fprintln(os.Stderr, "gencorpus: -days and -outlets must be positive, -zipf 0 or above 1, -names numbers or words")
		os.Exit(2)
	}
	w := bufio.NewWriterSize(os.Stdout, 1<<20)
	var err error
	if *scale != "" {
		err = repeat(w, *scale, int64(*mb*1e6))
	} else {
		err = generate(w, int64(*mb*1e6), *seed, g)
	}
	if err == nil {
		err = w.Flush()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
}

type record struct {
	ID     string `json:"id"`
	Outlet string `json:"outlet"`
	Date   string `json:"date"`
	Title  string `json:"title"`
	URL    string `json:"url"`
	Text   string `json:"text"`
	Lang   string `json:"lang,omitempty"`
}

var (
	subjects = []string{"The delegation", "Officials in Caracas", "The interim government", "Washington",
		"The State Department", "Opposition leaders", "Oil executives", "Regional diplomats", "The White House",
		"Analysts", "A senior official", "Lawmakers", "The central bank", "Trade unions", "Observers"}
	verbs = []string{"welcomed", "questioned", "rejected", "discussed", "announced", "criticized", "praised",
		"reviewed", "postponed", "signed", "described", "pressed for", "warned about", "called for", "outlined"}
	objects = []string{"a new framework for cooperation", "the oil licences", "an election timetable",
		"the release of political prisoners", "sanctions relief", "talks on migration", "national sovereignty",
		"foreign interference", "crude exports", "a joint working group", "democratic guarantees",
		"the production targets", "trust-building measures", "the rule of law", "energy investment",
		"the dialogue", "a security agreement", "the transition", "economic ties", "the bilateral agenda"}
	tails = []string{"on Tuesday", "after weeks of preparation", "according to people familiar with the talks",
		"in a statement", "without giving details", "despite objections", "for the first time", "in Caracas",
		"at a press conference", "though not everyone agreed", "but offered no timeline", "late on Monday"}
	quotes = []string{"We are not giving up our sovereignty", "This is a constructive step", "There is no trust yet",
		"The election must be free and fair", "Oil revenue will fund the recovery", "We never asked for subordination"}
)

func sentence(r *rand.Rand) string {
	s := subjects[r.IntN(len(subjects))] + " " + verbs[r.IntN(len(verbs))] + " " +
		objects[r.IntN(len(objects))] + " " + tails[r.IntN(len(tails))] + "."
	if r.IntN(6) == 0 {
		who := subjects[r.IntN(len(subjects))]
		s += " \u201c" + quotes[r.IntN(len(quotes))] + ",\u201d " + strings.ToLower(who[:1]) + who[1:] + " said."
	}
	return s
}

// genOptions shape the synthetic corpus: how many outlets, how articles are
// spread over them and over the days, and how outlets are named.
type genOptions struct {
	outlets int
	zipf    float64
	days    int
	names   string
	bad     bool
}

// badRecords are what -bad appends: one reject for a broken line, one for an
// empty text, and an article whose date does not parse (a date warning).
const badRecords = `{"id": "broken-1", "outlet": "Outlet 01", "text": "cut off
{"id": "empty-1", "outlet": "Outlet 01", "date": "2026-01-02", "text": ""}
{"id": "undated-1", "outlet": "Outlet 01", "date": "early March", "title": "Talks", "text": "The delegation discussed the oil licences in Caracas."}
`

// outletName names outlet o: "Outlet 07", or a name of words, unique by its
// number, long enough to test labels in charts.
func outletName(o int, g genOptions) string {
	width := max(2, len(fmt.Sprint(g.outlets-1)))
	if g.names != "words" {
		return fmt.Sprintf("Outlet %0*d", width, o)
	}
	first := []string{"The", "Daily", "Evening", "Morning", "Weekly", "Independent"}
	place := []string{"Harbor", "Northern Valley", "Coastal", "Metropolitan", "Riverside", "Highland", "Capital", "Frontier"}
	kind := []string{"Ledger", "Chronicle", "Courier", "Gazette", "Dispatch", "Observer", "Herald and Review"}
	return fmt.Sprintf("%s %s %s %d", first[o%len(first)], place[(o/len(first))%len(place)], kind[(o/3)%len(kind)], o)
}

func generate(w io.Writer, limit int64, seed uint64, g genOptions) error {
	r := rand.New(rand.NewPCG(seed, 0x5eed))
	pick := func() int { return r.IntN(g.outlets) }
	if g.zipf > 1 {
		// Every outlet gets one article first, so that all of them appear
		// in a small corpus; the Zipf draws after that make the tail.
		z := rand.NewZipf(rand.New(rand.NewPCG(seed, 0x21bf)), g.zipf, 1, uint64(g.outlets-1))
		n := 0
		pick = func() int {
			n++
			if n <= g.outlets {
				return n - 1
			}
			return int(z.Uint64())
		}
	}
	var written int64
	for i := 0; written < limit; i++ {
		var b strings.Builder
		paras := 3 + r.IntN(6)
		for p := range paras {
			if p > 0 {
				b.WriteString("\n\n")
			}
			for s := range 2 + r.IntN(4) {
				if s > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(sentence(r))
			}
		}
		o := pick()
		rec := record{
			ID:     fmt.Sprintf("gen-%08d", i),
			Outlet: outletName(o, g),
			Date:   time.Date(2026, 1, 1+r.IntN(g.days), 0, 0, 0, 0, time.UTC).Format(time.DateOnly),
			Title:  strings.TrimSuffix(sentence(r), "."),
			URL:    fmt.Sprintf("https://outlet%02d.example.test/%d", o, i),
			Text:   b.String(),
			Lang:   "en",
		}
		cw := &countingWriter{w: w}
		enc := json.NewEncoder(cw)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(rec); err != nil {
			return err
		}
		written += cw.n
	}
	if g.bad {
		_, err := io.WriteString(w, badRecords)
		return err
	}
	return nil
}

// repeat copies a JSON Lines corpus again and again, giving every copy of a
// record a new id, until limit bytes are written.
func repeat(w io.Writer, path string, limit int64) error {
	var written int64
	for pass := 0; written < limit; pass++ {
		n, err := copyOnce(w, path, pass, limit-written)
		if err != nil {
			return err
		}
		if n == 0 {
			return fmt.Errorf("%s holds no records", path)
		}
		written += n
	}
	return nil
}

func copyOnce(w io.Writer, path string, pass int, limit int64) (int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		gz, err := gzip.NewReader(f)
		if err != nil {
			return 0, err
		}
		defer gz.Close()
		r = gz
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	var written int64
	for sc.Scan() && written < limit {
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			continue // the copy keeps only well-formed records
		}
		m["id"] = fmt.Sprintf("%v-r%d", m["id"], pass)
		b, err := json.Marshal(m)
		if err != nil {
			return written, err
		}
		b = append(b, '\n')
		if _, err := w.Write(b); err != nil {
			return written, err
		}
		written += int64(len(b))
	}
	return written, sc.Err()
}

type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}
