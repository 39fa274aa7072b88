package features

import (
	"sync"
	"unsafe"

	"framing/lexicon"
)

// scratch is the working memory of one article: the cleaned text and its
// lowered copy, the token, match and sentence blocks of doc and the smaller
// buffers of clean, the sentence splitter, the quote finder, attributions
// and the frame scorer. Extract and Explain take one from scratchPool and
// give it back when they return, so that the next article reuses the memory
// instead of allocating and zeroing it again; before, that was more than
// half the bytes Extract allocated.
//
// Nothing a caller gets points into it. The strings of Scores are strings of
// the matcher or of the input, or copies (Term.Matched, MatchRow.Matched,
// Left and Right); the slices of
// Scores are made per call. The cleaned and lowered texts are strings over
// scratch bytes (scratchString), and so are the tokens' strings cut from
// them: they must not outlive the call.
type scratch struct {
	text      []byte          // clean: the cleaned text being built (doc.body.text)
	lower     []byte          // the cleaned text with ASCII letters lowered
	toks      []lexicon.Token // doc.tokBuf
	matches   []lexicon.Match // doc.matchBuf
	sentences []sentence      // doc.sentences
	quotes    []quoteSeg      // doc.quotes
	spans     []span          // the sentences of one paragraph
	words     []int32         // the word tokens of one sentence, for attributions
	cover     []bool          // the covered tokens of one sentence, for frameScorer
	target    targeter        // the token places and mentions of one sentence, for stance
	shares    []toneShare     // the tone shares of one sentence, for stance
	paraSpans []span          // clean: the paragraphs of the cleaned text
	dedup     paraSet         // clean: the paragraphs seen, by hash
}

// scratchString returns the bytes of b as a string without copying them.
// The string is valid only while b's memory is not written again: b must be
// scratch that is reused no sooner than the next article, and a string cut
// from the result that must last longer is copied (strings.Clone). This
// spares two copies of every article's text.
func scratchString(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }

// maxScratchBytes bounds each buffer that goes back to the pool: an article
// far larger than the rest must not pin its buffers for the rest of the run.
const maxScratchBytes = 4 << 20

// scratchPool holds scratch for reuse. It is a cache, not state: what
// Extract returns does not depend on which scratch it got.
var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

func getScratch() *scratch { return scratchPool.Get().(*scratch) }

// keep takes back the blocks of d, which may have been regrown while
// analyzing, and empties every buffer with reuse for the next article. d
// must not be used after. The token and match blocks are only truncated,
// not zeroed: their strings point into the scratch texts, the matcher and
// the article's title, so they keep nothing large alive, and zeroing them
// cost more than all the rest of keep.
func (sc *scratch) keep(d *doc) {
	sc.toks, sc.matches, sc.sentences, sc.quotes = d.tokBuf, d.matchBuf, d.sentences, d.quotes
	*d = doc{}
	sc.text = truncate(sc.text)
	sc.lower = truncate(sc.lower)
	sc.toks = truncate(sc.toks)
	sc.matches = truncate(sc.matches)
	sc.sentences = reuse(sc.sentences)
	sc.quotes = reuse(sc.quotes)
	sc.spans = reuse(sc.spans)
	sc.words = reuse(sc.words)
	sc.cover = reuse(sc.cover)
	sc.target.places = reuse(sc.target.places)
	sc.target.mentions = reuse(sc.target.mentions)
	sc.shares = reuse(sc.shares)
	sc.paraSpans = reuse(sc.paraSpans)
}

// truncate empties b for the next article without zeroing it; a backing
// array over maxScratchBytes is dropped.
func truncate[T any](b []T) []T {
	var zero T
	if uintptr(cap(b))*unsafe.Sizeof(zero) > maxScratchBytes {
		return nil
	}
	return b[:0]
}

// reuse empties b for the next article: its used elements are zeroed, so
// that the pool does not keep the last article's text alive through the
// strings and slices they hold, and a backing array over maxScratchBytes is
// dropped.
func reuse[T any](b []T) []T {
	var zero T
	if uintptr(cap(b))*unsafe.Sizeof(zero) > maxScratchBytes {
		return nil
	}
	clear(b)
	return b[:0]
}

// reserve returns b emptied with room for n elements, reusing its backing
// array when it is large enough.
func reserve[T any](b []T, n int) []T {
	if cap(b) < n {
		return make([]T, 0, n)
	}
	return b[:0]
}
