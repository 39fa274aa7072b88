// Package features measures how one news article frames its story, given a
// compiled lexicon. Extract is a pure function of the article text, the
// matcher and the options: no I/O, no globals that change, no clock. That is
// what lets the pipeline run it on any worker, in any order, and get the same
// numbers.
//
// The steps, each in its own file:
//
//   - clean.go, html.go, boilerplate.go: strip HTML, remove boilerplate lines
//     and repeated paragraphs, and count what was removed;
//   - structure.go: paragraphs and sentences (abbreviation-aware);
//   - quotes.go, attribution.go: quotations (also across paragraphs) and
//     attributions ("said", "according to"), named or anonymous;
//   - score.go: frame hits weighted by position (title, lead, body);
//   - stance.go: tone toward each actor, a transparent lexicon measure
//     described in docs/stance.md;
//   - explain.go: the cleaned text with every match marked, for
//     `framing lexicon explain`.
//
// Paragraphs: when the text has a blank line anywhere, blank lines separate
// paragraphs and single newlines are spaces; when it has none, every line is
// a paragraph (see clean). The title is sentence 0 when present.
//
// All offsets are byte offsets into the cleaned title or cleaned text, and all
// counts of "tokens" are lexicon.Tokenize Word tokens unless a comment says
// otherwise.
package features
