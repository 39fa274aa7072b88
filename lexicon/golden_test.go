package lexicon

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata")

// TestExplainGolden annotates the sentences of each testdata/explain/*.txtar
// archive with its lexicon and compares with want.txt: one reviewable file
// per case, lexicon and text and expected explanation together.
func TestExplainGolden(t *testing.T) {
	paths, err := filepath.Glob("testdata/explain/*.txtar")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no golden archives: %v", err)
	}
	for _, path := range paths {
		t.Run(filepath.Base(path), func(t *testing.T) {
			ar, err := txtar.ParseFile(path)
			if err != nil {
				t.Fatal(err)
			}
			files := map[string]string{}
			for _, f := range ar.Files {
				files[f.Name] = string(f.Data)
			}
			m := mustCompile(t, files["lexicon.yaml"])
			var got strings.Builder
			for _, line := range strings.Split(strings.TrimRight(files["sentences.txt"], "\n"), "\n") {
				toks := Tokenize(line)
				got.WriteString(m.Annotate(line, toks, m.Match(toks)) + "\n")
			}
			if *update {
				for i := range ar.Files {
					if ar.Files[i].Name == "want.txt" {
						ar.Files[i].Data = []byte(got.String())
					}
				}
				if err := os.WriteFile(path, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if diff := cmp.Diff(files["want.txt"], got.String()); diff != "" {
				t.Errorf("annotations (-want +got):\n%s", diff)
			}
		})
	}
}

// TestMatchConcurrent shares one Matcher between goroutines; run with -race
// to check the claim that a Matcher is safe for concurrent use.
func TestMatchConcurrent(t *testing.T) {
	m := mustCompile(t, ruleLexicon)
	toks := Tokenize("Washington's partners don't cooperate in the Czech Republic, but talks go on.")
	want := m.Match(toks)
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				if diff := cmp.Diff(want, m.Match(toks)); diff != "" {
					t.Errorf("concurrent Match differs (-want +got):\n%s", diff)
					return
				}
			}
		}()
	}
	wg.Wait()
}
