package main

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestLexiconCommands(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.yaml")
	writeFile(t, good, "name: t\nversion: 1\nlanguage: en\nnegators: [not]\ndimensions:\n  trade:\n    description: x\n    terms: [tariff*, trade deal]\n")
	bp := filepath.Join(dir, "boilerplate.txt")
	writeFile(t, bp, "^Sponsored:.*$\n")
	const sponsored = "The trade deal holds.\n\nSponsored: tariffs explained in five charts."
	valence := filepath.Join(dir, "valence.txt")
	writeFile(t, valence, "sturdy\t1.2\t0.4\t[1, 1, 2]\nshoddy\t-2.2\t0.6\t[-2, -3, -2]\n:-|\t-0.3\t0.5\t[0, -1, 0]\n")
	bad := filepath.Join(dir, "bad.yaml")
	writeFile(t, bad, "name: t\nversion: 1\ndimensions:\n  trade:\n    terms: [ta*riff]\n    colour: red\n")
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout []string
		absent []string // must not be in stdout
	}{
		{"validate good", []string{"lexicon", "validate", good}, 0, []string{"1 file(s) ok"}, nil},
		{"validate bad", []string{"lexicon", "validate", bad}, exitUsage, []string{"bad.yaml:5:", "bad.yaml:6:"}, nil},
		{"show default", []string{"lexicon", "show"}, 0, []string{"framing-default", "cooperation", "sovereignty", "democracy", "oil_interest", "sha256"}, nil},
		{"show file", []string{"lexicon", "show", good}, 0, []string{"trade", "tariff*"}, nil},
		{"export yaml", []string{"lexicon", "export", good}, 0, []string{"tariff*", "trade deal"}, nil},
		{"export dic", []string{"lexicon", "export", "--format", "dic", good}, 0, []string{"%", "tariff*"}, nil},
		{"explain", []string{"lexicon", "explain", "--lexicon", good, "--text", "The trade deal did not survive new tariffs."}, 0,
			[]string{"[trade: trade deal]", "[trade: tariff*, negated]"}, nil},
		{"explain stance", []string{"lexicon", "explain", "--text",
			`"Maduro is a thug," said Rubio. Washington called the talks a fiasco.`}, 0,
			[]string{"Maduro [actor: maduro; -thug* 2 quoted]", "Rubio [actor: us_government, speaker]",
				"Washington [actor: us_government; -fiasco 1.6 authorial]"}, nil},
		{"validate valence list", []string{"lexicon", "validate", valence}, 0,
			[]string{"valence.txt:3:1: note: skipped 1 entries that are not words", "1 file(s) ok"}, nil},
		{"show valence list", []string{"lexicon", "show", valence}, 0, []string{"tone: 1 positive, 1 negative"}, nil},
		{"explain needs text", []string{"lexicon", "explain"}, exitUsage, nil, nil},
		{"explain by id", []string{"lexicon", "explain", "--input", examplesJSONL, "--id", "cb-0001"}, 0,
			[]string{"article cb-0001, Capitol Briefing, ", "venezuela.jsonl:"}, []string{`"id"`, `"text"`}},
		{"explain --id needs --input", []string{"lexicon", "explain", "--id", "cb-0001"}, exitUsage, nil, nil},
		{"explain --input and --text", []string{"lexicon", "explain", "--input", examplesJSONL, "--id", "x", "--text", "y"}, exitUsage, nil, nil},
		{"explain without boilerplate", []string{"lexicon", "explain", "--lexicon", good, "--text", sponsored}, 0,
			[]string{"[trade: tariff*]"}, nil},
		{"validate lc3 warns", []string{"lexicon", "validate", "../../lexicon/testdata/lsd.lc3"}, 0,
			[]string{"no negators", "neg_positive", "1 file(s) ok"}, nil},
		{"evaluate", []string{"lexicon", "evaluate", "--lexicon", "../../lexeval/testdata/harbor.yaml", "--input", "../../lexeval/testdata/labelled.jsonl",
			"--spec", "../../lexeval/testdata/spec.yaml", "--json", filepath.Join(dir, "eval.json")}, 0,
			[]string{"shipping", "0.938", "cargo"}, nil},
		{"evaluate with flags", []string{"lexicon", "evaluate", "--lexicon", "../../lexeval/testdata/harbor.yaml", "--input", "../../lexeval/testdata/labelled.jsonl",
			"--label", "topic", "--positive", "gardening=garden", "--negative", "*=harbor"}, 0, []string{"gardening", "1.000"}, nil},
		{"evaluate unknown dimension", []string{"lexicon", "evaluate", "--input", "../../lexeval/testdata/labelled.jsonl",
			"--label", "topic", "--positive", "weather=garden", "--negative", "weather=harbor"}, exitUsage, nil, nil},
		{"evaluate needs input", []string{"lexicon", "evaluate", "--label", "topic"}, exitUsage, nil, nil},
		{"diff", []string{"lexicon", "diff", good, "../../lexeval/testdata/harbor.yaml", "--input", "../../lexeval/testdata/labelled.jsonl"}, 0,
			[]string{"dimensions: +gardening, +shipping, -trade", "dimension trade terms: -tariff*"}, nil},
		{"diff with default", []string{"lexicon", "diff", "default", "default"}, 0, []string{"no change to any entry"}, nil},
		{"diff needs two", []string{"lexicon", "diff", good}, exitUsage, nil, nil},
		{"explain with boilerplate", []string{"lexicon", "explain", "--lexicon", good, "--boilerplate", bp, "--text", sponsored}, 0,
			[]string{"[trade: trade deal]"}, []string{"Sponsored", "tariff"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := runCLI(t, tt.args...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d\nstdout %s\nstderr %s", code, tt.code, out, errs)
			}
			for _, w := range tt.stdout {
				if !strings.Contains(out, w) {
					t.Errorf("stdout lacks %q:\n%s", w, out)
				}
			}
			for _, w := range tt.absent {
				if strings.Contains(out, w) {
					t.Errorf("stdout has %q:\n%s", w, out)
				}
			}
		})
	}
}
