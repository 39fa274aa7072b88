package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/txtar"

	"framing/output"
)

var update = flag.Bool("update", false, "rewrite the expected sections of testdata/golden/*.txtar")

// Each testdata/golden/*.txtar case runs framing commands, one a line of its
// "commands" section, in one output directory ($OUT). Other sections not
// named after a step are input files, written to $DIR first. Step N's exit
// code, stdout and stderr are the sections N.exit, N.stdout and N.stderr;
// tables.txt is a text dump of every table in $OUT afterwards (output.Dump:
// metadata, schema, rows). Wall-clock values are masked: the runs table's
// times and seconds, log times and throughput. Refresh with
//
//	go test ./cmd/framing -run Golden -update
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/golden/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden cases: %v", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			got := runGoldenCase(t, ar)
			if *update {
				setGoldenSections(ar, got)
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			for _, f := range ar.Files {
				want, ok := got[f.Name]
				if !ok {
					continue // an input
				}
				if diff := cmp.Diff(string(f.Data), want); diff != "" {
					t.Errorf("%s mismatch (-want +got):\n%s", f.Name, diff)
				}
				delete(got, f.Name)
			}
			for name := range got {
				t.Errorf("section %s is missing; run with -update", name)
			}
		})
	}
}

// goldenOutput reports whether a section name is an expected output.
var goldenOutput = regexp.MustCompile(`^(\d+\.(exit|stdout|stderr)|tables\.txt)$`)

// runGoldenCase runs the commands of one case and returns every expected
// section it produced.
func runGoldenCase(t *testing.T, ar *txtar.Archive) map[string]string {
	t.Helper()
	dir, out := t.TempDir(), filepath.Join(t.TempDir(), "out")
	var commands string
	for _, f := range ar.Files {
		switch {
		case f.Name == "commands":
			commands = string(f.Data)
		case !goldenOutput.MatchString(f.Name):
			writeFile(t, filepath.Join(dir, f.Name), string(f.Data))
		}
	}
	got := map[string]string{}
	step := 0
	for _, line := range strings.Split(strings.TrimSpace(commands), "\n") {
		step++
		var args []string
		for _, a := range strings.Fields(line) {
			args = append(args, strings.NewReplacer("$OUT", out, "$DIR", dir).Replace(a))
		}
		var stdout, stderr bytes.Buffer
		code := run(context.Background(), args, strings.NewReader(""), &stdout, &stderr)
		got[fmt.Sprintf("%d.exit", step)] = fmt.Sprintf("%d\n", code)
		got[fmt.Sprintf("%d.stdout", step)] = maskGolden(stdout.String(), out, dir)
		got[fmt.Sprintf("%d.stderr", step)] = maskGolden(stderr.String(), out, dir)
	}
	got["tables.txt"] = maskGolden(dumpTables(t, out), out, dir)
	return got
}

// Wall-clock values in logs: the time of each line, seconds and MB/s.
var (
	logTime    = regexp.MustCompile(`time=\S+`)
	throughput = regexp.MustCompile(`[0-9.]+ s, [0-9.]+ MB/s`)
	seconds    = regexp.MustCompile(`(\b\w*seconds)=[0-9.]+`)
)

func maskGolden(s, out, dir string) string {
	s = strings.NewReplacer(out, "$OUT", dir, "$DIR").Replace(s)
	s = logTime.ReplaceAllString(s, "time=<masked>")
	s = seconds.ReplaceAllString(s, "$1=<masked>")
	return throughput.ReplaceAllString(s, "<masked> s, <masked> MB/s")
}

// dumpTables dumps every registered table's partitions below out, in
// registry order, and names any file that belongs to no table.
func dumpTables(t *testing.T, out string) string {
	t.Helper()
	var b strings.Builder
	known := map[string]bool{}
	for _, ti := range output.AllTables() {
		files, err := ti.Files(out)
		if err != nil {
			t.Fatal(err)
		}
		var mask map[string]bool
		if ti.Name == output.Runs.Name() {
			mask = map[string]bool{"started_at": true, "finished_at": true, "seconds": true, "scoring_seconds": true, "stats_seconds": true}
		}
		for _, f := range files {
			rel := relPath(t, out, f)
			known[rel] = true
			fmt.Fprintf(&b, "== %s\n", rel)
			if err := output.Dump(&b, f, output.DumpOptions{Mask: mask}); err != nil {
				t.Fatal(err)
			}
		}
	}
	if _, err := os.Stat(out); err == nil {
		for _, f := range listFiles(t, out) {
			if !known[f] {
				fmt.Fprintf(&b, "!! %s belongs to no registered table\n", f)
			}
		}
	}
	if b.Len() == 0 {
		return "(no tables)\n"
	}
	return b.String()
}

func setGoldenSections(ar *txtar.Archive, got map[string]string) {
	var inputs []txtar.File
	for _, f := range ar.Files {
		if !goldenOutput.MatchString(f.Name) {
			inputs = append(inputs, f)
		}
	}
	ar.Files = inputs
	for step := 1; ; step++ {
		code, ok := got[fmt.Sprintf("%d.exit", step)]
		if !ok {
			break
		}
		for _, kind := range []string{"exit", "stdout", "stderr"} {
			name := fmt.Sprintf("%d.%s", step, kind)
			data := got[name]
			if kind == "exit" {
				data = code
			}
			ar.Files = append(ar.Files, txtar.File{Name: name, Data: []byte(data)})
		}
	}
	ar.Files = append(ar.Files, txtar.File{Name: "tables.txt", Data: []byte(got["tables.txt"])})
}
