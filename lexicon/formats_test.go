package lexicon

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// summary renders what an import produced: each dimension with its
// entries (weights other than 1 after a slash), then the tone lists.
func summary(l *Lexicon) []string {
	list := func(es []Entry) string {
		var parts []string
		for _, e := range es {
			if e.Weight != 1 {
				parts = append(parts, fmt.Sprintf("%s/%g", e.Text, e.Weight))
				continue
			}
			parts = append(parts, e.Text)
		}
		return strings.Join(parts, ", ")
	}
	out := []string{}
	for _, d := range l.Dimensions {
		out = append(out, d.Name+": "+list(d.Terms))
	}
	if len(l.Tone.Positive) > 0 {
		out = append(out, "tone positive: "+list(l.Tone.Positive))
	}
	if len(l.Tone.Negative) > 0 {
		out = append(out, "tone negative: "+list(l.Tone.Negative))
	}
	return out
}

// TestImportFormats loads files written for these tests that reproduce the
// quirks of dictionaries as distributed (see testdata/README.md).
func TestImportFormats(t *testing.T) {
	tests := []struct {
		path      string
		want      []string
		wantDiags []string
	}{
		{"testdata/mfd-cr.dic", // CR line ends only
			[]string{"care.virtue: shelter*, nurtur*, impartial*, shelter*", "care.vice: wound*, cruel",
				"fairness.virtue: even-handed, impartial*"},
			[]string{
				`testdata/mfd-cr.dic:11:1: note: entry "impartial*" is also in dimension "care.virtue" (line 11)`,
				`testdata/mfd-cr.dic:12:1: warning: dimension care.virtue terms: duplicate entry "shelter*" (same as "shelter*" at line 6)`,
			}},
		{"testdata/laver.cat", // spaces and a tab, CRLF, Windows-1252, weights
			[]string{
				"ECONOMY.+STATE+: subsidy, public ownership, nationali*/2",
				"ECONOMY.=STATE=: privati*, market forces/0.5, privati*",
				"CULTURE.HIGH: opera, protégé, subsidy, galler*",
				"CULTURE.POPULAR: football",
			},
			[]string{
				`testdata/laver.cat:9:17: warning: dimension ECONOMY.=STATE= terms: duplicate entry "privati*" (same as "privati*" at line 7)`,
				"testdata/laver.cat:13:1: warning: file is not valid UTF-8 (first invalid byte on line 13); read as Windows-1252",
				`testdata/laver.cat:14:17: note: entry "subsidy" is also in dimension "ECONOMY.+STATE+" (line 3)`,
				`testdata/laver.cat:15:17: warning: skipping: entry "ballet?": punctuation "?" is not allowed in an entry`,
				`testdata/laver.cat:16:17: warning: skipping "theatre": weight 0 is not a positive number of at most 1000`,
				`testdata/laver.cat:19:9: warning: category "CULTURE.HIGH" appears again (first at line 11); its entries are merged`,
				`testdata/laver.cat:21:1: warning: skipping "loose": an entry outside any category`,
			}},
		{"testdata/wordstat.dic", // WordStat layout in a .dic, byte-order mark
			[]string{"SECURITY: police", "SECURITY.MILITARY: armed forces, troop*"}, []string{}},
		{"testdata/lsd.lc3", // LSD layout: tone keys, neg_ phrases, BOM, CRLF
			[]string{
				"Housing: tenan*, mortgage*, rent control, landlord*",
				"tone positive: splendid*, fine, cheer*, not grim, not bleak*",
				"tone negative: bleak*, grim, rotten, grim, not fine, no cheer*, never splendid*",
			},
			[]string{
				`testdata/lsd.lc3:1:1: warning: skipping "stray entry": an entry outside any key`,
				`testdata/lsd.lc3:2:1: note: key "negative" read as negative tone, not as a dimension`,
				`testdata/lsd.lc3:6:1: warning: tone negative: duplicate entry "grim" (same as "grim" at line 4)`,
				`testdata/lsd.lc3:8:1: note: key "positive" read as positive tone, not as a dimension`,
				`testdata/lsd.lc3:12:1: note: key "neg_positive" read as negative tone, not as a dimension`,
				`testdata/lsd.lc3:16:1: note: key "neg_negative" read as positive tone, not as a dimension`,
				"testdata/lsd.lc3:23:1: warning: skipping a key line with no name; its entries are skipped too",
				`testdata/lsd.lc3:24:1: warning: skipping "orphan": an entry outside any key`,
				`testdata/lsd.lc3:25:1: warning: key "Housing" appears again (first at line 19); its entries are merged`,
				"testdata/lsd.lc3:27:1: warning: skipping: entry \"co*op\": `*` is allowed only at the end of a word",
			}},
		{"testdata/topics.ykd", // XML, nested categories
			[]string{"Policy: reform*", "Policy.Energy: pipeline*, power grid", "Policy.Farming: harvest*, pipeline*"},
			[]string{`testdata/topics.ykd:10:4: note: entry "pipeline*" is also in dimension "Policy.Energy" (line 5)`}},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			l, diags, err := LoadFile(tt.path)
			if err != nil {
				t.Fatalf("LoadFile: %v", err)
			}
			if diff := cmp.Diff(tt.want, summary(l)); diff != "" {
				t.Errorf("lexicon (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantDiags, diagStrings(diags)); diff != "" {
				t.Errorf("diagnostics (-want +got):\n%s", diff)
			}
		})
	}
}

// TestDicLineEnds reads one LIWC file with LF, CRLF and CR line ends: the
// lexicon and every diagnostic position must be the same.
func TestDicLineEnds(t *testing.T) {
	lines := []string{"%", "1\tcare", "2\tharm", "%", "shelter*\t1", "wound*\t2\t1", "", "bad\t9", "shelter*\t1"}
	var first []string
	for _, eol := range []string{"\n", "\r\n", "\r"} {
		src := "\ufeff" + strings.Join(lines, eol) + eol
		l, diags, err := LoadDic(strings.NewReader(src), "d.dic")
		if err != nil {
			t.Fatalf("line end %q: %v", eol, err)
		}
		got := append(summary(l), diagStrings(diags)...)
		if first == nil {
			first = got
			if len(diags) != 4 {
				t.Fatalf("want 4 diagnostics (unknown category, no category, duplicate, shared entry), got %v", diagStrings(diags))
			}
			continue
		}
		if diff := cmp.Diff(first, got); diff != "" {
			t.Errorf("line end %q differs from LF (-LF +this):\n%s", eol, diff)
		}
	}
}

// TestLexicoderToneConvention checks how the LSD's neg_ keys combine with
// framing's own negation: a neg_positive phrase counts once, as negative,
// and is not flipped again; a positive word the phrases do not cover is
// still negated by framing's negators.
func TestLexicoderToneConvention(t *testing.T) {
	lsd, err := Load("testdata/lsd.lc3")
	if err != nil {
		t.Fatal(err)
	}
	neg := &Lexicon{Negators: []Entry{{Text: "not"}, {Text: "no"}, {Text: "never"}}}
	l, err := Merge(lsd, neg)
	if err != nil {
		t.Fatal(err)
	}
	m, err := Compile(l)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ text, want string }{
		{"a fine day", "positive fine"},
		{"not fine at all", "negative not fine"},         // neg_positive: negative, once
		{"it was not grim", "positive not grim"},         // neg_negative: positive, once
		{"not very fine", "NOT positive fine"},           // no phrase covers it: framing negates
		{"never splendidly", "negative never splendid*"}, // its own negator does not flip it
		{"no, fine", "positive fine"},                    // the comma ends the negation
	}
	for _, tt := range tests {
		var got []string
		for _, mt := range m.Match(Tokenize(tt.text)) {
			s := mt.Kind.String() + " " + mt.Entry
			if mt.Negated {
				s = "NOT " + s
			}
			got = append(got, s)
		}
		if g := strings.Join(got, "; "); g != tt.want {
			t.Errorf("%q: got %q, want %q", tt.text, g, tt.want)
		}
	}
}

func TestLexicoderXMLErrors(t *testing.T) {
	tests := []struct{ src, want string }{
		{"<dictionary>\n<cnode name=\"a\">\n<pnode name=\"x\"/>\n</dictionary>\n", "x.ykd:4:1: xml: element <cnode> closed by </dictionary>"},
		{"<?xml version=\"1.0\" encoding=\"Shift_JIS\"?>\n<dictionary/>\n", "x.ykd:1:1: xml: "},
		{"<dictionary><cnode name=\"a\"></cnode></dictionary>", "x.ykd:1:1: dictionary has no category with words"},
	}
	for _, tt := range tests {
		_, _, err := LoadLexicoder(strings.NewReader(tt.src), "x.ykd")
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("LoadLexicoder(%q) error = %v, want prefix %q", tt.src, err, tt.want)
		}
	}
}
