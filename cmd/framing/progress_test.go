package main

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"framing/pipeline"
	"framing/stats"
)

func TestProgressBar(t *testing.T) {
	var buf bytes.Buffer
	if newProgressBar(&buf, false).enabled {
		t.Errorf("a bytes.Buffer is not a terminal; the bar must stay off under cron")
	}
	bar := &progressBar{w: &buf, enabled: true}
	bar.update(pipeline.Progress{Phase: pipeline.PhaseScoring, Articles: 500, TextBytes: 20e6, Elapsed: 4 * time.Second,
		InputRead: 25e6, InputTotal: 100e6, TotalKnown: true})
	got := buf.String()
	for _, want := range []string{"500 articles", "5.0 MB/s", "4s elapsed", "ETA 12s"} {
		if !strings.Contains(got, want) {
			t.Errorf("progress line %q lacks %q", got, want)
		}
	}
	buf.Reset()
	bar.update(pipeline.Progress{Phase: pipeline.PhaseScoring, Articles: 1, Elapsed: time.Second})
	if !strings.Contains(buf.String(), "ETA unknown") {
		t.Errorf("without a known input size: %q", buf.String())
	}
	// The statistics move the bar on with their steps.
	buf.Reset()
	bar.update(pipeline.Progress{Phase: pipeline.PhaseStatistics, Articles: 500, Elapsed: 20 * time.Second,
		StatsElapsed: 6 * time.Second, Stats: stats.Progress{Lexicon: 1, Lexicons: 1, Done: 30, Total: 120}})
	for _, want := range []string{"statistics: 30 of 120 steps, 6s", "ETA 18s", "20s elapsed"} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("statistics line %q lacks %q", buf.String(), want)
		}
	}
	bar.done()
	if !strings.HasSuffix(buf.String(), "\r\033[K") {
		t.Errorf("done does not clear the line")
	}
	quiet := &progressBar{w: &buf}
	buf.Reset()
	quiet.update(pipeline.Progress{Articles: 1})
	quiet.done()
	if buf.Len() != 0 {
		t.Errorf("a disabled bar wrote %q", buf.String())
	}
}
