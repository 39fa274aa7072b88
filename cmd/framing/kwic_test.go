package main

import (
	"strings"
	"testing"
)

func TestKWICCommand(t *testing.T) {
	out := t.TempDir()
	mustRun(t, "run", "--input", examplesJSONL, "--out", out, "--run-date", "2026-01-20", "--quiet", "--matches")
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string
	}{
		{"stored", []string{"kwic", "--out", out, "--entry", "sovereign*", "--n", "2"}, 0,
			"Keyword-in-context with 5 matches, the first 2 shown.\n  [agn-0002, 80] accept conditions that affect its | sovereignty | , but he noted that working\n" +
				" [agn-0004, 151] accept conditions that affect its | sovereignty | , but he noted that working\n"},
		{"input", []string{"kwic", "--input", examplesJSONL, "--entry", "SOVEREIGN*", "--n", "1", "--outlet", "Andes Global News"}, 0,
			"Keyword-in-context with 5 matches, the first 1 shown.\n [agn-0002, 80] accept conditions that affect its | sovereignty | , but he noted that working\n"},
		{"neither", []string{"kwic", "--entry", "x"}, exitUsage, ""},
		{"both", []string{"kwic", "--out", out, "--input", examplesJSONL}, exitUsage, ""},
		{"negative n", []string{"kwic", "--out", out, "--n", "-1"}, exitUsage, ""},
		{"no matches table", []string{"kwic", "--out", t.TempDir()}, exitFailure, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runCLI(t, tt.args...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d; stderr %s", code, tt.code, stderr)
			}
			if tt.code == 0 && stdout != tt.stdout {
				t.Errorf("stdout\n%s\nwant\n%s", stdout, tt.stdout)
			}
			if tt.code != 0 && !strings.HasPrefix(stderr, "framing: ") {
				t.Errorf("stderr %q", stderr)
			}
		})
	}
}
