package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// jsonLines parses every line of stderr as one JSON object and fails the
// test on a line that is not.
func jsonLines(t *testing.T, stderr string) []map[string]any {
	t.Helper()
	var recs []map[string]any
	for i, l := range strings.Split(strings.TrimRight(stderr, "\n"), "\n") {
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Errorf("stderr line %d is not JSON (%v): %q", i+1, err, l)
			continue
		}
		recs = append(recs, m)
	}
	if len(recs) == 0 {
		t.Errorf("no log lines")
	}
	return recs
}

// TestJSONLogs runs commands that ask for JSON logs, by flag or by the
// config file, with and without quiet, succeeding and failing, and parses
// every stderr line: each is a JSON object; a run's last line is its
// summary with the seconds of each phase; without quiet the phases are
// logged by name; a failure is one line with its exit code.
func TestJSONLogs(t *testing.T) {
	out := t.TempDir()
	cfg := filepath.Join(t.TempDir(), "framing.yaml")
	writeFile(t, cfg, "log-format: json\nquiet: true\n")
	tests := []struct {
		name   string
		args   []string
		code   int
		last   string   // the last line's msg starts so
		phases []string // phases logged, in order
	}{
		{"run", []string{"run", "--input", examplesJSONL, "--out", out, "--run-date", "2026-01-20", "--log-format", "json"},
			0, "done: 68 articles, 3 rejects", []string{"reading and scoring", "statistics", "commit"}},
		{"run, quiet from the config file", []string{"run", "--input", examplesJSONL, "--out", out, "--run-date", "2026-01-21", "--config", cfg},
			0, "done: 68 articles, 3 rejects", nil},
		{"stats", []string{"stats", "--out", out, "--from", "2026-01-20", "--to", "2026-01-21", "--log-format", "json"},
			0, "done: statistics for window 2026-01-20_2026-01-21", []string{"statistics", "commit"}},
		{"stats, quiet", []string{"stats", "--out", out, "--from", "2026-01-20", "--log-format=json", "--quiet"},
			0, "done: statistics for window 2026-01-20_2026-01-20", nil},
		{"too many rejects", []string{"run", "--input", examplesJSONL, "--out", out, "--run-date", "2026-01-22", "--config", cfg,
			"--max-reject-ratio", "0"}, exitRejects, "3 of 71 records rejected", nil},
		{"usage error", []string{"run", "--input", examplesJSONL, "--out", out, "--log-format", "json", "--workers", "-1"},
			exitUsage, "invalid value \"-1\" for flag -workers", nil},
		{"usage error after parsing", []string{"stats", "--out", out, "--log-format", "json"},
			exitUsage, "stats needs --out and --from", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runCLI(t, tt.args...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d:\n%s", code, tt.code, stderr)
			}
			recs := jsonLines(t, stderr)
			if len(recs) == 0 {
				return
			}
			last := recs[len(recs)-1]
			if msg, _ := last["msg"].(string); !strings.HasPrefix(msg, tt.last) {
				t.Errorf("last line %v, want a msg starting %q", last, tt.last)
			}
			if tt.code != 0 && last["exit_code"] != float64(tt.code) {
				t.Errorf("failure line %v lacks exit_code %d", last, tt.code)
			}
			if tt.code == 0 {
				for _, k := range []string{"stats_seconds", "commit_seconds"} {
					if _, ok := last[k].(float64); !ok {
						t.Errorf("summary %v lacks %s", last, k)
					}
				}
			}
			var phases []string
			for _, r := range recs {
				if p, ok := r["phase"].(string); ok {
					phases = append(phases, p)
					if _, ok := r["seconds"].(float64); !ok {
						t.Errorf("phase line %v lacks seconds", r)
					}
				}
			}
			if strings.Join(phases, ",") != strings.Join(tt.phases, ",") {
				t.Errorf("phases %v, want %v", phases, tt.phases)
			}
		})
	}
}
