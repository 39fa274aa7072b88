package output

import (
	"fmt"
	"testing"
	"time"

	"framing/output/faultfs"
)

// windowFS times the span from the first partition move to the end of the
// last: how long a reader of OUT can see partitions of both states.
type windowFS struct {
	faultfs.FS
	first, last time.Time
}

func (w *windowFS) mark(f func() error) error {
	if w.first.IsZero() {
		w.first = time.Now()
	}
	err := f()
	w.last = time.Now()
	return err
}

func (w *windowFS) Exchange(a, b string) error {
	return w.mark(func() error { return w.FS.Exchange(a, b) })
}

func (w *windowFS) Rename(a, b string) error {
	if !w.Armed {
		return w.FS.Rename(a, b)
	}
	return w.mark(func() error { return w.FS.Rename(a, b) })
}

// BenchmarkCommitWindow commits 17 partitions (a run's article tables, runs
// and the ten statistics tables) over an OUT that holds them already, on
// the default temporary directory (a disk, not tmpfs), and reports the
// window from the first move to the last as window-µs/op. The journal's
// renames are outside it: armed is set only for the moves.
func BenchmarkCommitWindow(b *testing.B) {
	for _, noExchange := range []bool{false, true} {
		b.Run(fmt.Sprintf("noExchange=%t", noExchange), func(b *testing.B) {
			var total time.Duration
			for i := 0; i < b.N; i++ {
				out := b.TempDir()
				for night := 0; night < 2; night++ {
					w := &windowFS{FS: faultfs.FS{Base: OSFS{}, NoExchange: noExchange}}
					c, err := NewCommitFS(w, out)
					if err != nil {
						b.Fatal(err)
					}
					for p := 0; p < 17; p++ {
						f, err := c.create(fmt.Sprintf("table%02d", p), "run_date", "2026-01-20")
						if err != nil {
							b.Fatal(err)
						}
						f.Write([]byte("x"))
						f.Close()
					}
					t := tree{w, c.out, c.staging}
					j, err := t.prepare(c.sortedRels())
					if err != nil {
						b.Fatal(err)
					}
					w.Armed = true
					if err := t.apply(j); err != nil {
						b.Fatal(err)
					}
					w.Armed = false
					if night == 1 {
						total += w.last.Sub(w.first)
					}
					if err := t.finish(journalPrepared); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(total.Microseconds())/float64(b.N), "window-µs/op")
		})
	}
}
