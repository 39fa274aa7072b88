package corpus

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

// drain reads r to the end and summarizes every record as one line, so a
// test can compare the whole stream with cmp.Diff.
func drain(t testing.TB, r Reader) []string {
	t.Helper()
	var out []string
	for {
		a, err := r.Next()
		if err == io.EOF {
			break
		}
		var re *RecordError
		if errors.As(err, &re) {
			out = append(out, "reject "+re.Error())
			continue
		}
		if err != nil {
			t.Fatalf("fatal error: %v", err)
		}
		out = append(out, summary(a))
	}
	if err := r.Close(); err != nil {
		t.Fatalf("close: %v", err)
	}
	return out
}

func summary(a Article) string {
	date := "-"
	if a.HasDate {
		date = a.Published.Format("2006-01-02")
	}
	return fmt.Sprintf("%s id=%s gen=%v outlet=%q title=%q date=%s raw=%q warn=%v lang=%q text=%q",
		a.Source(), a.ID, a.IDGenerated, a.Outlet, a.Title, date, a.RawDate, a.DateWarning, a.Lang, a.Text)
}

var wantJSONL = []string{
	`F:1 id=a1 gen=false outlet="Harbor Gazette" title="Ferry fares rise" date=2026-01-16 raw="2026-01-16" warn=false lang="en" text="The island ferry will cost more from March, the council said."`,
	`F:3 id=` + StableID("unknown", "Night market returns", "Stalls reopened on Friday after a winter pause.") +
		` gen=true outlet="unknown" title="Night market returns" date=2026-01-16 raw="16 de Enero de 2026" warn=false lang="" text="Stalls reopened on Friday after a winter pause."`,
	`reject F:4: title: want a string, got number`,
	`reject F:5: json: invalid character 'o' in literal null (expecting 'u')`,
	`reject F:6: text: empty text`,
	`F:7 id=a5 gen=false outlet="unknown" title="" date=- raw="sometime" warn=true lang="" text="Bridge works delayed again."`,
}

var wantCSV = []string{
	`F:2 id=c1 gen=false outlet="Valley Post" title="Library hours" date=2026-01-16 raw="1/16/2026" warn=false lang="" text="The library opens later on Sundays.\nA second line of the story."`,
	`reject F:4: csv: wrong number of fields, want 6`,
	`F:5 id=c3 gen=false outlet="unknown" title="Bad date" date=- raw="2026-02-30" warn=true lang="" text="Rain is expected all week."`,
}

// withName rewrites "F" in the wanted lines to the real file name.
func withName(want []string, name string) []string {
	out := make([]string, len(want))
	for i, w := range want {
		w = strings.Replace(w, "F:", name+":", 1)
		out[i] = strings.Replace(w, "reject F", "reject "+name, 1)
	}
	return out
}

func TestOpenFiles(t *testing.T) {
	tests := []struct {
		name string
		path string
		want []string
	}{
		{"jsonl", "testdata/sample.jsonl", wantJSONL},
		{"jsonl gzip", "testdata/sample.jsonl.gz", wantJSONL},
		{"csv", "testdata/sample.csv", wantCSV},
		{"csv gzip", "testdata/sample.csv.gz", wantCSV},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Open(tt.path, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(withName(tt.want, tt.path), drain(t, r)); diff != "" {
				t.Errorf("records (-want +got):\n%s", diff)
			}
		})
	}
}

func TestOpenReaderStdin(t *testing.T) {
	data, err := os.ReadFile("testdata/sample.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	r, err := OpenReader(bytes.NewReader(data), "-", JSONL, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(withName(wantJSONL, "-"), drain(t, r)); diff != "" {
		t.Errorf("records (-want +got):\n%s", diff)
	}
}

func TestOpenErrors(t *testing.T) {
	dir := t.TempDir()
	noText := filepath.Join(dir, "notext.csv")
	if err := os.WriteFile(noText, []byte("id,body\n1,hello\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, path, want string
	}{
		{"missing", filepath.Join(dir, "none.jsonl"), "no such file"},
		{"extension", "testdata/dir/readme.rst", "unsupported input"},
		{"no text column", noText, "header has no text column"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Open(tt.path, Options{})
			if err == nil {
				r.Close()
				t.Fatalf("Open(%s) succeeded, want error containing %q", tt.path, tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) || IsRecordError(err) {
				t.Errorf("Open(%s) = %v, want a fatal error containing %q", tt.path, err, tt.want)
			}
		})
	}
}

func TestJSONLRejects(t *testing.T) {
	tests := []struct {
		name  string
		input string
		opt   Options
		want  []string
	}{
		{"wrong type", `{"id":"x","text":["a"]}`, Options{}, []string{"reject f:1: text: want a string, got array"}},
		{"not an object", `[1,2]`, Options{}, []string{"reject f:1: json: want an object, got array"}},
		{"truncated", `{"text":"a"`, Options{}, []string{"reject f:1: json: unexpected end of JSON input"}},
		{"nul byte", `{"id":"n","text":"a\u0000b"}`, Options{}, []string{"reject f:1: text: NUL byte in text"}},
		{"invalid utf8", "{\"id\":\"u\",\"text\":\"\xff\xfe\xfd ok\"}", Options{},
			[]string{"reject f:1: text: invalid UTF-8: 3 of 6 runes are U+FFFD after repair"}},
		{"one bad byte in long text tolerated", "{\"id\":\"u\",\"text\":\"" + strings.Repeat("word ", 40) + "\xff\"}", Options{},
			[]string{"f:1 id=u gen=false outlet=\"unknown\" title=\"\" date=- raw=\"\" warn=false lang=\"\" text=\"" +
				strings.Repeat("word ", 40) + "\ufffd\""}},
		{"overlong line then good line", `{"id":"long","text":"` + strings.Repeat("x", 100) + `"}` + "\n" + `{"id":"s","text":"short"}`,
			Options{MaxRecordBytes: 50}, []string{
				"reject f:1: json: line longer than 50 bytes",
				`f:2 id=s gen=false outlet="unknown" title="" date=- raw="" warn=false lang="" text="short"`,
			}},
		{"deep nesting in ignored field", `{"id":"d","text":"t","x":` + strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + `}`,
			Options{}, []string{"reject f:1: json: invalid character '[' exceeded max depth"}},
		{"blank lines only", "\n  \r\n\t\n", Options{}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := OpenReader(strings.NewReader(tt.input), "f", JSONL, tt.opt)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, drain(t, r)); diff != "" {
				t.Errorf("records (-want +got):\n%s", diff)
			}
		})
	}
}

func TestCSVRejects(t *testing.T) {
	tests := []struct {
		name  string
		input string
		opt   Options
		want  []string
	}{
		{"bare quote then good row", "id,text\na,he said \"no\" twice\nb,fine\n", Options{}, []string{
			`reject f:2: csv: bare " in non-quoted-field`,
			`f:3 id=b gen=false outlet="unknown" title="" date=- raw="" warn=false lang="" text="fine"`,
		}},
		// The quote never closes, so the record cannot be delimited: reading resumes at
		// the next line that is a well-formed record (csvScanner).
		{"unterminated quote", "id,text\na,\"never closed\nb,c\n", Options{}, []string{
			`reject f:2: csv: quoted field not closed before the end of the input; reading resumed at line 3`,
			`f:3 id=b gen=false outlet="unknown" title="" date=- raw="" warn=false lang="" text="c"`,
		}},
		{"bom and crlf", "\xef\xbb\xbfid,text\r\nb,fine\r\n", Options{}, []string{
			`f:2 id=b gen=false outlet="unknown" title="" date=- raw="" warn=false lang="" text="fine"`,
		}},
		{"overlong record is skipped", "id,text\na,\"" + strings.Repeat("y", 200<<10) + "\"\nb,fine\n", Options{MaxRecordBytes: 100}, []string{
			`reject f:2: csv: record longer than 100 bytes`,
			`f:3 id=b gen=false outlet="unknown" title="" date=- raw="" warn=false lang="" text="fine"`,
		}},
		{"overlong quoted record with newlines and escaped quotes", "id,text\na,\"" +
			strings.Repeat("say \"\"no\"\",\nthen\n", 20<<10) + "\"\nb,\"two\nlines\"\nc,\"x,\"\"y\"\"\"\n",
			Options{MaxRecordBytes: 100}, []string{
				`reject f:2: csv: record longer than 100 bytes; skipped 40960 lines (348150 bytes) to line 40963, the next that starts a well-formed record`,
				`f:40963 id=b gen=false outlet="unknown" title="" date=- raw="" warn=false lang="" text="two\nlines"`,
				`f:40965 id=c gen=false outlet="unknown" title="" date=- raw="" warn=false lang="" text="x,\"y\""`,
			}},
		{"overlong unquoted record, then a bad row", "id,text\na," + strings.Repeat("z", 300) + "\nb,c,d\ne,fine\n", Options{MaxRecordBytes: 100}, []string{
			`reject f:2: csv: record longer than 100 bytes`,
			`reject f:3: csv: wrong number of fields, want 2`,
			`f:4 id=e gen=false outlet="unknown" title="" date=- raw="" warn=false lang="" text="fine"`,
		}},
		{"overlong last record without newline", "id,text\na,fine\nb,\"" + strings.Repeat("q", 300) + "\"", Options{MaxRecordBytes: 100}, []string{
			`f:2 id=a gen=false outlet="unknown" title="" date=- raw="" warn=false lang="" text="fine"`,
			`reject f:3: csv: record longer than 100 bytes`,
		}},
		{"empty text", "id,text\na,\"  \n \"\n", Options{}, []string{"reject f:2: text: empty text"}},
		{"invalid utf8", "id,text\na,\xff\xfe ok\n", Options{}, []string{
			"reject f:2: text: invalid UTF-8: 2 of 5 runes are U+FFFD after repair",
		}},
		{"one invalid byte repaired", "id,title,text\na,T\xe9,\"" + strings.Repeat("word ", 40) + "caf\xe9\"\n", Options{}, []string{
			"f:2 id=a gen=false outlet=\"unknown\" title=\"T\ufffd\" date=- raw=\"\" warn=false lang=\"\" text=\"" +
				strings.Repeat("word ", 40) + "caf\ufffd\"",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := OpenReader(strings.NewReader(tt.input), "f", CSV, tt.opt)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, drain(t, r)); diff != "" {
				t.Errorf("records (-want +got):\n%s", diff)
			}
		})
	}
}

func TestGzipBombBounded(t *testing.T) {
	// 64 MiB of one line compresses to ~64 KiB; with a 1 KiB bound it must be
	// a reject, not 64 MiB in memory.
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	chunk := bytes.Repeat([]byte("a"), 1<<20)
	for range 16 {
		zw.Write(chunk)
	}
	zw.Write([]byte("\n{\"text\":\"after\",\"id\":\"z\"}\n"))
	zw.Close()
	r, err := OpenReader(&buf, "bomb.jsonl.gz", JSONL, Options{MaxRecordBytes: 1024})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"reject bomb.jsonl.gz:1: json: line longer than 1024 bytes",
		`bomb.jsonl.gz:2 id=z gen=false outlet="unknown" title="" date=- raw="" warn=false lang="" text="after"`,
	}
	if diff := cmp.Diff(want, drain(t, r)); diff != "" {
		t.Errorf("records (-want +got):\n%s", diff)
	}
}

func TestDirectory(t *testing.T) {
	r, err := Open("testdata/dir", Options{})
	if err != nil {
		t.Fatal(err)
	}
	d := filepath.Join("testdata", "dir")
	want := []string{
		"reject " + d + "/blob.txt: file: binary file",
		fmt.Sprintf("%s/market.md id=market.md gen=false outlet=\"unknown\" title=\"\" date=- raw=\"\" warn=false lang=\"\" text=%q",
			d, "# Notes\n\nA short market report in markdown.\n"),
		fmt.Sprintf("%s/world/wind.txt id=world/wind.txt gen=false outlet=\"Coast Daily\" title=\"Wind\" date=2026-01-16 raw=\"2026-01-16\" warn=false lang=\"\" text=%q",
			d, "Wind farms expanded along the coast this winter.\n"),
		"reject " + d + "/manifest.csv:3: path: file missing.txt not found (or not .txt/.md)",
	}
	if diff := cmp.Diff(want, drain(t, r)); diff != "" {
		t.Errorf("records (-want +got):\n%s", diff)
	}
}

func TestDirectoryManifestElsewhere(t *testing.T) {
	tmp := t.TempDir()
	m := filepath.Join(tmp, "meta.csv")
	err := os.WriteFile(m, []byte("path,outlet,id,lang\nmarket.md,Bay Times,m-1,en\nmarket.md,Dup,m-2,en\nshort,row\n../up.txt,X,u,en\n"), 0o644)
	if err != nil {
		t.Fatal(err)
	}
	r, err := Open("testdata/dir", Options{Manifest: m})
	if err != nil {
		t.Fatal(err)
	}
	got := drain(t, r)
	want := []string{
		"reject " + filepath.Join("testdata", "dir", "blob.txt") + ": file: binary file",
		fmt.Sprintf("%s id=m-1 gen=false outlet=\"Bay Times\" title=\"\" date=- raw=\"\" warn=false lang=\"en\" text=%q",
			filepath.Join("testdata", "dir", "market.md"), "# Notes\n\nA short market report in markdown.\n"),
		fmt.Sprintf("%s id=world/wind.txt gen=false outlet=\"unknown\" title=\"\" date=- raw=\"\" warn=false lang=\"\" text=%q",
			filepath.Join("testdata", "dir", "world", "wind.txt"), "Wind farms expanded along the coast this winter.\n"),
		"reject " + m + ":3: path: duplicate manifest row for market.md, first at line 2",
		"reject " + m + ":4: manifest: wrong number of fields, want 4",
		"reject " + m + `:5: path: invalid path "../up.txt"`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("records (-want +got):\n%s", diff)
	}
}

// failFS wraps an fs.FS and fails to open one path, standing in for a file
// the process may not read (chmod does not deny root).
type failFS struct {
	fs.FS
	deny string
}

func (f failFS) Open(name string) (fs.File, error) {
	if name == f.deny {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return f.FS.Open(name)
}

func TestDirectoryUnreadableInjected(t *testing.T) {
	fsys := failFS{FS: fstest.MapFS{
		"a.txt": {Data: []byte("First story.")},
		"b.txt": {Data: []byte("Second story.")},
	}, deny: "a.txt"}
	d, err := newDir(fsys, "root", "", Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"reject " + filepath.Join("root", "a.txt") + ": file: open a.txt: permission denied",
		filepath.Join("root", "b.txt") + ` id=b.txt gen=false outlet="unknown" title="" date=- raw="" warn=false lang="" text="Second story."`,
	}
	if diff := cmp.Diff(want, drain(t, d)); diff != "" {
		t.Errorf("records (-want +got):\n%s", diff)
	}
}

func TestDirectoryUnreadableChmod(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "locked.txt")
	if err := os.WriteFile(p, []byte("Locked story."), 0o000); err != nil {
		t.Fatal(err)
	}
	_, readErr := os.ReadFile(p) // root reads anyway; the expectation follows reality
	r, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := drain(t, r)
	if len(got) != 1 {
		t.Fatalf("got %d records, want 1: %q", len(got), got)
	}
	if isReject := strings.HasPrefix(got[0], "reject "); isReject != (readErr != nil) {
		t.Errorf("os.ReadFile error = %v, but reader gave %q", readErr, got[0])
	}
}

func TestSymlinkLoop(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Story."), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(dir, filepath.Join(dir, "loop")); err != nil {
		t.Fatal(err)
	}
	r, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := drain(t, r); len(got) != 1 {
		t.Errorf("got %q, want one article", got)
	}
}

func TestDirectoryLimits(t *testing.T) {
	fsys := fstest.MapFS{
		"big.txt":  {Data: bytes.Repeat([]byte("z"), 200)},
		"late.txt": {Data: append(bytes.Repeat([]byte("z"), 9000), 0)},
	}
	d, err := newDir(fsys, "r", "", Options{MaxRecordBytes: 100 << 10})
	if err != nil {
		t.Fatal(err)
	}
	d.max = 100
	want := []string{
		"reject " + filepath.Join("r", "big.txt") + ": file: file larger than 100 bytes",
		"reject " + filepath.Join("r", "late.txt") + ": file: file larger than 100 bytes",
	}
	if diff := cmp.Diff(want, drain(t, d)); diff != "" {
		t.Errorf("records (-want +got):\n%s", diff)
	}
	d, _ = newDir(fsys, "r", "", Options{})
	got := drain(t, d)
	if want := "reject " + filepath.Join("r", "late.txt") + ": text: NUL byte in text"; got[1] != want {
		t.Errorf("NUL after 8 KiB: got %q, want %q", got[1], want)
	}
}

func TestDedup(t *testing.T) {
	d := NewDedup()
	first := Article{ID: "a", File: "x.jsonl", Line: 3}
	if err := d.Check(first); err != nil {
		t.Fatalf("first Check = %v, want nil", err)
	}
	if err := d.Check(Article{ID: "b", File: "dir/b.txt"}); err != nil {
		t.Fatalf("Check(b) = %v, want nil", err)
	}
	got := d.Check(Article{ID: "a", File: "y.csv", Line: 9})
	want := &RecordError{File: "y.csv", Line: 9, Field: "id", ArticleID: "a", Reason: "duplicate id, first seen at x.jsonl:3"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("duplicate (-want +got):\n%s", diff)
	}
	if got := d.Check(Article{ID: "b", File: "z"}).Error(); got != "z: id: duplicate id, first seen at dir/b.txt" {
		t.Errorf("message = %q", got)
	}
}

func TestStableID(t *testing.T) {
	a := StableID("o", "t", "x")
	if diff := cmp.Diff("h-", a[:2]); diff != "" || len(a) != 18 {
		t.Errorf("StableID = %q, want h- and 16 hex digits", a)
	}
	// The separator keeps field boundaries: moving a character between
	// fields changes the id.
	if a == StableID("o", "", "tx") || a == StableID("ot", "", "x") {
		t.Error("StableID ignores field boundaries")
	}
	if a != StableID("o", "t", "x") {
		t.Error("StableID is not deterministic")
	}
}

// TestCountInvariant checks the product promise: every non-blank line is
// exactly one article or one reject.
func TestCountInvariant(t *testing.T) {
	data, err := os.ReadFile("testdata/sample.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	got := drain(t, mustOpen(t, data))
	if want := nonBlankLines(data, DefaultMaxRecordBytes); len(got) != want {
		t.Errorf("records = %d, want %d non-blank lines", len(got), want)
	}
}

func mustOpen(t testing.TB, data []byte) Reader {
	r, err := OpenReader(bytes.NewReader(data), "f", JSONL, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// nonBlankLines counts the lines that must give a record: those with
// content, and those longer than max (rejected unread).
func nonBlankLines(data []byte, max int) int {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	n := 0
	for _, l := range bytes.Split(data, []byte("\n")) {
		l = bytes.TrimSuffix(l, []byte("\r"))
		if len(l) > max || len(bytes.TrimSpace(l)) > 0 {
			n++
		}
	}
	return n
}

func TestManifestWithoutPath(t *testing.T) {
	m := filepath.Join(t.TempDir(), "m.csv")
	if err := os.WriteFile(m, []byte("file,outlet\na.txt,X\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Open("testdata/dir", Options{Manifest: m})
	if err == nil || !strings.Contains(err.Error(), "no path column") {
		t.Errorf("Open = %v, want a no path column error", err)
	}
}

// TestOpenStdin swaps os.Stdin for a gzip-compressed file: "-" must sniff
// the gzip magic and read JSON Lines, and Close must leave os.Stdin alone.
func TestOpenStdin(t *testing.T) {
	f, err := os.Open("testdata/sample.jsonl.gz")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	saved := os.Stdin
	os.Stdin = f
	defer func() { os.Stdin = saved }()
	r, err := Open("-", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(withName(wantJSONL, "-"), drain(t, r)); diff != "" {
		t.Errorf("records (-want +got):\n%s", diff)
	}
	if _, err := f.Stat(); err != nil {
		t.Errorf("stdin closed by Close: %v", err)
	}
}
