package features

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/txtar"

	"framing/lexicon"
)

var update = flag.Bool("update", false, "rewrite the expected sections of testdata/*.txtar")

// Each testdata/*.txtar case holds the inputs (lexicon.yaml, article.txt and
// optionally title.txt, outlet.txt, boilerplate.txt) and the expected
// outputs: structure.txt (paragraphs, sentences, quotes), scores.json
// (Extract with KeepMatches) and explain.txt.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden cases: %v", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			in, m, opt := goldenInputs(t, ar)
			got := map[string]string{
				"structure.txt": structureDump(in, opt),
				"scores.json":   scoresJSON(t, Extract(in, m, opt)),
				"explain.txt":   Explain(in, m, nil),
			}
			if *update {
				setSections(ar, got)
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			for _, name := range []string{"structure.txt", "scores.json", "explain.txt"} {
				if diff := cmp.Diff(section(ar, name), got[name]); diff != "" {
					t.Errorf("%s mismatch (-want +got):\n%s", name, diff)
				}
			}
		})
	}
}

func goldenInputs(t *testing.T, ar *txtar.Archive) (Input, *lexicon.Matcher, Options) {
	t.Helper()
	lex, err := lexicon.Parse(strings.NewReader(section(ar, "lexicon.yaml")), "lexicon.yaml")
	if err != nil {
		t.Fatalf("parsing lexicon: %v", err)
	}
	m, err := lexicon.Compile(lex)
	if err != nil {
		t.Fatalf("compiling lexicon: %v", err)
	}
	opt := DefaultOptions()
	opt.KeepMatches = true
	if bp := section(ar, "boilerplate.txt"); bp != "" {
		if opt.Boilerplate, err = CompileBoilerplate(strings.NewReader(bp), "boilerplate.txt"); err != nil {
			t.Fatal(err)
		}
	}
	in := Input{
		Title:  strings.TrimSpace(section(ar, "title.txt")),
		Outlet: strings.TrimSpace(section(ar, "outlet.txt")),
		Text:   section(ar, "article.txt"),
	}
	return in, m, opt
}

func section(ar *txtar.Archive, name string) string {
	for _, f := range ar.Files {
		if f.Name == name {
			return string(f.Data)
		}
	}
	return ""
}

func setSections(ar *txtar.Archive, got map[string]string) {
	for _, name := range []string{"structure.txt", "scores.json", "explain.txt"} {
		found := false
		for i := range ar.Files {
			if ar.Files[i].Name == name {
				ar.Files[i].Data, found = []byte(got[name]), true
			}
		}
		if !found {
			ar.Files = append(ar.Files, txtar.File{Name: name, Data: []byte(got[name])})
		}
	}
}

func scoresJSON(t *testing.T, sc Scores) string {
	t.Helper()
	b, err := json.MarshalIndent(sc, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b) + "\n"
}

// structureDump lists the cleaned paragraphs, their sentences and the quote
// segments, one per line, so a reviewer can check the splitter by eye.
func structureDump(in Input, opt Options) string {
	d := analyze(in, nil, opt.Boilerplate, new(scratch))
	var b bytes.Buffer
	if d.title != "" {
		fmt.Fprintf(&b, "title: %s\n", d.title)
	}
	for pi, p := range d.body.paras {
		fmt.Fprintf(&b, "paragraph %d\n", pi+1)
		for _, s := range appendSentences(nil, d.body.text, p) {
			fmt.Fprintf(&b, "  sentence: %s\n", d.body.text[s.Start:s.End])
		}
	}
	for _, q := range d.quotes {
		fmt.Fprintf(&b, "quote %d: %s\n", q.id+1, d.body.text[q.Start:q.End])
	}
	return b.String()
}
