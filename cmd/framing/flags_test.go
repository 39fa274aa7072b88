package main

import (
	"errors"
	"io"
	"log/slog"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"framing/output"
	"framing/pipeline"
)

// parseRun parses `framing run` flags and, when yaml is not empty, a config
// file holding it, as cmdRun does, and returns what the pipeline would get.
func parseRun(t *testing.T, args []string, yaml string) (pipeline.Config, runConfig, error) {
	t.Helper()
	var c runConfig
	fs := runFlags(&c, io.Discard)
	args = append([]string{"--input", "in.jsonl", "--out", "out"}, args...)
	if yaml != "" {
		p := filepath.Join(t.TempDir(), "framing.yaml")
		writeFile(t, p, yaml)
		args = append(args, "--config", p)
	}
	if err := parseFlags(fs, args); err != nil {
		return pipeline.Config{}, c, err
	}
	if err := applyConfigFile(fs, c.config); err != nil {
		return pipeline.Config{}, c, err
	}
	cfg, err := c.pipelineConfig(nil, slog.New(slog.DiscardHandler))
	return cfg, c, err
}

// TestNumericFlags tries every numeric flag of `framing run` with a valid
// value, 0, a negative number, NaN, infinities and numbers too large, on the
// command line and in the config file. Valid values reach the pipeline
// unchanged; every other one is a usage error, the same in both places.
func TestNumericFlags(t *testing.T) {
	type got struct {
		cfg pipeline.Config
		c   runConfig
	}
	tests := []struct {
		flag   string
		valid  string
		check  func(got) bool // the valid value arrived
		zeroOK bool
		zero   func(got) bool // 0 arrived with its documented meaning
		huge   []string
	}{
		{"workers", "3", func(g got) bool { return g.cfg.Workers == 3 && g.cfg.Stats.Workers == 3 },
			true, func(g got) bool {
				return g.cfg.Workers == runtime.GOMAXPROCS(0) && g.cfg.Stats.Workers == runtime.GOMAXPROCS(0)
			},
			[]string{"4097", "1000000", "9223372036854775808"}},
		{"title-weight", "2.5", func(g got) bool { return g.cfg.Weights.Title == 2.5 },
			true, func(g got) bool { return g.cfg.Weights.Title == 0 }, []string{"1000.5", "1e308", "1e400"}},
		{"lead-weight", "0.25", func(g got) bool { return g.cfg.Weights.Lead == 0.25 },
			true, func(g got) bool { return g.cfg.Weights.Lead == 0 }, []string{"1001", "1e308"}},
		{"body-weight", "3", func(g got) bool { return g.cfg.Weights.Body == 3 },
			true, func(g got) bool { return g.cfg.Weights.Body == 0 }, []string{"1e4", "1.7976931348623157e308"}},
		{"max-reject-ratio", "0.2", func(g got) bool { return g.cfg.MaxRejectRatio == 0.2 },
			true, func(g got) bool { return g.cfg.MaxRejectRatio == 0 }, []string{"1.01", "2", "1e308"}},
		{"window", "30d", func(g got) bool { return g.cfg.WindowDays == 30 },
			false, nil, []string{"3661", "3661d", "99999999999999999999d"}},
		{"max-record-mb", "8", func(g got) bool { return g.cfg.MaxRecordBytes == 8<<20 },
			false, nil, []string{"4097", "17592186044417", "8796093022208"}},
		{"min-articles", "25", func(g got) bool { return g.cfg.Stats.MinArticles == 25 },
			false, nil, []string{"1073741825", "9223372036854775808"}},
		{"max-pair-outlets", "40", func(g got) bool { return g.cfg.Stats.MaxPairOutlets == 40 },
			false, nil, []string{"100001", "9223372036854775808"}},
		{"max-pair-dimensions", "50", func(g got) bool { return g.cfg.Stats.MaxPairDimensions == 50 },
			false, nil, []string{"1", "4001", "9223372036854775808"}},
		{"memory-limit", "512", func(g got) bool { return g.c.memLimit == 512 },
			true, func(g got) bool { return g.c.memLimit == 0 }, []string{"16777217", "8796093022208", "9223372036854775807"}},
	}
	for _, tt := range tests {
		bad := append([]string{"-1", "-0.5", "NaN", "nan", "Inf", "+Inf", "-Inf", "infinity", "", "x"}, tt.huge...)
		if !tt.zeroOK {
			bad = append(bad, "0")
		}
		for _, where := range []string{"flag", "config"} {
			try := func(v string) (got, error) {
				var cfg pipeline.Config
				var c runConfig
				var err error
				if where == "flag" {
					cfg, c, err = parseRun(t, []string{"--" + tt.flag + "=" + v}, "")
				} else {
					cfg, c, err = parseRun(t, nil, tt.flag+": \""+v+"\"\n")
				}
				return got{cfg, c}, err
			}
			t.Run(tt.flag+"/"+where, func(t *testing.T) {
				g, err := try(tt.valid)
				if err != nil || !tt.check(g) {
					t.Errorf("valid %s: error %v, or the value did not arrive", tt.valid, err)
				}
				if tt.zeroOK {
					g, err := try("0")
					if err != nil || !tt.zero(g) {
						t.Errorf("0: error %v, or it did not mean what the docs say", err)
					}
				}
				for _, v := range bad {
					_, err := try(v)
					var ue usageError
					if !errors.As(err, &ue) {
						t.Errorf("%q: error %v, want a usage error", v, err)
						continue
					}
					if !strings.Contains(err.Error(), tt.flag) {
						t.Errorf("%q: error %q does not name the flag", v, err)
					}
				}
			})
		}
	}
}

// TestYAMLSpecialFloats checks the config file's own spellings of NaN and
// infinity, which the YAML parser would turn into floats: as flags, they
// are not numbers either.
func TestYAMLSpecialFloats(t *testing.T) {
	for _, v := range []string{".nan", ".NaN", ".inf", "-.inf", "+.Inf"} {
		for _, key := range []string{"title-weight", "max-reject-ratio"} {
			_, _, err := parseRun(t, nil, key+": "+v+"\n")
			var ue usageError
			if !errors.As(err, &ue) || !strings.Contains(err.Error(), "framing.yaml:1:") {
				t.Errorf("%s: %s: error %v, want a usage error with the position", key, v, err)
			}
		}
	}
}

// TestBadNumbersExit2 runs the command: a NaN weight, an overflowing record
// bound, a NaN ratio in the config and a run date (or a window) reaching
// outside the years 1 to 9999 are usage errors (exit 2) that write nothing.
func TestBadNumbersExit2(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	cfg := filepath.Join(t.TempDir(), "c.yaml")
	writeFile(t, cfg, "max-reject-ratio: .nan\n")
	for _, args := range [][]string{
		{"--title-weight", "NaN"},
		{"--body-weight", "+Inf"},
		{"--max-reject-ratio", "NaN"},
		{"--max-record-mb", "17592186044417"},
		{"--config", cfg},
		{"--run-date", "0000-12-31"},
		{"--run-date", "10000-01-01"},
		{"--run-date", "0001-01-05", "--window", "30d"},
	} {
		code, _, errs := runCLI(t, append([]string{"run", "--input", examplesJSONL, "--out", out, "--run-date", "2026-01-20"}, args...)...)
		if code != exitUsage {
			t.Errorf("%v: exit %d, want %d; stderr %q", args, code, exitUsage, errs)
		}
		if files := listFilesIfAny(out); len(files) != 0 {
			t.Errorf("%v wrote %v", args, files)
		}
	}
}

// FuzzNumberFlags sets the numeric flags to any text: no panic, and a value
// that is accepted is a finite number inside the flag's range.
func FuzzNumberFlags(f *testing.F) {
	for _, s := range []string{"0", "1", "-1", "0.5", "NaN", "+Inf", "1e400", "0x10", "17592186044417", " 3 ", "1_000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var x float64
		ff := &numberFlag[float64]{p: &x, min: 0, max: 1, parse: parseFinite}
		if ff.Set(s) == nil && !(x >= 0 && x <= 1) {
			t.Errorf("float flag accepted %q as %v", s, x)
		}
		var n int64
		fi := &numberFlag[int64]{p: &n, min: 1, max: maxRecordMB, parse: parseWhole}
		if fi.Set(s) == nil && (n < 1 || n > maxRecordMB || n<<20 <= 0) {
			t.Errorf("int flag accepted %q as %d", s, n)
		}
		var d int64
		if (&daysFlag{p: &d}).Set(s) == nil && (d < 1 || d > maxWindowDays) {
			t.Errorf("days flag accepted %q as %d", s, d)
		}
	})
}

// FuzzDayFlags gives the date flags any text: an accepted day lies in the
// years every reader of a DATE column can hold and prints back as given.
func FuzzDayFlags(f *testing.F) {
	for _, s := range []string{"2026-01-20", "0000-01-01", "0001-01-01", "9999-12-31", "2026-02-30", "+2026-01-01", " 2026-01-20"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := parseDay("run-date", s)
		if err != nil {
			return
		}
		if y := d.Year(); y < output.MinYear || y > output.MaxYear || d.Format(time.DateOnly) != s {
			t.Errorf("parseDay(%q) = %v", s, d)
		}
	})
}
