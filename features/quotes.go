package features

import (
	"unicode"
	"unicode/utf8"

	"framing/lexicon"
)

// quoteSeg is the inside of a quotation within one paragraph (quote marks
// excluded). A quotation running over several paragraphs has one segment per
// paragraph, all with the same id.
type quoteSeg struct {
	span
	id int
}

// findQuotes appends the double-quoted passages in the paragraphs of text
// to dst.
// Straight (") and typographic (“ ”) marks are recognized; a straight mark
// opens when no quote is open and closes otherwise, “ opens and ” closes, and
// a mark of the wrong kind for the state (“ inside an open quote, a stray ”)
// is ignored, so single-quoted nesting (“… ‘…’ …”) stays part of the outer
// quotation. A quote still open at the end of its paragraph continues into the
// next paragraph only when that paragraph opens with a quote mark (the
// newspaper convention for multi-paragraph quotes); otherwise it is closed at
// the paragraph end, so one unbalanced mark cannot make the rest of the
// article quoted. It returns dst with the segments in text order appended,
// and the number of quotations among them that contain a letter or digit.
func findQuotes(dst []quoteSeg, text string, paras []span) ([]quoteSeg, int) {
	segs := dst
	open, id, segStart := false, -1, 0
	for pi, p := range paras {
		i := p.Start
		if open { // continuing: skip the reopening mark
			_, size := utf8.DecodeRuneInString(text[i:])
			i += size
			segStart = i
		}
		for i < p.End {
			i = skipPlain1(text, i, p.End, '"')
			if i == p.End {
				break
			}
			if c := text[i]; c < utf8.RuneSelf && c != '"' {
				i++ // the common case: an ASCII byte that is no quote mark
				continue
			}
			r, size := utf8.DecodeRuneInString(text[i:])
			switch {
			case !open && (r == '"' || r == '“'):
				open, id, segStart = true, id+1, i+size
			case open && (r == '"' || r == '”'):
				segs = append(segs, quoteSeg{span{segStart, i}, id})
				open = false
			}
			i += size
		}
		if open {
			segs = append(segs, quoteSeg{span{segStart, p.End}, id})
			if pi+1 >= len(paras) || !opensWithQuote(text, paras[pi+1]) {
				open = false
			}
		}
	}
	return segs, countQuotes(text, segs[len(dst):])
}

// opensWithQuote reports whether paragraph p starts with a double quote mark.
func opensWithQuote(text string, p span) bool {
	r, _ := utf8.DecodeRuneInString(text[p.Start:p.End])
	return r == '"' || r == '“'
}

// countQuotes counts the distinct quotation ids whose segments contain a
// letter or digit: an empty or stray pair of marks is not a quotation.
func countQuotes(text string, segs []quoteSeg) int {
	n, last := 0, -1
	for _, s := range segs {
		if s.id == last {
			continue
		}
		for _, r := range text[s.Start:s.End] {
			if unicode.IsLetter(r) || unicode.IsNumber(r) {
				n, last = n+1, s.id
				break
			}
		}
	}
	return n
}

// inQuote reports whether the byte range [a, b) lies inside a segment.
// segs are sorted and disjoint, so a binary search would do; articles have
// few quotes, so a linear scan is clearer.
func inQuote(segs []quoteSeg, a, b int) bool {
	for _, s := range segs {
		if a >= s.Start && b <= s.End {
			return true
		}
		if s.Start > a {
			return false
		}
	}
	return false
}

// wordsInQuotes counts the word tokens of toks (in text order) that lie
// inside a segment, as inQuote decides for each, in one pass over both:
// segments are sorted and disjoint, so the one that can hold a token is
// the first that ends after the token starts.
func wordsInQuotes(toks []lexicon.Token, segs []quoteSeg) int {
	n, k := 0, 0
	for i := range toks {
		t := &toks[i]
		if t.Kind != lexicon.Word {
			continue
		}
		for k < len(segs) && segs[k].End <= t.Start {
			k++
		}
		if k < len(segs) && t.Start >= segs[k].Start && t.End <= segs[k].End {
			n++
		}
	}
	return n
}
