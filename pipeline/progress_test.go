package pipeline

import (
	"context"
	"testing"
	"time"
)

// TestProgressThroughStatistics checks that a run reports its statistics
// and its commit, not only its scoring: the bar must not stand still once
// the input is read. The statistics steps grow to their total, and the ETA
// of the statistics comes from their steps.
func TestProgressThroughStatistics(t *testing.T) {
	cfg := testConfig(t.TempDir(), examplesJSONL)
	var clock time.Time
	cfg.Now = func() time.Time { clock = clock.Add(time.Second); return clock } // every report is due
	var phases []string
	var last Progress
	cfg.Progress = func(p Progress) {
		if len(phases) == 0 || phases[len(phases)-1] != p.Phase {
			phases = append(phases, p.Phase)
		}
		if p.Phase == PhaseStatistics && !p.Stats.Reading {
			if p.Stats.Done < last.Stats.Done || p.Stats.Total <= 0 {
				t.Errorf("statistics went from %+v to %+v", last.Stats, p.Stats)
			}
			if _, ok := p.ETA(); !ok {
				t.Errorf("no ETA at %+v", p.Stats)
			}
			last = p
		}
	}
	if _, err := Run(context.Background(), cfg); err != nil {
		t.Fatal(err)
	}
	if want := []string{PhaseScoring, PhaseStatistics, PhaseCommit}; len(phases) != 3 || phases[1] != want[1] || phases[2] != want[2] {
		t.Errorf("phases %v, want %v", phases, want)
	}
	if last.Stats.Done != last.Stats.Total || last.Stats.Total < 10 {
		t.Errorf("last statistics report %+v: want all steps done", last.Stats)
	}
}
