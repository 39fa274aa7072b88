// Command gencorpus writes a deterministic JSON Lines corpus of any size, for
// benchmarks and memory tests.
//
//	go run ./scripts/gencorpus -mb 100 > big.jsonl             synthetic articles
//	go run ./scripts/gencorpus -scale dev.jsonl.gz -mb 225 > x  repeat a real corpus with fresh ids
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
)

func main() {
	mb := flag.Float64("mb", 10, "stop after about this many megabytes")
	seed := flag.Uint64("seed", 1, "random seed")
	outlets := flag.Int("outlets", 50, "number of synthetic outlets")
	scale := flag.String("scale", "", "repeat this JSON Lines corpus (.gz allowed) instead of generating text")
	flag.Parse()
	w := bufio.NewWriterSize(os.Stdout, 1<<20)
	var err error
	if *scale != "" {
		err = repeat(w, *scale, int64(*mb*1e6))
	} else {
		err = generate(w, int64(*mb*1e6), *seed, *outlets)
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

func generate(w io.Writer, limit int64, seed uint64, outlets int) error {
	r := rand.New(rand.NewPCG(seed, 0x5eed))
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
		o := r.IntN(outlets)
		rec := record{
			ID:     fmt.Sprintf("gen-%08d", i),
			Outlet: fmt.Sprintf("Outlet %02d", o),
			Date:   fmt.Sprintf("2026-01-%02d", 1+r.IntN(28)),
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
