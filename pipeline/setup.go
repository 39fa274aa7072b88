package pipeline

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"time"

	"framing/features"
	"framing/lexicon"
	"framing/output"
)

// LoadLexicons loads and merges the lexicon files, or returns the embedded
// default when there are none. A dimension defined twice is an error.
func LoadLexicons(paths []string) (*lexicon.Lexicon, error) {
	l, _, err := loadLexicons(paths)
	return l, err
}

// loadLexicons is LoadLexicons that also returns the warnings and notes of
// every file's import and those of the merged lexicon (lexicon.Warnings:
// no negators), which a run logs and records in its runs row.
func loadLexicons(paths []string) (*lexicon.Lexicon, []lexicon.Diagnostic, error) {
	if len(paths) == 0 {
		l, err := lexicon.Default()
		if err != nil {
			return nil, nil, fmt.Errorf("loading the default lexicon: %w", err)
		}
		return l, l.Warnings(), nil
	}
	ls := make([]*lexicon.Lexicon, 0, len(paths))
	var diags []lexicon.Diagnostic
	for _, p := range paths {
		l, ds, err := lexicon.LoadFile(p)
		if err != nil {
			return nil, nil, fmt.Errorf("loading lexicon %s: %w", p, err)
		}
		ls = append(ls, l)
		diags = append(diags, ds...)
	}
	l := ls[0]
	if len(ls) > 1 {
		var err error
		if l, err = lexicon.Merge(ls...); err != nil {
			return nil, nil, fmt.Errorf("combining lexicons: %w", err)
		}
	}
	return l, append(l.Warnings(), diags...), nil
}

// lexiconJob is what a run derives from its lexicon files.
type lexiconJob struct {
	lex      *lexicon.Lexicon
	matcher  *lexicon.Matcher
	sha256   string
	warnings []lexicon.Diagnostic // warnings and notes, for the log and the runs row
}

// prepareLexicon loads, hashes and compiles the lexicon. A dictionary of a
// million categories takes many seconds, so the work runs on its own
// goroutine and a stop request (ctx) returns at once; the abandoned work
// ends with the process, which is about to exit.
func prepareLexicon(ctx context.Context, paths []string) (lexiconJob, error) {
	type result struct {
		lj  lexiconJob
		err error
	}
	if err := ctx.Err(); err != nil {
		return lexiconJob{}, fmt.Errorf("loading lexicon: %w", err)
	}
	done := make(chan result, 1)
	go func() {
		lex, warnings, err := loadLexicons(paths)
		if err != nil {
			done <- result{err: err}
			return
		}
		m, err := lexicon.Compile(lex)
		if err != nil {
			done <- result{err: fmt.Errorf("compiling lexicon %s: %w", lex.Name, err)}
			return
		}
		done <- result{lj: lexiconJob{lex: lex, matcher: m, sha256: lex.SHA256(), warnings: warnings}}
	}()
	select {
	case r := <-done:
		return r.lj, r.err
	case <-ctx.Done():
		return lexiconJob{}, fmt.Errorf("loading lexicon: %w", ctx.Err())
	}
}

// maxWarningSample is how many lexicon warnings the log and the runs row
// show; the rest are counted.
const maxWarningSample = 5

// warningSample returns the first lexicon warnings, one a line, or nil.
func warningSample(ds []lexicon.Diagnostic) *string {
	if len(ds) == 0 {
		return nil
	}
	lines := make([]string, 0, maxWarningSample)
	for _, d := range ds[:min(len(ds), maxWarningSample)] {
		lines = append(lines, d.String())
	}
	s := strings.Join(lines, "\n")
	return &s
}

// logLexiconWarnings logs the first lexicon warnings and how many there
// are in all, so that what an import dropped is seen in every run's log
// (`framing lexicon validate` lists them all).
func logLexiconWarnings(log *slog.Logger, ds []lexicon.Diagnostic) {
	if len(ds) == 0 {
		return
	}
	for _, d := range ds[:min(len(ds), maxWarningSample)] {
		log.Warn("lexicon", "diagnostic", d.String())
	}
	log.Warn(fmt.Sprintf("lexicon: %d warning(s) and note(s); `framing lexicon validate FILE` lists them all", len(ds)))
}

// featureOptions builds the scorer's options and returns the sha256 of the
// user's boilerplate file ("" when there is none), which names the run.
func featureOptions(cfg Config) (features.Options, string, error) {
	opt := features.DefaultOptions()
	opt.TitleWeight, opt.LeadWeight, opt.BodyWeight = cfg.Weights.Title, cfg.Weights.Lead, cfg.Weights.Body
	opt.KeepMatches = cfg.Matches
	if cfg.Boilerplate == "" {
		return opt, "", nil
	}
	f, err := os.Open(cfg.Boilerplate)
	if err != nil {
		return opt, "", fmt.Errorf("reading boilerplate patterns: %w", err)
	}
	defer f.Close()
	h := sha256.New()
	pats, err := features.CompileBoilerplate(io.TeeReader(f, h), cfg.Boilerplate)
	if err != nil {
		return opt, "", fmt.Errorf("reading boilerplate patterns: %w", err)
	}
	opt.Boilerplate = pats
	return opt, hex.EncodeToString(h.Sum(nil)), nil
}

// writeRunRow writes the one-row runs table, the run manifest. It is the only
// table that holds wall-clock times.
func writeRunRow(c *output.Commit, j *job, cfg Config, sum *Summary, started, finished time.Time) error {
	row := runRow(j, cfg, *sum, started, finished)
	if err := output.Runs.WriteAll(c, j.runDate, j.meta, []output.RunRow{row}); err != nil {
		return err
	}
	sum.Tables = append(sum.Tables, output.Runs.Name())
	sum.Files = append(sum.Files, output.Runs.Path(c.Out(), j.runDate))
	return nil
}

// runRow is the manifest row of a run with the counts in sum.
func runRow(j *job, cfg Config, sum Summary, started, finished time.Time) output.RunRow {
	inputs, _ := json.Marshal(cfg.Inputs) // a []string always encodes
	return output.RunRow{
		RunID:          j.runID,
		RunDate:        j.runDate,
		StartedAt:      started.UTC(),
		FinishedAt:     finished.UTC(),
		Version:        cfg.Version,
		LexiconName:    j.lex.Name,
		LexiconVersion: j.lex.Version,
		LexiconSHA256:  j.lexSHA256,
		Inputs:         string(inputs),
		RecordsRead:    sum.RecordsRead,
		Articles:       sum.Articles,
		Rejects:        sum.Rejects,
		Skipped:        sum.Skipped,
		DateWarnings:   sum.DateWarnings,
		Flags:          j.flagJSON,
		Seconds:        sum.Seconds,

		LexiconWarnings:      int64(len(j.lexWarnings)),
		LexiconWarningSample: warningSample(j.lexWarnings),
		ScoringSeconds:       sum.ScoringSeconds,
		StatsSeconds:         sum.StatsSeconds,
	}
}
