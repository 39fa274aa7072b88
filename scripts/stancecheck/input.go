package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sync"

	"framing/features"
	"framing/lexicon"
)

// matcher compiles the tone lists, intensifiers and negators of the lexicon
// at lexPath (the embedded default when "") with the actors of actorsPath in
// place of the lexicon's own: the validation is about the tone rules and
// lists, and the actor list is a fixed instrument written for it. When
// tonePath is not "", the positive and negative lists of that file (any
// format lexicon.Load reads, such as a VADER-style valence list) replace
// the lexicon's, and its intensifiers and negators stay.
func matcher(lexPath, tonePath, actorsPath string) (*lexicon.Matcher, error) {
	var lex *lexicon.Lexicon
	var err error
	if lexPath == "" {
		lex, err = lexicon.Default()
	} else {
		lex, err = lexicon.Load(lexPath)
	}
	if err != nil {
		return nil, fmt.Errorf("loading tone lexicon: %w", err)
	}
	if tonePath != "" {
		tl, err := lexicon.Load(tonePath)
		if err != nil {
			return nil, fmt.Errorf("loading tone lists: %w", err)
		}
		lex.Tone.Positive, lex.Tone.Negative = tl.Tone.Positive, tl.Tone.Negative
	}
	data, err := os.ReadFile(actorsPath)
	if err != nil {
		return nil, fmt.Errorf("reading actors: %w", err)
	}
	// A quanteda-layout file: every key is an actor, its list the aliases.
	al, diags, err := lexicon.ParseQuanteda(bytes.NewReader(data), actorsPath)
	if err != nil {
		return nil, fmt.Errorf("reading actors: %w", err)
	}
	if len(diags) > 0 { // a skipped alias would change the instrument unseen
		return nil, fmt.Errorf("reading actors: %s", diags[0])
	}
	lex.Actors = lex.Actors[:0]
	for _, d := range al.Dimensions {
		lex.Actors = append(lex.Actors, lexicon.ActorSet{Name: d.Name, Aliases: d.Terms, Pos: d.Pos})
	}
	m, err := lexicon.Compile(lex)
	if err != nil {
		return nil, fmt.Errorf("compiling lexicon: %w", err)
	}
	return m, nil
}

// article is one labeled record; lean is −1 (left), 0 (center) or +1 (right).
type article struct {
	ID, Outlet  string
	Title, Text string
	Lean        int
}

// scored is an article's stances without its text.
type scored struct {
	ID, Outlet string
	Lean       int
	Stance     []features.Stance
}

var leans = map[string]int{"left": -1, "center": 0, "right": 1}

// readCorpus streams the JSON Lines file at path (gzip when it starts with
// the gzip magic) to the returned channel; errors end the stream and are
// reported by the returned function.
func readCorpus(ctx context.Context, path string) (<-chan article, func() error) {
	ch := make(chan article, 64)
	var err error
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer close(ch)
		err = readLines(ctx, path, ch)
	}()
	return ch, func() error { <-done; return err }
}

func readLines(ctx context.Context, path string, ch chan<- article) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("reading corpus: %w", err)
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, 1<<20)
	var r io.Reader = br
	if magic, _ := br.Peek(2); bytes.Equal(magic, []byte{0x1f, 0x8b}) {
		gz, err := gzip.NewReader(br)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		r = gz
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	for line := 1; sc.Scan(); line++ {
		var rec struct{ ID, Outlet, Bias, Title, Text string }
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			return fmt.Errorf("%s:%d: %w", path, line, err)
		}
		lean, ok := leans[rec.Bias]
		if !ok {
			return fmt.Errorf("%s:%d: bias: %q is not left, center or right", path, line, rec.Bias)
		}
		select {
		case ch <- article{ID: rec.ID, Outlet: rec.Outlet, Title: rec.Title, Text: rec.Text, Lean: lean}:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// score extracts every article of the corpus with workers goroutines and
// returns the stances in file order.
func score(ctx context.Context, path string, m *lexicon.Matcher, workers int) ([]scored, error) {
	arts, wait := readCorpus(ctx, path)
	type job struct {
		i int
		a article
	}
	jobs := make(chan job, 64)
	var mu sync.Mutex
	var out []scored
	var wg sync.WaitGroup
	for range max(workers, 1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				sc := features.Extract(features.Input{Title: j.a.Title, Text: j.a.Text, Outlet: j.a.Outlet}, m, features.DefaultOptions())
				s := scored{ID: j.a.ID, Outlet: j.a.Outlet, Lean: j.a.Lean, Stance: sc.Stance}
				mu.Lock()
				for len(out) <= j.i {
					out = append(out, scored{})
				}
				out[j.i] = s
				mu.Unlock()
			}
		}()
	}
	i := 0
	for a := range arts {
		jobs <- job{i, a}
		i++
	}
	close(jobs)
	wg.Wait()
	if err := wait(); err != nil {
		return nil, err
	}
	return out, ctx.Err()
}
