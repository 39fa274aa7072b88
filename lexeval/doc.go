// Package lexeval validates a lexicon against labelled articles and shows
// what a change between two lexicon versions does, for `framing lexicon
// evaluate` and `framing lexicon diff`.
//
// Evaluation answers Grimmer and Stewart's "validate, validate, validate"
// for a dictionary: for each dimension, does its per_1k separate articles
// whose label says the frame belongs (the positive labels) from articles
// on unrelated subjects (the negative labels)? It reports the AUC with a
// bootstrap interval, precision, recall and F1 at two thresholds, the
// entries that fire in negative articles, the share of positive articles
// the dimension misses, and candidate entries by keyness. It never edits
// the lexicon: the researcher decides. See docs/lexicon.md, "Validating a
// lexicon", for every definition.
//
// The package reads corpora (corpus), scores articles exactly as a run
// does (features) and takes its statistics from model; it writes nothing
// but the reports it is asked for.
package lexeval
