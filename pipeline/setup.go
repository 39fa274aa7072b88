package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"time"

	"framing/features"
	"framing/lexicon"
	"framing/output"
)

// LoadLexicons loads and merges the lexicon files, or returns the embedded
// default when there are none. A dimension defined twice is an error.
func LoadLexicons(paths []string) (*lexicon.Lexicon, error) {
	if len(paths) == 0 {
		l, err := lexicon.Default()
		if err != nil {
			return nil, fmt.Errorf("loading the default lexicon: %w", err)
		}
		return l, nil
	}
	ls := make([]*lexicon.Lexicon, 0, len(paths))
	for _, p := range paths {
		l, err := lexicon.Load(p)
		if err != nil {
			return nil, fmt.Errorf("loading lexicon %s: %w", p, err)
		}
		ls = append(ls, l)
	}
	if len(ls) == 1 {
		return ls[0], nil
	}
	l, err := lexicon.Merge(ls...)
	if err != nil {
		return nil, fmt.Errorf("combining lexicons: %w", err)
	}
	return l, nil
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
	inputs, _ := json.Marshal(cfg.Inputs) // a []string always encodes
	row := output.RunRow{
		RunID:          j.runID,
		RunDate:        j.runDate,
		StartedAt:      started.UTC(),
		FinishedAt:     finished.UTC(),
		Version:        cfg.Version,
		LexiconName:    j.lex.Name,
		LexiconVersion: j.lex.Version,
		LexiconSHA256:  j.lex.SHA256(),
		Inputs:         string(inputs),
		RecordsRead:    sum.RecordsRead,
		Articles:       sum.Articles,
		Rejects:        sum.Rejects,
		Skipped:        sum.Skipped,
		DateWarnings:   sum.DateWarnings,
		Flags:          j.flagJSON,
		Seconds:        sum.Seconds,
	}
	if err := output.Runs.WriteAll(c, j.runDate, j.meta, []output.RunRow{row}); err != nil {
		return err
	}
	sum.Tables = append(sum.Tables, output.Runs.Name())
	sum.Files = append(sum.Files, output.Runs.Path(c.Out(), j.runDate))
	return nil
}
