package pipeline

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"runtime"
	"time"

	"framing/corpus"
	"framing/features"
)

// Config is everything one run needs. cmd/framing fills it from flags; the
// pipeline reads no flags, environment or files of its own.
type Config struct {
	Inputs      []string  // corpus paths; "-" is JSON Lines on standard input
	Stdin       io.Reader // what "-" reads
	Manifest    string    // manifest.csv for directory inputs (optional)
	OutDir      string    // root of the partitioned output
	RunDate     time.Time // the partition date (UTC midnight)
	Workers     int       // scoring goroutines; <= 0 means GOMAXPROCS
	Lexicons    []string  // lexicon files; empty means the embedded default
	Boilerplate string    // extra boilerplate patterns file (optional)
	Weights     Weights   // position weights
	Matches     bool      // also write the per-hit audit table `matches`
	Version     string    // the program version, recorded in every file
	// MaxRecordBytes bounds one input record (line, CSV row or file); a
	// longer one is a reject. 0 means corpus.DefaultMaxRecordBytes.
	MaxRecordBytes int
	// SkipSeen skips articles whose content_sha256 is already in an earlier
	// run_date partition of the articles table: nightly feeds re-deliver.
	SkipSeen bool
	// MaxRejectRatio stops the run before commit when rejects/records exceeds
	// it; 1 (the default when zero) never stops.
	MaxRejectRatio float64
	// Window is the number of days of stored partitions, ending with RunDate,
	// that the statistics tables cover; 1 (the default when zero) is the run's
	// own date only.
	WindowDays int
	// Progress, when set, is called from time to time with the counts so far.
	Progress func(Progress)
	Log      *slog.Logger
	// Now returns the wall-clock time; only the runs table records it, so
	// that data tables stay byte-identical across reruns.
	Now func() time.Time
}

// DefaultMaxRecordBytes is the longest input record read when
// Config.MaxRecordBytes is 0.
const DefaultMaxRecordBytes = corpus.DefaultMaxRecordBytes

// Weights are the position weights of frame hits.
type Weights struct {
	Title, Lead, Body float64
}

// DefaultWeights are the documented defaults: title 2.0, lead 1.5, body 1.0.
func DefaultWeights() Weights {
	o := features.DefaultOptions()
	return Weights{Title: o.TitleWeight, Lead: o.LeadWeight, Body: o.BodyWeight}
}

func (c *Config) defaults() {
	if c.Workers <= 0 {
		c.Workers = runtime.GOMAXPROCS(0)
	}
	if c.Log == nil {
		c.Log = slog.New(slog.DiscardHandler)
	}
	if c.Now == nil {
		c.Now = time.Now
	}
	if c.MaxRejectRatio <= 0 {
		c.MaxRejectRatio = 1
	}
	if c.WindowDays <= 0 {
		c.WindowDays = 1
	}
	if c.Weights == (Weights{}) {
		c.Weights = DefaultWeights()
	}
}

// flagsJSON records the settings that shape the output, for the runs table.
// The worker count is recorded too although it never changes the data.
func (c *Config) flagsJSON() string {
	m := map[string]any{
		"inputs":           c.Inputs,
		"manifest":         c.Manifest,
		"run_date":         c.RunDate.Format(time.DateOnly),
		"workers":          c.Workers,
		"lexicons":         c.Lexicons,
		"boilerplate":      c.Boilerplate,
		"title_weight":     c.Weights.Title,
		"lead_weight":      c.Weights.Lead,
		"body_weight":      c.Weights.Body,
		"matches":          c.Matches,
		"skip_seen":        c.SkipSeen,
		"max_reject_ratio": c.MaxRejectRatio,
		"window_days":      c.WindowDays,
		"max_record_bytes": cmp.Or(c.MaxRecordBytes, DefaultMaxRecordBytes),
	}
	b, err := json.Marshal(m) // map keys are sorted by encoding/json
	if err != nil {
		return fmt.Sprintf("%q", err.Error())
	}
	return string(b)
}

// Progress is a snapshot of a running job, for a progress bar.
type Progress struct {
	Records, Articles, Rejects, Skipped int64
	TextBytes                           int64
	Elapsed                             time.Duration
	// InputRead of InputTotal bytes of the input files have been read; the
	// total is known only when every input is a regular file (not stdin or a
	// directory). Compressed files count their compressed bytes.
	InputRead, InputTotal int64
	TotalKnown            bool
}

// ETA estimates the time left from the share of input bytes read so far;
// ok is false when it cannot be estimated.
func (p Progress) ETA() (time.Duration, bool) {
	if !p.TotalKnown || p.InputRead <= 0 || p.InputTotal <= 0 {
		return 0, false
	}
	frac := float64(p.InputRead) / float64(p.InputTotal)
	if frac > 1 {
		frac = 1
	}
	return time.Duration(float64(p.Elapsed) * (1 - frac) / frac), true
}
