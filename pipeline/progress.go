package pipeline

import (
	"time"

	"framing/stats"
)

// The phases of a run, in order, as Progress names them.
const (
	PhaseScoring    = "reading and scoring"
	PhaseStatistics = "statistics"
	PhaseCommit     = "commit"
)

// Progress is a snapshot of a running job, for a progress bar.
type Progress struct {
	Phase string // PhaseScoring, PhaseStatistics or PhaseCommit
	// Stats is how far the statistics are, during PhaseStatistics;
	// StatsElapsed is the time spent in that phase so far.
	Stats        stats.Progress
	StatsElapsed time.Duration

	Records, Articles, Rejects, Skipped int64
	TextBytes                           int64
	Elapsed                             time.Duration
	// InputRead of InputTotal bytes of the input files have been read; the
	// total is known only when every input is a regular file (not stdin or a
	// directory). Compressed files count their compressed bytes.
	InputRead, InputTotal int64
	TotalKnown            bool
}

// ETA estimates the time left: while scoring, from the share of input bytes
// read so far; during the statistics, from the share of their steps done
// (of the current lexicon, when the window has several). ok is false when it
// cannot be estimated.
func (p Progress) ETA() (time.Duration, bool) {
	switch p.Phase {
	case PhaseStatistics:
		st := p.Stats
		if st.Reading || st.Done <= 0 || st.Total <= 0 || st.Lexicon < st.Lexicons {
			return 0, false
		}
		return time.Duration(float64(p.StatsElapsed) * float64(st.Total-st.Done) / float64(st.Done)), true
	case PhaseCommit:
		return 0, false
	}
	if !p.TotalKnown || p.InputRead <= 0 || p.InputTotal <= 0 {
		return 0, false
	}
	frac := float64(p.InputRead) / float64(p.InputTotal)
	if frac > 1 {
		frac = 1
	}
	return time.Duration(float64(p.Elapsed) * (1 - frac) / frac), true
}
