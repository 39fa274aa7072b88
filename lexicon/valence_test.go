package lexicon

import (
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func TestParseValence(t *testing.T) {
	data, err := os.ReadFile("testdata/valence.txt")
	if err != nil {
		t.Fatal(err)
	}
	const name = "valence.txt"
	l, diags, err := ParseValence(strings.NewReader(string(data)), name)
	if err != nil {
		t.Fatal(err)
	}
	at := func(line int) Position { return Position{File: name, Line: line, Col: 1} }
	// Weights are |valence| / 2 (ValenceScale).
	wantTone := Tone{
		Positive: []Entry{{"admirable", 1.2, at(5)}, {"sturdy", 0.6, at(6)}, {"well done", 1, at(14)}, {"booming", 0.75, at(15)}},
		Negative: []Entry{{"shoddy", 1.1, at(8)}, {"fiasco", 1.55, at(9)}},
	}
	if diff := cmp.Diff(wantTone, l.Tone); diff != "" {
		t.Errorf("tone (-want +got):\n%s", diff)
	}
	if l.Name != "valence" || len(l.Dimensions) != 0 || len(l.Actors) != 0 {
		t.Errorf("name %q, %d dimensions, %d actors: want valence, 0, 0", l.Name, len(l.Dimensions), len(l.Actors))
	}
	var got []string
	for _, d := range diags {
		got = append(got, d.String())
	}
	want := []string{
		"valence.txt:3:1: note: skipped 2 entries that are not words (emoticons, punctuation), the first here",
		`valence.txt:10:1: warning: skipping "Shoddy": already listed at line 8`,
		`valence.txt:11:7: warning: skipping "so-so": valence 0 has no polarity`,
		`valence.txt:12:5: warning: skipping "meh": valence "about -1" is not a number`,
		`valence.txt:13:1: warning: skipping "no tab here -1": no tab between word and valence`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
}

func TestParseValenceEdges(t *testing.T) {
	tests := []struct {
		name, src string
		pos, neg  []string // entry texts
		wantErr   string
	}{
		{"byte order mark", "\uFEFFgrand\t2\n", []string{"grand"}, nil, ""},
		{"space around the valence", "grim \t -1.5 \n", nil, []string{"grim"}, ""},
		{"nothing usable", "# only a comment\n:)\t2\n", nil, nil, "x.txt:1:1: tone list has no usable entry"},
		{"empty", "", nil, nil, "x.txt:1:1: tone list has no usable entry"},
		{"not a finite number", "odd\tNaN\nodder\tInf\nok\t1\n", []string{"ok"}, nil, ""},
		{"weight above MaxWeight", "huge\t5000\nedge\t2000\nvast\t-2000.5\n", []string{"edge"}, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, _, err := ParseValence(strings.NewReader(tt.src), "x.txt")
			if tt.wantErr != "" {
				var list ErrorList
				if !errors.As(err, &list) || err.Error() != tt.wantErr {
					t.Fatalf("error %v, want ErrorList %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.pos, texts(l.Tone.Positive)); diff != "" {
				t.Errorf("positive (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.neg, texts(l.Tone.Negative)); diff != "" {
				t.Errorf("negative (-want +got):\n%s", diff)
			}
		})
	}
}

func texts(es []Entry) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.Text)
	}
	return out
}

// TestValenceWeightsFlow checks that a valence becomes the weight of the
// tone match, which stance multiplies (features/stance.go), whichever of the
// two extensions the list has.
func TestValenceWeightsFlow(t *testing.T) {
	type hit struct {
		Kind   MatchKind
		Entry  string
		Weight float64
	}
	dir := t.TempDir()
	for _, ext := range []string{".txt", ".tsv"} {
		path := filepath.Join(dir, "list"+ext)
		if err := os.WriteFile(path, []byte("sturdy\t1.2\nshoddy\t-3\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		l, err := Load(path)
		if err != nil {
			t.Fatalf("%s: %v", ext, err)
		}
		m, err := Compile(l)
		if err != nil {
			t.Fatal(err)
		}
		var got []hit
		for _, mt := range m.Match(Tokenize("A sturdy, shoddy deal.")) {
			got = append(got, hit{mt.Kind, mt.Entry, mt.Weight})
		}
		want := []hit{{Positive, "sturdy", 0.6}, {Negative, "shoddy", 1.5}}
		if diff := cmp.Diff(want, got, cmpopts.EquateApprox(0, 1e-12)); diff != "" {
			t.Errorf("%s (-want +got):\n%s", ext, diff)
		}
	}
}

func FuzzValence(f *testing.F) {
	addFileSeed(f, "testdata/valence.txt")
	f.Add("good\t1.9\t0.9\t[2, 2]\n")
	f.Add("\uFEFFa b\t-4\r\n:)\t2\n#x\n\t\t\n")
	f.Add("a\t5000\nb\t-2001\nc\t2000\n") // weights 2500, 1000.5 (skipped) and 1000
	f.Fuzz(func(t *testing.T, src string) {
		l, diags, err := ParseValence(strings.NewReader(src), "f.txt")
		checkPositions(t, err, src)
		lines := strings.Count(src, "\n") + 1
		for _, d := range diags {
			if d.Pos.Line < 1 || d.Pos.Line > lines || d.Pos.Col < 1 {
				t.Fatalf("diagnostic at invalid position: %v", d)
			}
		}
		if err != nil {
			return
		}
		for _, es := range [][]Entry{l.Tone.Positive, l.Tone.Negative} {
			for _, e := range es {
				if !(e.Weight > 0) || math.IsInf(e.Weight, 0) {
					t.Fatalf("entry %q: weight %v, want positive and finite", e.Text, e.Weight)
				}
				if e.Pos.Line < 1 || e.Pos.Line > lines {
					t.Fatalf("entry %q at line %d of %d", e.Text, e.Pos.Line, lines)
				}
			}
		}
		if _, err := Compile(l); err != nil {
			t.Fatalf("Compile of a parsed tone list failed: %v", err)
		}
	})
}
