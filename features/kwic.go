package features

import (
	"strings"

	"framing/lexicon"
)

// ContextWords is how many word tokens of context a match row keeps on
// each side, as quanteda's kwic() does with its default window of 5.
const ContextWords = 5

// kwic returns the text of the tokens [start, end) of the article (indices
// into d.tokBuf, as MatchRow counts them) and up to ContextWords word tokens
// of context on each side, as written in the cleaned text with runs of white
// space made one space. Context stays within the match's part of the
// article: the title's context never reaches into the text, nor the other
// way round; it does cross sentences and paragraphs.
func (d *doc) kwic(title bool, start, end int) (left, match, right string) {
	src, lo, hi := d.body.text, d.titleTokens(), len(d.tokBuf)
	if title {
		src, lo, hi = d.title, 0, d.titleTokens()
	}
	toks := d.tokBuf
	from := start
	for words := 0; from > lo && words < ContextWords; {
		from--
		if toks[from].Kind == lexicon.Word {
			words++
		}
	}
	to := end
	for words := 0; to < hi && words < ContextWords; to++ {
		if toks[to].Kind == lexicon.Word {
			words++
		}
	}
	first, last := toks[start], toks[end-1]
	if from < start {
		left = oneLine(src[toks[from].Start:first.Start])
	}
	if to > end {
		right = oneLine(src[last.End:toks[to-1].End])
	}
	return left, oneLine(src[first.Start:last.End]), right
}

// titleTokens is how many tokens of d.tokBuf belong to the title.
func (d *doc) titleTokens() int {
	if len(d.sentences) > 0 && d.sentences[0].title {
		return len(d.sentences[0].toks)
	}
	return 0
}

// oneLine trims s and makes each run of white space one space, so that a
// context that spans paragraphs prints on one line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
