package pipeline

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
	"unicode/utf8"

	"framing/corpus"
	"framing/features"
	"framing/lexicon"
	"framing/output"
)

// KWICConfig says where a concordance comes from and which lines it keeps.
type KWICConfig struct {
	// OutDir is an output directory whose runs had --matches: the lines
	// come from its matches table. Used when Inputs is empty.
	OutDir string
	// Inputs are corpora to score now instead, with Lexicons and
	// Boilerplate as a run would, for output without a matches table.
	Inputs      []string
	Manifest    string
	Lexicons    []string
	Boilerplate string

	Entry     string // glob (path.Match) over the lexicon entry or the matched words, case-insensitive; "" keeps all
	Dimension string // "" keeps all
	Outlet    string // "" keeps all
	N         int    // at most N lines; 0 keeps all
}

// KWICLine is one frame hit in its context.
type KWICLine struct {
	ArticleID, Outlet, Dimension, Entry string
	From, To                            int // 1-based token positions in the article, as quanteda counts them
	Left, Match, Right                  string
}

// KWIC collects the frame hits that cfg selects, in input order, and how
// many matched before N cut the list.
func KWIC(ctx context.Context, cfg KWICConfig) (lines []KWICLine, total int, err error) {
	keep := func(l KWICLine) bool {
		if (cfg.Dimension != "" && l.Dimension != cfg.Dimension) || (cfg.Outlet != "" && l.Outlet != cfg.Outlet) {
			return false
		}
		if cfg.Entry == "" {
			return true
		}
		pat := strings.ToLower(cfg.Entry)
		ok1, _ := path.Match(pat, strings.ToLower(l.Entry))
		ok2, _ := path.Match(pat, strings.ToLower(l.Match))
		return ok1 || ok2
	}
	add := func(l KWICLine) error {
		if !keep(l) {
			return nil
		}
		total++
		if cfg.N <= 0 || len(lines) < cfg.N {
			lines = append(lines, l)
		}
		return ctx.Err()
	}
	if cfg.Entry != "" {
		if _, err := path.Match(strings.ToLower(cfg.Entry), ""); err != nil {
			return nil, 0, fmt.Errorf("entry pattern %q: %w", cfg.Entry, err)
		}
	}
	if len(cfg.Inputs) > 0 {
		err = kwicInputs(cfg, add)
	} else {
		err = kwicStored(cfg.OutDir, add)
	}
	return lines, total, err
}

// kwicStored reads the matches table of outDir, with each article's outlet
// from the articles table of the same run date.
func kwicStored(outDir string, add func(KWICLine) error) error {
	days, err := output.Matches.Partitions(outDir)
	if err != nil {
		return err
	}
	if len(days) == 0 {
		return fmt.Errorf("%s has no matches table: run framing with --matches, or give --input to read the corpus", outDir)
	}
	for _, day := range days {
		outlets := map[string]string{}
		err := output.Articles.Scan(outDir, day, func(a output.ArticleRow) error {
			outlets[a.ArticleID] = a.Outlet
			return nil
		})
		if err != nil {
			return fmt.Errorf("reading the outlets of the matches of %s: %w", day, err)
		}
		err = output.Matches.Scan(outDir, day, func(m output.MatchRow) error {
			return add(KWICLine{ArticleID: m.ArticleID, Outlet: outlets[m.ArticleID], Dimension: m.Dimension,
				Entry: m.Entry, From: int(m.TokenStart) + 1, To: int(m.TokenEnd), Left: m.Left, Match: m.Matched, Right: m.Right})
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// kwicInputs scores every article of the inputs with KeepMatches, as a run
// with --matches would, and hands out its hits. Records that a run would
// reject are skipped.
func kwicInputs(cfg KWICConfig, add func(KWICLine) error) error {
	opt, _, err := featureOptions(Config{Boilerplate: cfg.Boilerplate})
	if err != nil {
		return err
	}
	opt.KeepMatches = true
	lex, err := LoadLexicons(cfg.Lexicons)
	if err != nil {
		return err
	}
	m, err := lexicon.Compile(lex)
	if err != nil {
		return fmt.Errorf("compiling lexicon %s: %w", lex.Name, err)
	}
	return eachArticle(cfg.Inputs, cfg.Manifest, func(a corpus.Article) error {
		sc := features.Extract(features.Input{Title: a.Title, Text: a.Text, Outlet: a.Outlet}, m, opt)
		for _, h := range sc.Matches {
			err := add(KWICLine{ArticleID: a.ID, Outlet: sc.Outlet, Dimension: h.Dimension, Entry: h.Entry,
				From: h.TokenStart + 1, To: h.TokenEnd, Left: h.Left, Match: h.Matched, Right: h.Right})
			if err != nil {
				return err
			}
		}
		return nil
	})
}

// eachArticle calls fn for every article of the inputs, in order, skipping
// what a run would reject before scoring: bad records and repeated ids.
// fn's error stops the walk.
func eachArticle(inputs []string, manifest string, fn func(corpus.Article) error) error {
	dedup := corpus.NewDedup()
	fn0 := fn
	fn = func(a corpus.Article) error {
		if dedup.Check(a) != nil {
			return nil
		}
		return fn0(a)
	}
	for _, p := range inputs {
		r, err := corpus.Open(p, corpus.Options{Manifest: manifest})
		if err != nil {
			return fmt.Errorf("opening input %s: %w", p, err)
		}
		err = eachRecord(r, fn)
		if cerr := r.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("closing input %s: %w", p, cerr)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func eachRecord(r corpus.Reader, fn func(corpus.Article) error) error {
	for {
		a, err := r.Next()
		var rec *corpus.RecordError
		switch {
		case errors.Is(err, io.EOF):
			return nil
		case errors.As(err, &rec):
			continue
		case err != nil:
			return err
		}
		if err := fn(a); err != nil {
			return err
		}
	}
}

// WriteKWIC prints lines as quanteda's print() of a kwic object does: a
// count, then one line a hit with the label [article, from] (from:to for a
// hit of several tokens) right-aligned, the left context right-aligned, the
// match centred between bars, and the right context. Widths count runes.
func WriteKWIC(w io.Writer, lines []KWICLine, total int) error {
	head := fmt.Sprintf("Keyword-in-context with %d %s.", total, plural(total, "match", "matches"))
	if len(lines) < total {
		head = fmt.Sprintf("Keyword-in-context with %d %s, the first %d shown.", total, plural(total, "match", "matches"), len(lines))
	}
	if _, err := fmt.Fprintln(w, head); err != nil {
		return err
	}
	labels := make([]string, len(lines))
	var wl, wp, wk int
	for i, l := range lines {
		pos := fmt.Sprint(l.From)
		if l.To > l.From {
			pos += fmt.Sprintf(":%d", l.To)
		}
		labels[i] = "[" + l.ArticleID + ", " + pos + "]"
		wl = max(wl, width(labels[i]))
		wp = max(wp, width(l.Left))
		wk = max(wk, width(l.Match))
	}
	for i, l := range lines {
		k := wk - width(l.Match)
		s := fmt.Sprintf(" %s %s | %s | %s", pad(labels[i], wl), pad(l.Left, wp),
			strings.Repeat(" ", k/2)+l.Match+strings.Repeat(" ", k-k/2), l.Right)
		if _, err := fmt.Fprintln(w, strings.TrimRight(s, " ")); err != nil {
			return err
		}
	}
	return nil
}

func width(s string) int { return utf8.RuneCountInString(s) }

// pad right-aligns s in n runes.
func pad(s string, n int) string { return strings.Repeat(" ", max(0, n-width(s))) + s }

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
