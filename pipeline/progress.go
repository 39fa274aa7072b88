package pipeline

import "time"

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
