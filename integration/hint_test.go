package integration

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestDuckDBHintWithQuotesInPath runs framing into an output directory
// whose path holds a single quote, a double quote and a dollar sign, lets sh
// parse the DuckDB command the run prints, as a paste would, and runs its
// SQL in DuckDB: it must read the frames just written.
func TestDuckDBHintWithQuotesInPath(t *testing.T) {
	out := filepath.Join(t.TempDir(), `it's a "test" $HOME`)
	code, msg := framing(t, "run", "--input", "examples/venezuela.jsonl", "--out", out, "--run-date", "2026-01-20", "--quiet")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, msg)
	}
	var word string
	for _, line := range strings.Split(msg, "\n") {
		if w, ok := strings.CutPrefix(strings.TrimSpace(line), "duckdb -c "); ok {
			word = w
		}
	}
	if word == "" {
		t.Fatalf("no duckdb command in:\n%s", msg)
	}
	sql, err := exec.Command("sh", "-c", "printf '%s' "+word).Output()
	if err != nil {
		t.Fatalf("sh: %v", err)
	}
	rows, err := openDB(t).Query(string(sql))
	if err != nil {
		t.Fatalf("DuckDB rejects the printed SQL: %v\n%s", err, sql)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		n++
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if n < 6*4 { // 6 outlets × 4 dimensions
		t.Errorf("the printed query gave %d rows", n)
	}
}
