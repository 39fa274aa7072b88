package corpus

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// labels reads every article of r and returns "id=label" for each.
func labels(t *testing.T, r Reader) []string {
	t.Helper()
	var out []string
	for {
		a, err := r.Next()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatalf("Next: %v", err)
		}
		out = append(out, a.ID+"="+a.Label)
	}
}

func TestLabelField(t *testing.T) {
	jsonl := `{"id":"a","text":"x","topic":" energy "}
{"id":"b","text":"x","Topic":"sports"}
{"id":"c","text":"x","topic":7}
{"id":"d","text":"x"}
{"id":"e","text":"x","topic":{"nested":1}}
`
	csv := "id,text,Topic\na,x,energy\nb,x,\n"
	tests := []struct {
		name, src, field string
		format           Format
		want             []string
	}{
		{"jsonl", jsonl, "topic", JSONL, []string{"a=energy", "b=sports", "c=7", "d=", "e="}},
		{"jsonl without field", jsonl, "", JSONL, []string{"a=", "b=", "c=", "d=", "e="}},
		{"csv", csv, "topic", CSV, []string{"a=energy", "b="}},
		{"csv without field", csv, "", CSV, []string{"a=", "b="}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := OpenReader(strings.NewReader(tt.src), "in", tt.format, Options{LabelField: tt.field})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, labels(t, r)); diff != "" {
				t.Errorf("labels (-want +got):\n%s", diff)
			}
		})
	}
}

func TestLabelFieldDirectory(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{"a.txt": "one", "b.txt": "two", "manifest.csv": "path,id,topic\na.txt,a,energy\n"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r, err := Open(dir, Options{LabelField: "TOPIC"})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"a=energy", "b.txt="}, labels(t, r)); diff != "" {
		t.Errorf("labels (-want +got):\n%s", diff)
	}
}
