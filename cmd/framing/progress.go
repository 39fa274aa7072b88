package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"framing/pipeline"
)

// progressBar draws one status line on a terminal: articles, MB/s and an ETA
// when every input is a regular file (from the share of its bytes read).
// Under cron stderr is no terminal and nothing is drawn.
type progressBar struct {
	w       io.Writer
	enabled bool
	drawn   bool
}

func newProgressBar(w io.Writer, quiet bool) *progressBar {
	return &progressBar{w: w, enabled: !quiet && isTerminal(w)}
}

// isTerminal reports whether w is a character device (a tty).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

func (p *progressBar) update(pr pipeline.Progress) {
	if !p.enabled {
		return
	}
	if pr.Phase != pipeline.PhaseScoring {
		p.phase(pr)
		return
	}
	secs := pr.Elapsed.Seconds()
	rate := 0.0
	if secs > 0 {
		rate = float64(pr.TextBytes) / 1e6 / secs
	}
	eta := "ETA unknown"
	if d, ok := pr.ETA(); ok {
		eta = "ETA " + d.Truncate(time.Second).String()
	}
	fmt.Fprintf(p.w, "\r\033[K%d articles, %d rejects, %d skipped, %.1f MB/s, %s elapsed, %s",
		pr.Articles, pr.Rejects, pr.Skipped, rate, pr.Elapsed.Truncate(time.Second), eta)
	p.drawn = true
}

// phase draws the line of the statistics and the commit, which follow the
// scoring: how far the statistics are and how long they have taken.
func (p *progressBar) phase(pr pipeline.Progress) {
	line := pr.Phase
	if st := pr.Stats; pr.Phase == pipeline.PhaseStatistics {
		if st.Lexicons > 1 {
			line += fmt.Sprintf(" (lexicon %d of %d)", st.Lexicon, st.Lexicons)
		}
		if st.Reading {
			line += ": reading the window"
		} else {
			line += fmt.Sprintf(": %d of %d steps", st.Done, st.Total)
		}
		line += fmt.Sprintf(", %s", pr.StatsElapsed.Truncate(time.Second))
	}
	eta := "ETA unknown"
	if d, ok := pr.ETA(); ok {
		eta = "ETA " + d.Truncate(time.Second).String()
	}
	fmt.Fprintf(p.w, "\r\033[K%d articles, %d rejects, %s elapsed; %s, %s",
		pr.Articles, pr.Rejects, pr.Elapsed.Truncate(time.Second), line, eta)
	p.drawn = true
}

func (p *progressBar) done() {
	if p.drawn {
		fmt.Fprint(p.w, "\r\033[K")
	}
}
