package lexicon

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func addFileSeed(f *testing.F, path string) {
	data, err := os.ReadFile(path)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(data))
}

// checkPositions asserts that every error of a parser has a valid line.
func checkPositions(t *testing.T, err error, src string) {
	var list ErrorList
	if !errors.As(err, &list) {
		return
	}
	lines := strings.Count(src, "\n") + strings.Count(src, "\r") + 2 // YAML also breaks lines at CR
	for _, e := range list {
		if e.Pos.Line < 1 || e.Pos.Line > lines || e.Pos.Col < 1 {
			t.Errorf("error at invalid position %v: %v", e.Pos, e)
		}
	}
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"The U.S. don't trust-building.", "Rodríguez’s “peace”—talks", "C.I.A.-led 3.5 1,000",
		"can't won't shan't n't 's", "\xff\u0301a", "ＵＳ ﬁ ß", "a.b.c", "''''", "-a-", "U.S.*"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		prev := 0
		for i, tok := range Tokenize(text) {
			if tok.Start < prev || tok.End <= tok.Start || tok.End > len(text) {
				t.Fatalf("token %d %+v: offsets not increasing or out of [0,%d]", i, tok, len(text))
			}
			prev = tok.End
			if tok.Kind == Word && tok.Norm == "" {
				t.Fatalf("token %d: empty Norm for a word: %+v", i, tok)
			}
			if !utf8.ValidString(tok.Norm) {
				t.Fatalf("token %d: invalid UTF-8 Norm %q", i, tok.Norm)
			}
		}
	})
}

func FuzzParseYAML(f *testing.F) {
	addFileSeed(f, "testdata/small.yaml")
	f.Add(hashBase)
	f.Add("dimensions:\n  a: {terms: [\"x*y\", {term: z, weight: 0}]}\nfoo: &a [*a]\n")
	f.Add("dimensions:\n  a: {terms: [{term: z, weight: 1e308}, {term: y, weight: 1000}]}\n")
	f.Add("a: &x [*x]\n")
	f.Fuzz(func(t *testing.T, src string) {
		done := make(chan struct{})
		defer close(done)
		go func() {
			select {
			case <-done:
			case <-time.After(5 * time.Second):
				panic(fmt.Sprintf("Parse of %q hangs", src))
			}
		}()
		l, err := Parse(strings.NewReader(src), "f.yaml")
		checkPositions(t, err, src)
		if err != nil {
			return
		}
		m, err := Compile(l)
		if err != nil {
			t.Fatalf("Compile of a parsed lexicon failed: %v", err)
		}
		m.Match(Tokenize(src))
		var buf bytes.Buffer
		if err := l.WriteYAML(&buf); err != nil {
			t.Fatalf("WriteYAML: %v", err)
		}
		back, err := Parse(&buf, "out.yaml")
		if err != nil {
			t.Fatalf("Parse(WriteYAML) failed: %v\n%s", err, buf.String())
		}
		if back.SHA256() != l.SHA256() {
			t.Fatalf("round trip changed the hash:\n%s\n%s", l.Canonical(), back.Canonical())
		}
	})
}

func FuzzLoadDic(f *testing.F) {
	addFileSeed(f, "testdata/small.dic")
	f.Add("%\n1 a\n%\nx\t1\n")
	f.Add("%\r\n1\ta\r\n%\r\nkind\t<of>1/1 (1 2)1/1\r\n")
	addFileSeed(f, "testdata/mfd-cr.dic")
	f.Add("\ufeff%\r1 a\r%\rx\t1\r\rSEC\n\tx (1)\n")
	f.Fuzz(func(t *testing.T, src string) {
		l, diags, err := LoadDic(strings.NewReader(src), "f.dic")
		checkImport(t, l, diags, err, src)
	})
}

// checkImport asserts what every dictionary import promises: errors and
// diagnostics carry a line within the file, and a loaded lexicon compiles.
func checkImport(t *testing.T, l *Lexicon, diags []Diagnostic, err error, src string) {
	t.Helper()
	checkPositions(t, err, src)
	lines := strings.Count(src, "\n") + strings.Count(src, "\r") + 2
	for _, d := range diags {
		if d.Pos.Line < 1 || d.Pos.Line > lines {
			t.Fatalf("diagnostic at invalid line: %v", d)
		}
	}
	if err != nil {
		return
	}
	if _, err := Compile(l); err != nil {
		t.Fatalf("Compile of a loaded dictionary failed: %v", err)
	}
}

func FuzzWordStat(f *testing.F) {
	addFileSeed(f, "testdata/laver.cat")
	addFileSeed(f, "testdata/wordstat.dic")
	f.Add("A\n\tB\n\t\tx* (1)\n  \ty (2.5)\nz (1)\n")
	f.Add("A\r(1)\r\t(1) (1)\r\t\t\t-x (-1)\r")
	f.Fuzz(func(t *testing.T, src string) {
		l, diags, err := LoadWordStat(strings.NewReader(src), "f.cat")
		checkImport(t, l, diags, err, src)
	})
}

func FuzzLexicoder(f *testing.F) {
	addFileSeed(f, "testdata/lsd.lc3")
	addFileSeed(f, "testdata/topics.ykd")
	f.Add("+neg_positive\nnot good*\n+positive\ngood*\n+x\r\ny\r")
	f.Add("<dictionary><cnode name=\"a\"><cnode name=\"positive\"><pnode name=\"ok\"/></cnode><pnode name=\"b\"/></cnode></dictionary>")
	f.Fuzz(func(t *testing.T, src string) {
		l, diags, err := LoadLexicoder(strings.NewReader(src), "f.lc3")
		checkImport(t, l, diags, err, src)
	})
}

func FuzzQuanteda(f *testing.F) {
	addFileSeed(f, "testdata/quanteda.yml")
	f.Add("a:\n  b:\n    c: [x*, y z]\n")
	f.Add("a: &x {b: *x}\n")
	f.Fuzz(func(t *testing.T, src string) {
		l, _, err := ParseQuanteda(strings.NewReader(src), "f.yml")
		checkPositions(t, err, src)
		if err != nil {
			return
		}
		if _, err := Compile(l); err != nil {
			t.Fatalf("Compile of a parsed dictionary failed: %v", err)
		}
	})
}

func FuzzMatch(f *testing.F) {
	m := mustCompile(f, ruleLexicon)
	for _, s := range []string{"We don't cooperate with the U.S. government, but talks go on.",
		"the New York Times on the Czech Republic", "not very good", "czech mate", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		toks := Tokenize(text)
		ms := m.Match(toks)
		for _, x := range ms {
			if x.Start < 0 || x.Start >= x.End || x.End > len(toks) {
				t.Fatalf("match %+v out of [0,%d]", x, len(toks))
			}
		}
		m.Annotate(text, toks, ms)
	})
}

func TestQuantedaAliasBomb(t *testing.T) {
	src := "a: &x {b: *x, c: *x, d: [w]}\n"
	_, _, err := ParseQuanteda(strings.NewReader(src), "bomb.yml")
	if err == nil {
		t.Fatal("ParseQuanteda of a self-referencing alias succeeded")
	}
}
