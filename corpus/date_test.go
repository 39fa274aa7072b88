package corpus

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestParseDate(t *testing.T) {
	jan16 := time.Date(2026, time.January, 16, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		in   string
		want time.Time
		ok   bool
	}{
		{"0000-06-01", time.Time{}, false}, // year 0: unreadable as a DATE in pandas
		{"0000-06-01T00:00:00Z", time.Time{}, false},
		{"0001-01-01", time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), true},
		{"2026-01-16", jan16, true},
		{"  2026-01-16 ", jan16, true},
		{"2026-01-16T10:00:00Z", jan16, true},
		{"2026-01-16T10:00:00.123+02:00", jan16, true},
		// The publisher's date, not the UTC date (which is the 17th).
		{"2026-01-16T23:30:00-05:00", jan16, true},
		{"2026-01-16T00:30:00+09:00", jan16, true},
		{"1/16/2026", jan16, true},
		{"01/16/2026", jan16, true},
		{"January 16, 2026", jan16, true},
		{"january 16, 2026", jan16, true},
		{"Jan 16, 2026", jan16, true},
		{"16 January 2026", jan16, true},
		{"16 Jan 2026", jan16, true},
		{"16 de enero de 2026", jan16, true},
		{"16 de Enero de 2026", jan16, true},
		{"16 DE ENERO DEL 2026", jan16, true},
		{"1 de septiembre de 2025", time.Date(2025, 9, 1, 0, 0, 0, 0, time.UTC), true},
		{"1 de setiembre de 2025", time.Date(2025, 9, 1, 0, 0, 0, 0, time.UTC), true},
		{"29 de febrero de 2028", time.Date(2028, 2, 29, 0, 0, 0, 0, time.UTC), true},
		{"3 de MARZO de 2026", time.Date(2026, 3, 3, 0, 0, 0, 0, time.UTC), true},
		{"31 de diciembre de 2026", time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC), true},
		// Bad dates: not accepted.
		{"", time.Time{}, false},
		{"2026-02-30", time.Time{}, false},
		{"2/30/2026", time.Time{}, false},
		{"February 30, 2026", time.Time{}, false},
		{"30 de febrero de 2026", time.Time{}, false},
		{"29 de febrero de 2026", time.Time{}, false},
		{"0 de enero de 2026", time.Time{}, false},
		{"-1 de enero de 2026", time.Time{}, false},
		{"16 de enerro de 2026", time.Time{}, false},
		{"16 de enero de 26", time.Time{}, false},
		{"16/1/2026", time.Time{}, false},
		{"2026-13-01", time.Time{}, false},
		{"2026-1-16", time.Time{}, false},
		{"yesterday", time.Time{}, false},
		{"2026-01-16T25:00:00Z", time.Time{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := ParseDate(tt.in)
			if ok != tt.ok {
				t.Fatalf("ParseDate(%q) ok = %v, want %v", tt.in, ok, tt.ok)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ParseDate(%q) (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2026-01-16", "2026-01-16T23:30:00-05:00", "1/16/2026", "Jan 16, 2026",
		"16 de enero de 2026", "30 de febrero de 2026", "", "16 de Énero de 2026", "0000-06-01", "0000-01-01T00:00:00Z", "1/1/0000", "1 de enero de 0000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := ParseDate(s)
		if !ok {
			if !got.IsZero() {
				t.Errorf("ParseDate(%q) = %v, false; want zero time", s, got)
			}
			return
		}
		if got.Year() < 1 || got.Year() > 9999 {
			t.Errorf("ParseDate(%q) = %v, outside the years 1 to 9999", s, got)
		}
		if got.Location() != time.UTC || got.Hour() != 0 || got.Minute() != 0 || got.Second() != 0 || got.Nanosecond() != 0 {
			t.Errorf("ParseDate(%q) = %v, want UTC midnight", s, got)
		}
		// Formatting the result and parsing it again must give the same date.
		again, ok := ParseDate(got.Format("2006-01-02"))
		if !ok || !again.Equal(got) {
			t.Errorf("ParseDate(%q) = %v, does not round-trip (%v, %v)", s, got, again, ok)
		}
	})
}
