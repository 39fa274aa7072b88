package pipeline

import (
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"math"
	"runtime"
	"time"

	"framing/corpus"
	"framing/features"
	"framing/output"
	"framing/stats"
)

// Config is everything one run needs. cmd/framing fills it once, from
// DefaultConfig and its flags; the pipeline reads no flags, environment or
// files of its own, and no zero value of a setting stands for a default.
type Config struct {
	Inputs      []string  // corpus paths; "-" is JSON Lines on standard input
	Stdin       io.Reader // what "-" reads (os.Stdin when nil)
	Manifest    string    // manifest.csv for directory inputs (optional)
	OutDir      string    // root of the partitioned output
	RunDate     time.Time // the partition date (UTC midnight)
	Workers     int       // scoring goroutines, at least 1
	Lexicons    []string  // lexicon files; empty means the embedded default
	Boilerplate string    // extra boilerplate patterns file (optional)
	Weights     Weights   // position weights, finite and not negative
	Matches     bool      // also write the per-hit audit table `matches`
	Version     string    // the program version, recorded in every file
	// MaxRecordBytes bounds one input record (line, CSV row or file), at
	// least 1; a longer one is a reject.
	MaxRecordBytes int
	// SkipSeen skips articles whose content_sha256 is already in an earlier
	// run_date partition of the articles table: nightly feeds re-deliver.
	SkipSeen bool
	// MaxRejectRatio, in [0, 1], stops the run before commit when
	// rejects/records exceeds it: 0 allows no reject, 1 never stops.
	MaxRejectRatio float64
	// WindowDays, at least 1, is the number of days of stored partitions,
	// ending with RunDate, that the statistics tables cover; 1 is the run's
	// own date only.
	WindowDays int
	// Stats are the settings of the window statistics.
	Stats stats.Options
	// Progress, when set, is called from time to time with the counts so far.
	Progress func(Progress)
	Log      *slog.Logger // nil discards
	// Now returns the wall-clock time (time.Now when nil); only the runs
	// table records it, so that data tables stay byte-identical across reruns.
	Now func() time.Time
	// FS is the filesystem the commit and its recovery go through
	// (output.OSFS when nil); tests fail it at chosen steps.
	FS output.FS
}

// Documented defaults of the settings that have one.
const (
	// DefaultMaxRecordBytes is the longest input record read by default.
	DefaultMaxRecordBytes = corpus.DefaultMaxRecordBytes
	// DefaultMaxRejectRatio fails a night in which more than half of the
	// records are rejects: a feed whose format changed, or a scorer that
	// fails on every article, must not replace a night's data with little
	// or nothing.
	DefaultMaxRejectRatio = 0.5
)

// DefaultConfig returns a Config with every setting at its documented
// default; the caller fills in inputs, output and run date.
func DefaultConfig() Config {
	return Config{
		Workers:        runtime.GOMAXPROCS(0),
		Weights:        DefaultWeights(),
		MaxRecordBytes: DefaultMaxRecordBytes,
		MaxRejectRatio: DefaultMaxRejectRatio,
		WindowDays:     1,
		Stats:          stats.DefaultOptions(),
	}
}

// Weights are the position weights of frame hits.
type Weights struct {
	Title, Lead, Body float64
}

// DefaultWeights are the documented defaults: title 2.0, lead 1.5, body 1.0.
func DefaultWeights() Weights {
	o := features.DefaultOptions()
	return Weights{Title: o.TitleWeight, Lead: o.LeadWeight, Body: o.BodyWeight}
}

// check reports a setting that breaks the contract above. cmd/framing
// validates what the user gives, with the flags' names and ranges; this
// guards the library against a caller that skipped DefaultConfig.
func (c *Config) check() error {
	switch {
	case len(c.Inputs) == 0:
		return fmt.Errorf("no input given")
	case c.OutDir == "":
		return fmt.Errorf("no output directory given")
	case c.Workers < 1:
		return fmt.Errorf("workers %d: want at least 1", c.Workers)
	case c.MaxRecordBytes < 1:
		return fmt.Errorf("max record bytes %d: want at least 1", c.MaxRecordBytes)
	case !(c.MaxRejectRatio >= 0 && c.MaxRejectRatio <= 1): // also NaN
		return fmt.Errorf("max reject ratio %g: want 0 to 1", c.MaxRejectRatio)
	case c.WindowDays < 1:
		return fmt.Errorf("window of %d days: want at least 1", c.WindowDays)
	case !output.DateOf(c.RunDate).InRange() || !(output.DateOf(c.RunDate) - output.Date(c.WindowDays-1)).InRange():
		return fmt.Errorf("run date %s with a window of %d days: every day must lie in the years %d to %d",
			c.RunDate.Format(time.DateOnly), c.WindowDays, output.MinYear, output.MaxYear)
	}
	for _, w := range []float64{c.Weights.Title, c.Weights.Lead, c.Weights.Body} {
		if !(w >= 0) || math.IsInf(w, 0) {
			return fmt.Errorf("position weight %g: want a finite number, not negative", w)
		}
	}
	return c.Stats.Validate()
}

// withDefaults fills the settings whose nil value has no meaning.
func (c Config) withDefaults() Config {
	if c.Log == nil {
		c.Log = slog.New(slog.DiscardHandler)
	}
	if c.Now == nil {
		c.Now = time.Now
	}
	if c.FS == nil {
		c.FS = output.OSFS{}
	}
	return c
}

// runFlags are the settings that shape the output, as the runs table
// records them in `flags`. The worker count is recorded too although it
// never changes the data. Fields are in the byte order of their JSON keys,
// as encoding/json sorts a map's (the form of earlier runs), and every
// field type encodes without error.
type runFlags struct {
	BodyWeight        jsonFloat `json:"body_weight"`
	Boilerplate       string    `json:"boilerplate"`
	Inputs            []string  `json:"inputs"`
	LeadWeight        jsonFloat `json:"lead_weight"`
	Lexicons          []string  `json:"lexicons"`
	Manifest          string    `json:"manifest"`
	Matches           bool      `json:"matches"`
	MaxPairDimensions int       `json:"max_pair_dimensions"`
	MaxPairOutlets    int       `json:"max_pair_outlets"`
	MaxRecordBytes    int       `json:"max_record_bytes"`
	MaxRejectRatio    jsonFloat `json:"max_reject_ratio"`
	MinArticles       int       `json:"min_articles"`
	RunDate           string    `json:"run_date"`
	SkipSeen          bool      `json:"skip_seen"`
	TitleWeight       jsonFloat `json:"title_weight"`
	WindowDays        int       `json:"window_days"`
	Workers           int       `json:"workers"`
}

// jsonFloat is a number in JSON, or a string such as "NaN" for a value JSON
// cannot hold, so that encoding never fails and the audit record is never
// lost.
type jsonFloat float64

// MarshalJSON implements json.Marshaler.
func (f jsonFloat) MarshalJSON() ([]byte, error) {
	x := float64(f)
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return []byte(`"` + fmt.Sprint(x) + `"`), nil
	}
	return json.Marshal(x)
}

// flagsJSON records the settings that shape the output, for the runs table.
func (c *Config) flagsJSON() string {
	b, err := json.Marshal(runFlags{
		Inputs:            c.Inputs,
		Manifest:          c.Manifest,
		RunDate:           c.RunDate.Format(time.DateOnly),
		Workers:           c.Workers,
		Lexicons:          c.Lexicons,
		Boilerplate:       c.Boilerplate,
		TitleWeight:       jsonFloat(c.Weights.Title),
		LeadWeight:        jsonFloat(c.Weights.Lead),
		BodyWeight:        jsonFloat(c.Weights.Body),
		Matches:           c.Matches,
		SkipSeen:          c.SkipSeen,
		MaxRejectRatio:    jsonFloat(c.MaxRejectRatio),
		WindowDays:        c.WindowDays,
		MaxRecordBytes:    c.MaxRecordBytes,
		MinArticles:       c.Stats.MinArticles,
		MaxPairOutlets:    c.Stats.MaxPairOutlets,
		MaxPairDimensions: c.Stats.MaxPairDimensions,
	})
	if err != nil {
		// Strings, ints, bools and jsonFloat always encode.
		panic(fmt.Sprintf("encoding run flags: %v", err))
	}
	return string(b)
}
