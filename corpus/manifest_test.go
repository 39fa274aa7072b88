package corpus

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

// Issue 16 §6: a valid 24 MB manifest of 100,000 rows failed with "record too long",
// because the bound applied to the whole manifest (4 × the record bound) instead of to
// each row. The manifest is generated here, not committed.
func TestManifestManyRows(t *testing.T) {
	const rows = 100_000
	var m strings.Builder
	m.WriteString("path,id,outlet,date,title,url\n")
	title := strings.Repeat("Officials in the capital welcomed the talks ", 4)
	for i := range rows {
		fmt.Fprintf(&m, "a/%06d.txt,id-%06d,Coast Daily,2026-01-20,%q,https://example.org/news/2026/01/20/%06d\n", i, i, title, i)
	}
	if m.Len() < 24<<20 {
		t.Fatalf("manifest is %d bytes, want the issue's 24 MB", m.Len())
	}
	fsys := fstest.MapFS{
		"manifest.csv": {Data: []byte(m.String())},
		"a/000007.txt": {Data: []byte("Talks went on.\n")},
	}
	for _, max := range []int{0, 1 << 10} { // the default bound, and one far below the file
		d, err := newDir(fsys, "in", "", Options{MaxRecordBytes: max})
		if err != nil {
			t.Fatalf("bound %d: %v", max, err)
		}
		if len(d.manifest) != rows {
			t.Fatalf("bound %d: %d manifest rows, want %d", max, len(d.manifest), rows)
		}
		a, err := d.Next()
		if err != nil || a.ID != "id-000007" || a.Outlet != "Coast Daily" {
			t.Errorf("bound %d: first article %+v, %v", max, a, err)
		}
		missing := 0
		for {
			_, err := d.Next()
			if err != nil && !IsRecordError(err) {
				break
			}
			missing++
		}
		if missing != rows-1 {
			t.Errorf("bound %d: %d rejects for missing files, want %d", max, missing, rows-1)
		}
	}
}

// A manifest row longer than the bound is one reject; the rows around it are read.
func TestManifestRowBound(t *testing.T) {
	fsys := fstest.MapFS{
		"manifest.csv": {Data: []byte("path,title\na.txt,A\nb.txt," + strings.Repeat("t", 300) + "\nc.txt,C\n")},
		"a.txt":        {Data: []byte("alpha\n")},
		"c.txt":        {Data: []byte("gamma\n")},
	}
	d, err := newDir(fsys, "in", "", Options{MaxRecordBytes: 100})
	if err != nil {
		t.Fatal(err)
	}
	got := drain(t, d)
	want := []string{
		`in/a.txt id=a.txt gen=false outlet="unknown" title="A" date=- raw="" warn=false lang="" text="alpha\n"`,
		`in/c.txt id=c.txt gen=false outlet="unknown" title="C" date=- raw="" warn=false lang="" text="gamma\n"`,
		"reject in/manifest.csv:3: manifest: record longer than 100 bytes",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("records (-want +got):\n%s", diff)
	}
}
