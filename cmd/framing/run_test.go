package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"framing/output"
)

// runCLI runs the command in-process and returns its exit code and output.
func runCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	code, out, errs := runCLI(t, args...)
	if code != 0 {
		t.Fatalf("framing %s: exit %d\nstdout:\n%s\nstderr:\n%s", strings.Join(args, " "), code, out, errs)
	}
	return out
}

const examplesJSONL = "../../examples/venezuela.jsonl"

// jan20 is the run date most tests use, 2026-01-20.
var jan20 = output.DateOf(time.Date(2026, 1, 20, 0, 0, 0, 0, time.UTC))

// relPath is p relative to dir, with slashes, as listFiles names files.
func relPath(t *testing.T, dir, p string) string {
	t.Helper()
	rel, err := filepath.Rel(dir, p)
	if err != nil {
		t.Fatal(err)
	}
	return filepath.ToSlash(rel)
}

// listParquet returns every file below dir, relative to it, sorted.
func listFiles(t *testing.T, dir string) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil // .lock is framing's own, not output
		}
		if !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			files = append(files, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(files)
	return files
}

func TestRunExamplesLayoutAndCounts(t *testing.T) {
	out := t.TempDir()
	mustRun(t, "run", "--input", examplesJSONL, "--out", out, "--run-date", "2026-01-20", "--quiet")
	// Every registered table but matches, one partition each: run-date
	// tables for the night, statistics tables for its one-day window.
	var want []string
	for _, ti := range output.AllTables() {
		if ti.Name == output.Matches.Name() {
			continue
		}
		files, err := ti.Files(out)
		if err != nil || len(files) != 1 {
			t.Errorf("%s: files %v, %v", ti.Name, files, err)
			continue
		}
		rel, _ := filepath.Rel(out, files[0])
		want = append(want, filepath.ToSlash(rel))
	}
	sort.Strings(want)
	got := listFiles(t, out)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("files in OUT:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	runs, err := output.Runs.Read(out, jan20)
	if err != nil {
		t.Fatal(err)
	}
	if len(runs) != 1 {
		t.Fatalf("runs has %d rows, want 1", len(runs))
	}
	r := runs[0]
	arts, err := output.Articles.Read(out, jan20)
	if err != nil {
		t.Fatal(err)
	}
	rejs, err := output.Rejects.Read(out, jan20)
	if err != nil {
		t.Fatal(err)
	}
	if r.RecordsRead != r.Articles+r.Rejects {
		t.Errorf("records read %d != articles %d + rejects %d", r.RecordsRead, r.Articles, r.Rejects)
	}
	if int64(len(arts)) != r.Articles || int64(len(rejs)) != r.Rejects {
		t.Errorf("tables hold %d articles and %d rejects; runs says %d and %d", len(arts), len(rejs), r.Articles, r.Rejects)
	}
	if nonBlank := countLines(t, examplesJSONL); int64(nonBlank) != r.RecordsRead {
		t.Errorf("input has %d records, run read %d", nonBlank, r.RecordsRead)
	}
	if r.Articles < 60 || r.Rejects < 3 {
		t.Errorf("examples gave %d articles and %d rejects; want >= 60 and >= 3", r.Articles, r.Rejects)
	}
	reasons := map[string]bool{}
	for _, rj := range rejs {
		switch {
		case strings.Contains(rj.Reason, "duplicate id"):
			reasons["duplicate"] = true
		case strings.Contains(rj.Reason, "empty text"):
			reasons["empty"] = true
		case strings.HasPrefix(rj.Reason, "json"):
			reasons["json"] = true
		}
		if rj.Line == nil || !strings.HasPrefix(rj.Source, examplesJSONL+":") {
			t.Errorf("reject without a position: %+v", rj)
		}
	}
	for _, k := range []string{"duplicate", "empty", "json"} {
		if !reasons[k] {
			t.Errorf("no %s reject among %d rejects", k, len(rejs))
		}
	}
	frames, err := output.Frames.Read(out, jan20)
	if err != nil {
		t.Fatal(err)
	}
	if len(frames) != 4*len(arts) {
		t.Errorf("frames has %d rows for %d articles; want 4 per article", len(frames), len(arts))
	}
}

func countLines(t *testing.T, path string) int {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, l := range strings.Split(string(b), "\n") {
		if strings.TrimSpace(l) != "" {
			n++
		}
	}
	return n
}

// dataFiles reads every Parquet file of the data tables (all but runs, which
// holds wall-clock times) into a map from relative path to bytes.
func dataFiles(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	m := map[string][]byte{}
	for _, f := range listFiles(t, dir) {
		if strings.HasPrefix(f, "runs/") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		m[f] = b
	}
	return m
}

func TestRunDeterministicAcrossWorkersAndReruns(t *testing.T) {
	a, b, c := t.TempDir(), t.TempDir(), t.TempDir()
	args := []string{"run", "--input", examplesJSONL, "--run-date", "2026-01-20", "--quiet", "--matches"}
	mustRun(t, append(args, "--out", a, "--workers", "1")...)
	mustRun(t, append(args, "--out", b, "--workers", "4")...)
	mustRun(t, append(args, "--out", c, "--workers", "4")...)
	fa, fb, fc := dataFiles(t, a), dataFiles(t, b), dataFiles(t, c)
	if len(fa) < 6 {
		t.Fatalf("only %d data files", len(fa))
	}
	for name, want := range fa {
		if !bytes.Equal(want, fb[name]) {
			t.Errorf("%s differs between --workers 1 and --workers 4", name)
		}
		if !bytes.Equal(want, fc[name]) {
			t.Errorf("%s differs between two runs", name)
		}
	}
}

func TestRunReplacesPartitionAtomically(t *testing.T) {
	out := t.TempDir()
	mustRun(t, "run", "--input", examplesJSONL, "--out", out, "--run-date", "2026-01-20", "--quiet")
	mustRun(t, "run", "--input", examplesJSONL, "--out", out, "--run-date", "2026-01-21", "--quiet")
	before := dataFiles(t, out)

	// A second run on 2026-01-20 over a smaller corpus replaces that partition only.
	small := filepath.Join(t.TempDir(), "small.jsonl")
	lines := strings.SplitN(readFile(t, examplesJSONL), "\n", 6)
	writeFile(t, small, strings.Join(lines[:5], "\n")+"\n")
	mustRun(t, "run", "--input", small, "--out", out, "--run-date", "2026-01-20", "--quiet")
	after := dataFiles(t, out)
	for name, b := range before {
		changed := !bytes.Equal(b, after[name])
		if strings.Contains(name, output.Articles.PartitionName(jan20+1)) && changed {
			t.Errorf("%s changed although its run date was not rerun", name)
		}
		if strings.HasPrefix(name, relPath(t, out, output.Articles.Path(out, jan20))) && !changed {
			t.Errorf("%s was not replaced", name)
		}
	}
	arts, err := output.Articles.Read(out, jan20)
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) > 5 {
		t.Errorf("replaced partition holds %d articles, want at most 5", len(arts))
	}

	// A failing run (unreadable lexicon) leaves everything as it was and no staging behind.
	code, _, errs := runCLI(t, "run", "--input", examplesJSONL, "--out", out, "--run-date", "2026-01-20",
		"--lexicon", filepath.Join(t.TempDir(), "missing.yaml"))
	if code != exitFailure || !strings.Contains(errs, "missing.yaml") {
		t.Errorf("run with a missing lexicon: exit %d, stderr %q", code, errs)
	}
	final := dataFiles(t, out)
	for name, b := range after {
		if !bytes.Equal(b, final[name]) {
			t.Errorf("%s changed after a failed run", name)
		}
	}
	entries, _ := os.ReadDir(out)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") && e.Name() != ".lock" {
			t.Errorf("left behind in OUT: %s", e.Name())
		}
	}
}

func TestRunDirectoryAndCSVInputs(t *testing.T) {
	out := t.TempDir()
	mustRun(t, "run", "--input", "../../examples/venezuela-dir", "--input", "../../examples/venezuela.csv",
		"--out", out, "--run-date", "2026-01-20", "--quiet")
	runs, err := output.Runs.Read(out, jan20)
	if err != nil {
		t.Fatal(err)
	}
	r := runs[0]
	if r.RecordsRead != r.Articles+r.Rejects || r.Articles < 60 {
		t.Errorf("records %d, articles %d, rejects %d", r.RecordsRead, r.Articles, r.Rejects)
	}
	arts, err := output.Articles.Read(out, jan20)
	if err != nil {
		t.Fatal(err)
	}
	footer := false
	for _, a := range arts {
		if a.OutletSource == "footer" {
			footer = true
		}
	}
	if !footer {
		t.Errorf("no article took its outlet from a footer line")
	}
}

func TestUsageErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no command", nil, exitUsage, "no command"},
		{"unknown command", []string{"frobnicate"}, exitUsage, "unknown command"},
		{"run without input", []string{"run", "--out", "x"}, exitUsage, "--input"},
		{"run without out", []string{"run", "--input", "x"}, exitUsage, "--out"},
		{"bad run date", []string{"run", "--input", "x", "--out", "y", "--run-date", "yesterday"}, exitUsage, "--run-date"},
		{"unknown flag", []string{"run", "--nope"}, exitUsage, "nope"},
		{"missing input file", []string{"run", "--input", "/nonexistent/x.jsonl", "--out", "OUTDIR"}, exitFailure, "/nonexistent/x.jsonl"},
		{"manifest without a directory input", []string{"run", "--input", "../../examples/venezuela.jsonl", "--manifest",
			"../../examples/venezuela-dir/manifest.csv", "--out", "OUTDIR"}, exitUsage, "--manifest ../../examples/venezuela-dir/manifest.csv: no --input is a directory"},
		{"version", []string{"version"}, exitOK, ""},
		{"help", []string{"help"}, exitOK, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := make([]string, len(tt.args))
			for i, a := range tt.args {
				args[i] = strings.ReplaceAll(a, "OUTDIR", t.TempDir())
			}
			code, _, errs := runCLI(t, args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d; stderr %q", code, tt.code, errs)
			}
			if !strings.Contains(errs, tt.want) {
				t.Errorf("stderr %q does not mention %q", errs, tt.want)
			}
		})
	}
}

func readFile(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func writeFile(t *testing.T, p, s string) {
	t.Helper()
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestOutputLogicalTypes reads every table of a run back with arrow-go's
// Parquet reader and checks each column's logical type and repetition
// against the row type that defines the table.
func TestOutputLogicalTypes(t *testing.T) {
	out := t.TempDir()
	mustRun(t, "run", "--input", examplesJSONL, "--out", out, "--run-date", "2026-01-20", "--quiet", "--matches")
	for _, ti := range output.AllTables() {
		files, err := ti.Files(out)
		if err != nil || len(files) != 1 {
			t.Fatalf("%s: files %v, %v", ti.Name, files, err)
		}
		got, err := output.FileColumns(files[0])
		if err != nil {
			t.Fatal(err)
		}
		if len(ti.Columns) == 0 {
			t.Fatalf("%s: row type has no columns", ti.Name)
		}
		if diff := cmp.Diff(ti.Columns, got); diff != "" {
			t.Errorf("%s columns (-want +got):\n%s", files[0], diff)
		}
	}
	// Spot checks of the promises that matter most to readers.
	cols, _ := output.FileColumns(output.Articles.Path(out, jan20))
	byName := map[string]output.Column{}
	for _, c := range cols {
		byName[c.Name] = c
	}
	for name, want := range map[string]output.Column{
		"run_date":  {Name: "run_date", Type: "DATE"},
		"published": {Name: "published", Type: "DATE", Nullable: true},
		"n_tokens":  {Name: "n_tokens", Type: "INT64"},
		"coverage":  {Name: "coverage", Type: "DOUBLE"},
		"title":     {Name: "title", Type: "STRING"},
	} {
		if byName[name] != want {
			t.Errorf("articles.%s = %+v, want %+v", name, byName[name], want)
		}
	}
	runCols, _ := output.FileColumns(output.Runs.Path(out, jan20))
	if runCols[2] != (output.Column{Name: "started_at", Type: "TIMESTAMP(MICROS,UTC)"}) {
		t.Errorf("runs.started_at = %+v", runCols[2])
	}
}

// TestDeterministicWorkersAndSplitInput runs the examples with 1, 2 and 8
// workers and split into three files. Every data table is byte-identical
// across worker counts. Split input changes only what names the input: the
// `source` column of articles and rejects; every other table, statistics
// included, is byte-identical.
func TestDeterministicWorkersAndSplitInput(t *testing.T) {
	args := []string{"run", "--run-date", "2026-01-20", "--quiet"}
	var outs []map[string][]byte
	var dirs []string
	for _, w := range []string{"1", "2", "8"} {
		out := t.TempDir()
		mustRun(t, append(args, "--input", examplesJSONL, "--out", out, "--workers", w)...)
		outs = append(outs, dataFiles(t, out))
		dirs = append(dirs, out)
	}
	for i := 1; i < len(outs); i++ {
		for name, b := range outs[0] {
			if !bytes.Equal(b, outs[i][name]) {
				t.Errorf("%s differs between worker counts", name)
			}
		}
	}

	lines := strings.SplitAfter(readFile(t, examplesJSONL), "\n")
	dir := t.TempDir()
	var inputs []string
	for i, part := range [][]string{lines[:20], lines[20:50], lines[50:]} {
		p := filepath.Join(dir, fmt.Sprintf("part%d.jsonl", i))
		writeFile(t, p, strings.Join(part, ""))
		inputs = append(inputs, "--input", p)
	}
	out := t.TempDir()
	mustRun(t, append(append(args, inputs...), "--out", out)...)
	split := dataFiles(t, out)
	if len(split) != len(outs[0]) {
		t.Fatalf("split input wrote %d files, one file %d", len(split), len(outs[0]))
	}
	for name, b := range outs[0] {
		sameBytes := bytes.Equal(b, split[name])
		namesInput := strings.HasPrefix(name, "articles/") || strings.HasPrefix(name, "rejects/")
		if !namesInput && !sameBytes {
			t.Errorf("%s differs when the input is split into files", name)
		}
	}
	a1, _ := output.Articles.Read(dirs[0], jan20)
	a2, _ := output.Articles.Read(out, jan20)
	if len(a1) != len(a2) || len(a1) == 0 {
		t.Fatalf("articles: %d against %d", len(a1), len(a2))
	}
	for i := range a1 {
		a1[i].Source, a2[i].Source = "", ""
	}
	if diff := cmp.Diff(a1, a2); diff != "" {
		t.Errorf("articles differ beyond their source (-one file +split):\n%s", diff)
	}
}

// TestDuplicateIDs pins which record of a repeated id is rejected now that
// JSON Lines are decoded on the workers and duplicates are found by the
// ordered writer: always the later one, even when the first was rejected by
// scoring; a record rejected while decoding claims no id; duplicates are
// found across inputs. The same for every worker count.
func TestDuplicateIDs(t *testing.T) {
	dir := t.TempDir()
	one, two := filepath.Join(dir, "one.jsonl"), filepath.Join(dir, "two.jsonl")
	writeFile(t, one, strings.Join([]string{
		`{"id":"a","text":"Oil exports rose as the ministry signed new supply contracts."}`,
		`{"id":"a","text":"A different story about the same id and the central bank."}`,
		`{"id":"b","text":"—— !!! ???"}`,
		`{"id":"b","text":"Border crossings reopened on Monday after talks between the governments."}`,
		`{"id":"c","text":"bad \u0000 byte"}`,
		`{"id":"c","text":"Election observers arrived in the capital on Sunday morning."}`,
		`{"title":"Same","text":"Identical text without an id about humanitarian aid."}`,
	}, "\n")+"\n")
	writeFile(t, two, strings.Join([]string{
		`{"title":"Same","text":"Identical text without an id about humanitarian aid."}`,
		`{"id":"a","text":"The id of the first article again, in the second input."}`,
	}, "\r\n"))
	want := []string{
		one + ":2 a: id: duplicate id, first seen at " + one + ":1",
		one + ":3 b: text: no words left after cleaning",
		one + ":4 b: id: duplicate id, first seen at " + one + ":3",
		one + ":5 c: text: NUL byte in text",
		two + ":1 h-(generated): id: duplicate id, first seen at " + one + ":7",
		two + ":2 a: id: duplicate id, first seen at " + one + ":1",
	}
	for _, w := range []string{"1", "2", "8"} {
		t.Run("workers "+w, func(t *testing.T) {
			out := t.TempDir()
			mustRun(t, "run", "--input", one, "--input", two, "--out", out, "--run-date", "2026-01-20", "--quiet", "--workers", w,
				"--max-reject-ratio", "1") // 6 of 9 records are rejects, the point of this test
			rejs, err := output.Rejects.Read(out, jan20)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, r := range rejs {
				id := ""
				if r.ArticleID != nil {
					id = *r.ArticleID
				}
				if strings.HasPrefix(id, "h-") {
					id = "h-(generated)"
				}
				got = append(got, r.Source+" "+id+": "+r.Reason)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("rejects (-want +got):\n%s", diff)
			}
		})
	}
}
