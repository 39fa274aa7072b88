package features

import (
	"html"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"framing/lexicon"
)

var fuzzSeeds = []string{
	"",
	"Plain text. Two sentences.",
	"<p>Caf&eacute; &amp; bar</p><script>x</script><br>Next",
	"Share this article\n\nBody.\n\nThe post X appeared first on Y.",
	"“Open quote.\n\n“Reopened,” he said. \"Stray",
	"Mr. J. Smith of the U.S. said 3.5. Then… \"no.\" Yes!",
	"a<b>c</b>d &#0; &#xFFFFFF; <!-- x",
	"don't U.S.-led e-mail O'Brien's ½ ﬁ",
}

func wordNorms(s string) map[string]bool {
	set := map[string]bool{}
	for _, t := range lexicon.Tokenize(s) {
		if t.Kind == lexicon.Word {
			set[t.Norm] = true
		}
	}
	return set
}

func checkSpans(t *testing.T, what string, spans []span, lo, hi int) {
	t.Helper()
	prev := lo
	for _, s := range spans {
		if s.Start < prev || s.End < s.Start || s.End > hi {
			t.Fatalf("%s span %v out of order or bounds [%d,%d) after %d", what, s, lo, hi, prev)
		}
		prev = s.End
	}
}

func FuzzClean(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		c := clean(raw, nil, new(scratch))
		checkSpans(t, "paragraph", c.paras, 0, len(c.text))
		// The cleaner unescapes entities only when the text looks like HTML,
		// so a word may come from the raw or the unescaped input; it must
		// come from one of them.
		in := wordNorms(html.UnescapeString(raw))
		for w := range wordNorms(raw) {
			in[w] = true
		}
		for w := range wordNorms(c.text) {
			if !in[w] {
				t.Fatalf("cleaned text has word %q not in the input %q (cleaned %q)", w, raw, c.text)
			}
		}
	})
}

func FuzzSplitSentences(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		p := span{0, len(text)}
		sents := appendSentences(nil, text, p)
		checkSpans(t, "sentence", sents, 0, len(text))
		in := wordNorms(text)
		for _, s := range sents {
			if s.Start == s.End {
				t.Fatalf("empty sentence at %d", s.Start)
			}
			for w := range wordNorms(text[s.Start:s.End]) {
				if !in[w] {
					t.Fatalf("sentence word %q not in the paragraph %q", w, text)
				}
			}
		}
	})
}

func FuzzFindQuotes(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		c := clean(raw, nil, new(scratch))
		segs, n := findQuotes(nil, c.text, c.paras)
		spans := make([]span, len(segs))
		lastID := -1
		for i, s := range segs {
			spans[i] = s.span
			if s.id < lastID || s.id > lastID+1 {
				t.Fatalf("quote ids not consecutive: %d after %d", s.id, lastID)
			}
			lastID = s.id
			if !insideOne(c.paras, s.span) {
				t.Fatalf("quote segment %v crosses a paragraph boundary", s.span)
			}
		}
		checkSpans(t, "quote", spans, 0, len(c.text))
		if n < 0 || n > lastID+1 {
			t.Fatalf("quotes = %d with %d ids", n, lastID+1)
		}
		// wordsInQuotes counts what inQuote finds token by token.
		toks := lexicon.Tokenize(c.text)
		want := 0
		for _, tok := range toks {
			if tok.Kind == lexicon.Word && inQuote(segs, tok.Start, tok.End) {
				want++
			}
		}
		if got := wordsInQuotes(toks, segs); got != want {
			t.Fatalf("wordsInQuotes = %d, inQuote finds %d", got, want)
		}
	})
}

func insideOne(paras []span, s span) bool {
	for _, p := range paras {
		if s.Start >= p.Start && s.End <= p.End {
			return true
		}
	}
	return false
}

func FuzzExtract(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, s)
	}
	m := testMatcher(f, testLexicon)
	f.Fuzz(func(t *testing.T, title, text string) {
		opt := DefaultOptions()
		opt.KeepMatches = true
		in := Input{Title: title, Text: text}
		sc := Extract(in, m, opt)
		// The pool hands Extract memory left by earlier inputs; the result
		// must be what fresh memory gives.
		if diff := cmp.Diff(extract(in, m, opt, new(scratch)), sc); diff != "" {
			t.Fatalf("pooled and fresh scratch differ (-fresh +pooled):\n%s", diff)
		}
		if sc.Coverage < 0 || sc.Coverage > 1 || sc.QuotedTokenShare < 0 || sc.QuotedTokenShare > 1 {
			t.Fatalf("share out of [0,1]: coverage %v quoted %v", sc.Coverage, sc.QuotedTokenShare)
		}
		for _, fr := range sc.Frames {
			if fr.HasFirst && (fr.FirstPosition < 0 || fr.FirstPosition >= 1) {
				t.Fatalf("first position %v", fr.FirstPosition)
			}
		}
		for _, mr := range sc.Matches {
			if mr.Matched == "" || strings.ContainsAny(mr.Left+mr.Matched+mr.Right, "\n\t") {
				t.Fatalf("match context %q | %q | %q", mr.Left, mr.Matched, mr.Right)
			}
		}
		if sc.NAnonymousAttributions > sc.NAttributions {
			t.Fatalf("anonymous %d > attributions %d", sc.NAnonymousAttributions, sc.NAttributions)
		}
		for _, st := range sc.Stance {
			checkStance(t, st)
		}
		_ = Explain(in, m, nil)
	})
}

// checkStance asserts what holds for every Stance: masses are not negative,
// the combined masses are the sums of the voices, stances are in [−1, 1] and
// defined exactly when there is mass, and an actor speaks at most as often
// as it is mentioned.
func checkStance(t *testing.T, st Stance) {
	t.Helper()
	for _, v := range []Voice{st.Authorial, st.Quoted, {st.Positive, st.Negative, st.Stance, st.HasStance}} {
		if v.Positive < 0 || v.Negative < 0 || v.Stance < -1 || v.Stance > 1 || v.HasStance != (v.Positive+v.Negative > 0) {
			t.Fatalf("%s: voice %+v", st.Actor, v)
		}
	}
	if st.Positive != st.Authorial.Positive+st.Quoted.Positive || st.Negative != st.Authorial.Negative+st.Quoted.Negative {
		t.Fatalf("%s: combined %v/%v is not authorial + quoted (%+v, %+v)", st.Actor, st.Positive, st.Negative, st.Authorial, st.Quoted)
	}
	if st.Attributions > st.Mentions || st.Mentions < 1 {
		t.Fatalf("%s: %d attributions, %d mentions", st.Actor, st.Attributions, st.Mentions)
	}
}
