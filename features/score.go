package features

import (
	"cmp"
	"regexp"
	"slices"
	"strings"

	"framing/lexicon"
)

// Input is one article as the pipeline hands it over. Outlet may be empty or
// "unknown"; Extract then looks for the outlet in a feed footer.
type Input struct {
	Title, Text, Outlet string
}

// Options tune Extract. The position weights say how much more a frame term
// counts in the title and lead than in the body, because readers who stop
// after the headline or the first paragraph meet only those.
type Options struct {
	TitleWeight, LeadWeight, BodyWeight float64
	// Boilerplate are extra whole-line patterns (see CompileBoilerplate),
	// applied in addition to the built-in ones.
	Boilerplate []*regexp.Regexp
	// KeepMatches fills Scores.Matches, one row per frame hit, for audit.
	KeepMatches bool
}

// Default position weights; see DefaultOptions.
const (
	DefaultTitleWeight = 2.0
	DefaultLeadWeight  = 1.5
	DefaultBodyWeight  = 1.0
)

// DefaultOptions returns the documented weights (title 2, lead 1.5, body 1),
// no extra boilerplate and no match rows. Extract also falls back to these
// weights when all three weights are zero, so a zero Options is safe.
func DefaultOptions() Options {
	return Options{TitleWeight: DefaultTitleWeight, LeadWeight: DefaultLeadWeight, BodyWeight: DefaultBodyWeight}
}

// Scores are the measurements of one article. Counts describe the cleaned
// text, so that a reader can redo any ratio from them.
type Scores struct {
	Outlet       string
	OutletSource string // "input", or "footer" when read from "The post … appeared first on X."

	HTMLStripped               bool
	BoilerplateLinesRemoved    int
	DuplicateParagraphsRemoved int

	NParagraphs int // paragraphs of the cleaned text (the title is not one)
	NSentences  int // sentences of the title (one, when present) and the cleaned text
	// NTokens counts the lexicon.Tokenize Word tokens of the cleaned title and
	// the cleaned text: punctuation is excluded and the count does not depend
	// on the lexicon, so rates are comparable across lexicons.
	NTokens int
	// Coverage is the share of word tokens inside any dimension match, 0 to 1.
	Coverage float64

	NQuotes                int     // quotations; one running over paragraphs counts once
	QuotedTokenShare       float64 // word tokens inside quotations of the text (not the title) / NTokens
	NAttributions          int     // attribution verbs near a source, in the text (see attributions)
	NAnonymousAttributions int     // of those, attributed to an unnamed source

	Frames  []Frame    // one per dimension, in Matcher.Dimensions order
	Terms   []Term     // per dimension and entry with hits, dimension order then entry
	Stance  []Stance   // per actor mentioned, in Matcher.Actors order
	Matches []MatchRow // one per frame hit, only with Options.KeepMatches
}

// Frame is the salience of one dimension in one article.
type Frame struct {
	Dimension       string
	Hits            int // matches of the dimension's terms, title included
	NegatedHits     int // of those, with a negator just before them
	DistinctEntries int // different entries among the hits
	TitleHits       int
	LeadHits        int // in the lead: first paragraph, at most its first 3 sentences
	QuotedHits      int // inside quotations: the sources' framing, not the outlet's
	Per1k           float64
	Share           float64 // Hits / all frame hits of the article
	HasShare        bool    // false when the article has no frame hits at all
	// WeightedScore sums entry weight × position weight over the hits.
	// Negated hits count too: "not a security threat" still invokes security.
	WeightedScore float64
	// FirstPosition is the word-token ordinal of the first hit's first token
	// divided by NTokens: 0 is the start of the title, near 1 the end.
	FirstPosition float64
	HasFirst      bool
}

// Term is one lexicon entry's hits, so a researcher can see which words drive
// a dimension.
type Term struct {
	Dimension, Entry string
	Matched          string // first surface form seen, as in the cleaned text
	Hits             int
	NegatedHits      int
}

// Stance is the tone aimed at one actor in one article; see docs/stance.md
// for what it does and does not measure. Positive, Negative and Stance
// combine both voices, so that they stay comparable with earlier versions'
// columns; Authorial and Quoted split them.
type Stance struct {
	Actor              string
	Mentions           int
	Positive, Negative float64 // Authorial plus Quoted
	Stance             float64 // (Positive − Negative) / (Positive + Negative)
	HasStance          bool    // false when Positive + Negative = 0
	// Authorial is the tone outside quotations: the outlet's own voice.
	Authorial Voice
	// Quoted is the tone inside quotations: what the article's sources say.
	Quoted Voice
	// Attributions counts the actor's mentions as the source of an
	// attribution ("Trump said", "… ," said Trump): how often the actor
	// speaks in the article rather than being spoken about.
	Attributions int
}

// Voice is the tone of one voice toward an actor.
type Voice struct {
	Positive, Negative float64
	Stance             float64 // (Positive − Negative) / (Positive + Negative)
	HasStance          bool    // false when Positive + Negative = 0
}

// MatchRow is one frame hit, for auditing a score down to the words.
// Sentence counts through the article with the title as sentence 0 when the
// title is not empty. TokenStart and TokenEnd count all tokens (words and
// punctuation) through the article, title first. Matched is the hit as
// written in the cleaned text; Left and Right are up to ContextWords words
// before and after it, as quanteda's kwic() shows a keyword in context.
type MatchRow struct {
	Sentence, TokenStart, TokenEnd int
	Dimension, Entry               string
	Weight                         float64
	Negated                        bool
	Matched, Left, Right           string
}

// sentence is one analyzed sentence of the title or the cleaned text.
type sentence struct {
	title    bool
	span     span            // in the title or the cleaned text
	toks     []lexicon.Token // offsets in the title or the cleaned text
	matches  []lexicon.Match
	lead     bool
	tokBase  int // article-wide index of toks[0]
	wordBase int // article-wide word ordinal of the first word token
	quoted   bool
}

// wordOrdinal returns the article-wide word ordinal of token k: the word
// tokens before it in the article. It counts, so it is for the few tokens
// that need it (the first hit of a dimension), not for every token.
func (s *sentence) wordOrdinal(k int) int {
	n := s.wordBase
	for _, t := range s.toks[:k] {
		if t.Kind == lexicon.Word {
			n++
		}
	}
	return n
}

// doc is an analyzed article, shared by Extract and Explain.
type doc struct {
	title     string
	body      cleaned
	sentences []sentence
	quotes    []quoteSeg
	nQuotes   int
	nWords    int
	tokBuf    []lexicon.Token // backing store of the sentences' toks
	matchBuf  []lexicon.Match // backing store of the sentences' matches
}

// analyze cleans, splits, tokenizes and matches the article. The blocks of
// the returned doc are cut from sc; see scratch.keep.
func analyze(in Input, m *lexicon.Matcher, user []*regexp.Regexp, sc *scratch) doc {
	d := doc{title: cleanTitle(in.Title), body: clean(in.Text, user, sc)}
	nt := (len(d.title)+len(d.body.text))/lexicon.TokenBytes + 1
	d.tokBuf, d.matchBuf = reserve(sc.toks, nt), sc.matches[:0]
	d.sentences = reserve(sc.sentences, len(d.body.text)/sentenceBytes+2)
	d.quotes, d.nQuotes = findQuotes(sc.quotes[:0], d.body.text, d.body.paras)
	if d.title != "" {
		d.add(m, sentence{title: true, span: span{0, len(d.title)}}, d.title, lexicon.LowerASCII(d.title))
	}
	// Lowered once per article, not once per sentence by the tokenizer.
	sc.lower = lexicon.AppendLowerASCII(sc.lower[:0], d.body.text)
	lowered := scratchString(sc.lower)
	for pi, p := range d.body.paras {
		sc.spans = appendSentences(sc.spans[:0], d.body.text, p)
		for si, s := range sc.spans {
			d.add(m, sentence{span: s, lead: pi == 0 && si < 3}, d.body.text, lowered)
		}
	}
	return d
}

// add tokenizes and matches s (a span of src) and appends it. lowered is
// lexicon.LowerASCII(src).
func (d *doc) add(m *lexicon.Matcher, s sentence, src, lowered string) {
	n := len(d.tokBuf)
	d.tokBuf = lexicon.AppendSpanTokens(d.tokBuf, src, lowered, s.span.Start, s.span.End)
	s.toks = d.tokBuf[n:len(d.tokBuf):len(d.tokBuf)]
	s.tokBase, s.wordBase = 0, d.nWords
	if n := len(d.sentences); n > 0 {
		last := d.sentences[n-1]
		s.tokBase = last.tokBase + len(last.toks)
	}
	for i := range s.toks {
		if s.toks[i].Kind == lexicon.Word {
			d.nWords++
		}
	}
	if !s.title {
		s.quoted = overlapsQuote(d.quotes, s.span)
	}
	if m != nil {
		n := len(d.matchBuf)
		d.matchBuf = m.AppendMatches(d.matchBuf, s.toks)
		s.matches = d.matchBuf[n:len(d.matchBuf):len(d.matchBuf)]
	}
	d.sentences = append(d.sentences, s)
}

// sentenceBytes is about how many bytes of news text make one sentence; it
// sizes doc.sentences so that appending them rarely regrows the slice.
const sentenceBytes = 100

// cleanTitle strips markup from the title and collapses its whitespace.
func cleanTitle(t string) string {
	if looksLikeHTML(t) {
		t = stripHTML(t)
	}
	return strings.Join(strings.Fields(t), " ")
}

func overlapsQuote(segs []quoteSeg, s span) bool {
	for _, q := range segs {
		if q.Start < s.End && s.Start < q.End {
			return true
		}
	}
	return false
}

// Extract measures one article. It is pure and deterministic: the same
// input, matcher and options always give the same Scores, which is what lets
// the pipeline shard the corpus. A nil matcher gives the structural counts
// with no frames, terms or stance. Extract never panics on input text. It
// reuses working memory from earlier calls (see scratch), which the Scores
// it returns never share.
func Extract(in Input, m *lexicon.Matcher, opt Options) Scores {
	buf := getScratch()
	defer scratchPool.Put(buf)
	return extract(in, m, opt, buf)
}

// extract is Extract with its working memory from buf.
func extract(in Input, m *lexicon.Matcher, opt Options, buf *scratch) Scores {
	if opt.TitleWeight == 0 && opt.LeadWeight == 0 && opt.BodyWeight == 0 {
		def := DefaultOptions()
		opt.TitleWeight, opt.LeadWeight, opt.BodyWeight = def.TitleWeight, def.LeadWeight, def.BodyWeight
	}
	d := analyze(in, m, opt.Boilerplate, buf)
	defer buf.keep(&d)
	sc := Scores{
		Outlet: in.Outlet, OutletSource: "input",
		HTMLStripped:               d.body.htmlStripped,
		BoilerplateLinesRemoved:    d.body.boilerplate,
		DuplicateParagraphsRemoved: d.body.duplicates,
		NParagraphs:                len(d.body.paras),
		NSentences:                 len(d.sentences),
		NTokens:                    d.nWords,
		NQuotes:                    d.nQuotes,
	}
	if o := strings.TrimSpace(in.Outlet); (o == "" || strings.EqualFold(o, "unknown")) && d.body.footerOutlet != "" {
		sc.Outlet, sc.OutletSource = d.body.footerOutlet, "footer"
	}
	quotedWords := 0
	inside := func(a, b int) bool { return inQuote(d.quotes, a, b) }
	words := buf.words
	for _, s := range d.sentences {
		if !s.title {
			var n, anon int
			n, anon, words = attributions(s.toks, s.quoted, inside, words)
			sc.NAttributions += n
			sc.NAnonymousAttributions += anon
		}
		if !s.title && s.quoted { // a sentence overlapping no quotation has no word inside one
			quotedWords += wordsInQuotes(s.toks, d.quotes)
		}
	}
	buf.words = words
	sc.QuotedTokenShare = ratio(quotedWords, d.nWords)
	if m != nil {
		scoreFrames(&sc, &d, m, opt, buf)
		sc.Stance = stance(&d, m.Actors(), buf)
	}
	return sc
}

// ratio is a/b, or 0 when b is 0.
func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// frameScorer accumulates frame hits into Scores.
type frameScorer struct {
	sc      *Scores
	d       *doc
	opt     Options
	index   map[string]int // dimension name → index in sc.Frames
	terms   map[[2]string]*Term
	total   int    // frame hits of all dimensions
	covered int    // word tokens inside a frame match
	cover   []bool // sentence's buffer, from scratch
}

// scoreFrames fills Frames, Terms, Coverage and Matches.
func scoreFrames(sc *Scores, d *doc, m *lexicon.Matcher, opt Options, buf *scratch) {
	dims := m.Dimensions()
	fs := frameScorer{sc: sc, d: d, opt: opt, index: make(map[string]int, len(dims)), terms: map[[2]string]*Term{},
		cover: buf.cover}
	sc.Frames = make([]Frame, len(dims))
	for i, name := range dims {
		fs.index[name] = i
		sc.Frames[i].Dimension = name
	}
	for si := range d.sentences {
		fs.sentence(si)
	}
	buf.cover = fs.cover
	sc.Coverage = ratio(fs.covered, d.nWords)
	for i := range sc.Frames {
		f := &sc.Frames[i]
		f.Per1k = ratio(f.Hits, d.nWords) * 1000
		if fs.total > 0 {
			f.Share, f.HasShare = float64(f.Hits)/float64(fs.total), true
		}
	}
	sc.Terms = sortedTerms(fs.terms, fs.index)
}

// sentence adds the frame hits of sentence si and counts the word tokens
// they cover (each token once, even under overlapping hits).
func (fs *frameScorer) sentence(si int) {
	s := &fs.d.sentences[si]
	fs.cover = append(fs.cover[:0], make([]bool, len(s.toks))...)
	cover := fs.cover
	for _, mt := range s.matches {
		di, ok := fs.index[mt.Set]
		if mt.Kind != lexicon.Frame || !ok || mt.Start < 0 || mt.End > len(s.toks) || mt.Start >= mt.End {
			continue
		}
		fs.hit(si, &fs.sc.Frames[di], mt)
		for i := mt.Start; i < mt.End; i++ {
			cover[i] = true
		}
	}
	for i, c := range cover {
		if c && s.toks[i].Kind == lexicon.Word {
			fs.covered++
		}
	}
}

// hit adds one frame match of sentence si to its dimension f.
func (fs *frameScorer) hit(si int, f *Frame, mt lexicon.Match) {
	s := &fs.d.sentences[si]
	src := fs.d.body.text
	if s.title {
		src = fs.d.title
	}
	fs.total++
	f.Hits++
	pw := fs.opt.BodyWeight
	switch {
	case s.title:
		f.TitleHits++
		pw = fs.opt.TitleWeight
	case s.lead:
		f.LeadHits++
		pw = fs.opt.LeadWeight
	}
	first, last := s.toks[mt.Start], s.toks[mt.End-1]
	if !s.title && inQuote(fs.d.quotes, first.Start, last.End) {
		f.QuotedHits++
	}
	f.WeightedScore += mt.Weight * pw
	if !f.HasFirst && fs.d.nWords > 0 {
		f.FirstPosition, f.HasFirst = float64(s.wordOrdinal(mt.Start))/float64(fs.d.nWords), true
	}
	key := [2]string{mt.Set, mt.Entry}
	t := fs.terms[key]
	if t == nil {
		// A copy: the cleaned text is scratch memory (see clean).
		t = &Term{Dimension: mt.Set, Entry: mt.Entry, Matched: strings.Clone(src[first.Start:last.End])}
		fs.terms[key] = t
		f.DistinctEntries++
	}
	t.Hits++
	if mt.Negated {
		f.NegatedHits++
		t.NegatedHits++
	}
	if fs.opt.KeepMatches {
		left, matched, right := fs.d.kwic(s.title, s.tokBase+mt.Start, s.tokBase+mt.End)
		// Copies: the cleaned text is scratch memory (see clean).
		fs.sc.Matches = append(fs.sc.Matches, MatchRow{Sentence: si, TokenStart: s.tokBase + mt.Start,
			TokenEnd: s.tokBase + mt.End, Dimension: mt.Set, Entry: mt.Entry, Weight: mt.Weight, Negated: mt.Negated,
			Matched: strings.Clone(matched), Left: strings.Clone(left), Right: strings.Clone(right)})
	}
}

// sortedTerms orders terms by dimension order, then entry.
func sortedTerms(terms map[[2]string]*Term, index map[string]int) []Term {
	out := make([]Term, 0, len(terms))
	for _, t := range terms {
		out = append(out, *t)
	}
	slices.SortFunc(out, func(a, b Term) int {
		return cmp.Or(cmp.Compare(index[a.Dimension], index[b.Dimension]), strings.Compare(a.Entry, b.Entry))
	})
	return out
}
