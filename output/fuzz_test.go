package output

import "testing"

// FuzzParseWindow checks the window parser on any text: no panic, and a
// window it accepts is well formed and prints back to what it read.
func FuzzParseWindow(f *testing.F) {
	for _, s := range []string{"2026-01-20_2026-01-20", "2025-12-31_2026-01-30", "2026-01-21_2026-01-20", "_", "x_y", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		w, err := ParseWindow(s)
		if err != nil {
			return
		}
		if w.To < w.From {
			t.Errorf("ParseWindow(%q) = %v: ends before it starts", s, w)
		}
		if again, err := ParseWindow(w.String()); err != nil || again != w {
			t.Errorf("ParseWindow(%q) = %v, which reads back as %v, %v", s, w, again, err)
		}
	})
}

// FuzzParseDate checks the partition date parser: an accepted day lies in
// the years every reader of a DATE column holds and prints back as read.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2026-01-20", "0000-01-01", "0001-01-01", "9999-12-31", "2026-02-30"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			return
		}
		if !d.InRange() || d.String() != s {
			t.Errorf("ParseDate(%q) = %v", s, d)
		}
	})
}
