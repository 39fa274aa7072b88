package pipeline

import (
	"context"
	"time"

	"framing/corpus"
	"framing/output"
)

// Scorer is the per-record half of a run for engines that schedule records
// themselves (framing-beam on Apache Beam): the same lexicon, options, run id,
// scoring and conversion to rows as Run, without Run's reader, worker pool,
// duplicate detection or commit. It is immutable once made and safe for
// concurrent use.
type Scorer struct {
	j   *job
	cfg Config
}

// NewScorer prepares what a run derives from cfg before reading input: it
// loads and compiles the lexicons and the boilerplate file, and names the
// run. cfg starts from DefaultConfig; Inputs and OutDir may be empty, and
// SkipSeen, Progress and the statistics settings are not used.
func NewScorer(cfg Config) (*Scorer, error) {
	if len(cfg.Inputs) == 0 {
		cfg.Inputs = []string{"-"}
	}
	if cfg.OutDir == "" {
		cfg.OutDir = "."
	}
	cfg = cfg.withDefaults()
	j, err := prepare(context.Background(), cfg)
	if err != nil {
		return nil, err
	}
	return &Scorer{j: j, cfg: cfg}, nil
}

// RunID is the run's id, a function of version, run date, lexicon and
// scoring options only.
func (s *Scorer) RunID() string { return s.j.runID }

// Meta is the key-value metadata a run writes into every file's footer.
func (s *Scorer) Meta() map[string]string {
	m := make(map[string]string, len(s.j.meta))
	for k, v := range s.j.meta {
		m[k] = v
	}
	return m
}

// Rows are the rows one input record adds to the article-level tables:
// either Reject, or Article with its frames, terms, stance and (with
// Config.Matches) matches.
type Rows struct {
	Article *output.ArticleRow
	Frames  []output.FrameRow
	Terms   []output.TermRow
	Stance  []output.StanceRow
	Matches []output.MatchRow
	Reject  *output.RejectRow
	// InternalError says that Reject comes from a panic in the scorer.
	InternalError bool
	// TextBytes is the article's text length, for the MB/s figure;
	// DateWarning says its date could not be parsed.
	TextBytes   int64
	DateWarning bool
}

// Score scores one decoded article exactly as Run does, once Run has found
// its id to be the first occurrence: an article left without words, or one
// that makes the scorer panic, comes back as a reject.
func (s *Scorer) Score(a corpus.Article) Rows {
	it := item{art: a, read: true}
	process(&it, s.j, s.cfg)
	if it.rej != nil {
		r := s.Reject(it.rej)
		r.InternalError = it.internal
		return r
	}
	rows := it.rows // made by process, as on Run's workers
	return Rows{Article: &rows.article, Frames: rows.frames, Terms: rows.terms, Stance: rows.stance,
		Matches: rows.matches, TextBytes: int64(len(a.Text)), DateWarning: a.DateWarning}
}

// Reject is the rejects row of a record error, as Run writes it.
func (s *Scorer) Reject(e *corpus.RecordError) Rows {
	row := rejectRow(e, s.j.runDate)
	return Rows{Reject: &row}
}

// RunRow is the manifest row of a run whose counts are in sum.
func (s *Scorer) RunRow(sum Summary, started, finished time.Time) output.RunRow {
	return runRow(s.j, s.cfg, sum, started, finished)
}
