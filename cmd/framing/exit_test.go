package main

import (
	"bytes"
	"errors"
	"fmt"
	"log/slog"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"framing/output"
	"framing/pipeline"
)

// TestRunExitCodes maps each way a run ends to its documented exit code.
func TestRunExitCodes(t *testing.T) {
	ok := pipeline.Summary{RunID: "r", OutDir: "out", Articles: 5, RecordsRead: 6, Rejects: 1}
	internal := ok
	internal.InternalErrors = 1
	tests := []struct {
		name string
		sum  pipeline.Summary
		err  error
		code int
	}{
		{"ok", ok, nil, exitOK},
		{"internal errors among the rejects", internal, nil, exitInternal},
		{"too many rejects", ok, &pipeline.RejectRatioError{Rejects: 5, Records: 6, Max: 0.5}, exitRejects},
		{"no articles", ok, &pipeline.NoArticlesError{}, exitRejects},
		{"locked", ok, fmt.Errorf("x: %w", &pipeline.LockedError{Path: "out/.lock"}), exitLocked},
		{"other", ok, errors.New("disk full"), exitFailure},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := guard(&stderr, func() int {
				return exitCode(finishRun(slog.New(slog.DiscardHandler), &stdout, tt.sum, tt.err), &stderr)
			})
			if code != tt.code {
				t.Errorf("exit %d, want %d; stderr %q", code, tt.code, stderr.String())
			}
			if wrote := strings.Contains(stdout.String(), "duckdb"); wrote != (tt.err == nil) {
				t.Errorf("stdout %q: the where-to-look lines belong to committed runs only", stdout.String())
			}
		})
	}
}

// TestPanicIsExit1 checks that a panic on the command's goroutine is an
// internal error with exit 1 and the stack, never the runtime's exit 2.
func TestPanicIsExit1(t *testing.T) {
	var stderr bytes.Buffer
	code := guard(&stderr, func() int { panic("something broke") })
	if code != exitFailure {
		t.Errorf("exit %d, want %d", code, exitFailure)
	}
	for _, want := range []string{"framing: internal error", "something broke", "goroutine", "TestPanicIsExit1"} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr.String())
		}
	}
}

// TestDuckDBCommandQuoting builds the DuckDB hint for output paths with
// quotes and shell metacharacters, lets sh parse it as a user's paste
// would, and reads the SQL string literal back: it must be the glob.
func TestDuckDBCommandQuoting(t *testing.T) {
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Skip("no sh")
	}
	for _, dir := range []string{"/srv/out", "/srv/it's", `/srv/a "b" c`, "/srv/$HOME/`x`", `/srv/back\slash`, "/srv/''"} {
		glob := output.Frames.Glob(dir)
		line := duckdbCommand(glob)
		word, ok := strings.CutPrefix(line, "duckdb -c ")
		if !ok {
			t.Fatalf("%q", line)
		}
		sql, err := exec.Command(sh, "-c", "printf '%s' "+word).Output()
		if err != nil {
			t.Fatalf("%s: sh: %v", dir, err)
		}
		lit, err := firstSQLString(string(sql))
		if err != nil {
			t.Fatalf("%s: %v in %s", dir, err, sql)
		}
		if lit != glob {
			t.Errorf("%s: the SQL reads %q, want %q", dir, lit, glob)
		}
	}
	if got, want := sqlString("it's"), "'it''s'"; got != want {
		t.Errorf("sqlString = %s, want %s", got, want)
	}
}

// firstSQLString reads the first SQL string literal in s by the SQL rule: a
// quote opens it, two quotes are one, a single quote ends it.
func firstSQLString(s string) (string, error) {
	i := strings.IndexByte(s, '\'')
	if i < 0 {
		return "", errors.New("no string literal")
	}
	var b strings.Builder
	for j := i + 1; j < len(s); j++ {
		if s[j] != '\'' {
			b.WriteByte(s[j])
			continue
		}
		if j+1 < len(s) && s[j+1] == '\'' {
			b.WriteByte('\'')
			j++
			continue
		}
		return b.String(), nil
	}
	return "", errors.New("unterminated string literal")
}

// TestPrintWhereUsesTheRegistry checks the file list and the hint of a
// committed run against the registry's paths.
func TestPrintWhereUsesTheRegistry(t *testing.T) {
	out := filepath.Join(t.TempDir(), "it's")
	stdout := mustRun(t, "run", "--input", examplesJSONL, "--out", out, "--run-date", "2026-01-20", "--quiet")
	for _, want := range []string{output.Articles.Path(out, jan20), output.Runs.Path(out, jan20), sqlString(output.Frames.Glob(out))} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %s:\n%s", want, stdout)
		}
	}
}
