package lexicon

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// terms lists each dimension as "name: entry, entry".
func terms(l *Lexicon) []string {
	out := []string{}
	for _, d := range l.Dimensions {
		var es []string
		for _, e := range d.Terms {
			es = append(es, e.Text)
		}
		out = append(out, d.Name+": "+strings.Join(es, ", "))
	}
	return out
}

func TestLoadDic(t *testing.T) {
	data, err := os.ReadFile("testdata/small.dic")
	if err != nil {
		t.Fatal(err)
	}
	l, diags, err := LoadDic(bytes.NewReader(data), "small.dic")
	if err != nil {
		t.Fatalf("LoadDic: %v", err)
	}
	wantTerms := []string{
		"conflict: war, sanction*, kind, like, broke",
		"diplomacy: sanction*, talks, summit, peace process, ceasefire",
	}
	if diff := cmp.Diff(wantTerms, terms(l)); diff != "" {
		t.Errorf("dimensions (-want +got):\n%s", diff)
	}
	wantDiags := []string{
		`small.dic:4:1: warning: category "emptycat" has no words; dropped`,
		`small.dic:7:1: note: entry "sanction*" is also in dimension "conflict" (line 7)`,
		`small.dic:9:1: warning: "kind": conditional category simplified to its unconditional category 1`,
		`small.dic:10:1: warning: "like": conditional category simplified to its unconditional category 1`,
		`small.dic:16:1: warning: "unknowncat": skipping unknown category "9"`,
		`small.dic:16:1: warning: skipping "unknowncat": no usable category`,
		`small.dic:17:1: warning: skipping: entry ":)": punctuation ":" is not allowed in an entry`,
		"small.dic:18:1: warning: skipping: entry \"co*op\": `*` is allowed only at the end of a word",
		`small.dic:19:1: warning: skipping "bare": no usable category`,
		`small.dic:20:1: warning: "only": skipping conditional category "#2" with no unconditional category`,
		`small.dic:20:1: warning: skipping "only": no usable category`,
	}
	if diff := cmp.Diff(wantDiags, diagStrings(diags)); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
}

func TestLoadDicErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"no header", "war\t1\n", "d.dic:1:1: want a '%' line opening the category header"},
		{"unterminated header", "%\n1\tconflict\n", "d.dic:3:1: unterminated or missing category header"},
		{"no words", "%\n1\tconflict\n%\n", "d.dic:1:1: dictionary has no category with words"},
		{"empty", "", "d.dic:1:1: unterminated or missing category header"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := LoadDic(strings.NewReader(tt.src), "d.dic")
			var list ErrorList
			if !errors.As(err, &list) || err.Error() != tt.want {
				t.Errorf("LoadDic error = %v, want the ErrorList %s", err, tt.want)
			}
		})
	}
}

func TestParseQuanteda(t *testing.T) {
	f, err := os.Open("testdata/quanteda.yml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	l, diags, err := ParseQuanteda(f, "quanteda.yml")
	if err != nil {
		t.Fatalf("ParseQuanteda: %v", err)
	}
	wantTerms := []string{
		"economy.positive: growth, boom*",
		"economy.negative: recession, slump*, job loss",
		"politics: vote, election*",
		"security: conflict",
	}
	if diff := cmp.Diff(wantTerms, terms(l)); diff != "" {
		t.Errorf("dimensions (-want +got):\n%s", diff)
	}
	wantDiags := []string{
		`quanteda.yml:10:5: warning: politics: skipping: entry "?lection": punctuation "?" is not allowed in an entry`,
		`quanteda.yml:12:1: warning: empty: skipping an empty word list`,
	}
	if diff := cmp.Diff(wantDiags, diagStrings(diags)); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
	if l.Name != "quanteda" {
		t.Errorf("Name = %q, want the file base name", l.Name)
	}
}

func TestParseQuantedaErrors(t *testing.T) {
	for _, src := range []string{"", "- a\n", "a: [b\n", "a: []\n"} {
		if _, _, err := ParseQuanteda(strings.NewReader(src), "q.yml"); err == nil {
			t.Errorf("ParseQuanteda(%q) = nil error", src)
		}
	}
}

func TestLoadByExtension(t *testing.T) {
	tests := []struct {
		path string
		dims int
	}{
		{"testdata/small.yaml", 2},
		{"testdata/quanteda.yml", 4},
		{"testdata/small.dic", 2},
	}
	for _, tt := range tests {
		l, err := Load(tt.path)
		if err != nil {
			t.Errorf("Load(%s): %v", tt.path, err)
			continue
		}
		if len(l.Dimensions) != tt.dims {
			t.Errorf("Load(%s): %d dimensions, want %d", tt.path, len(l.Dimensions), tt.dims)
		}
	}
	if _, err := Load("testdata/nope.txt"); err == nil {
		t.Error("Load of an unknown extension succeeded")
	}
}

func TestValidateFile(t *testing.T) {
	dir := t.TempDir()
	write := func(name, src string) string {
		path := dir + "/" + name
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	tests := []struct {
		name, file, src string
		want            []string
	}{
		{"native", "a.yaml", "name: a\nversion: 1\ndimensions:\n  d: {terms: [x*y]}\n",
			[]string{"%s:4:15: error: dimension d terms: entry \"x*y\": `*` is allowed only at the end of a word"}},
		{"quanteda", "q.yml", "d: [ok, \"?x\"]\n",
			[]string{"%s: warning: lexicon has no negators: no hit is ever negated, so tone is never flipped (add `negators`, or use it together with a lexicon that has them)",
				"%s:1:9: warning: d: skipping: entry \"?x\": punctuation \"?\" is not allowed in an entry"}},
		{"dic without header", "d.dic", "word\t1\n",
			[]string{"%s:1:1: error: want a '%%' line opening the category header"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := write(tt.file, tt.src)
			got, err := ValidateFile(path)
			if err != nil {
				t.Fatal(err)
			}
			var want []string
			for _, w := range tt.want {
				want = append(want, fmt.Sprintf(w, path))
			}
			if diff := cmp.Diff(want, diagStrings(got)); diff != "" {
				t.Errorf("ValidateFile (-want +got):\n%s", diff)
			}
		})
	}
	if _, err := ValidateFile(dir + "/missing.yaml"); err == nil {
		t.Error("ValidateFile of a missing file returned no error")
	}
}
