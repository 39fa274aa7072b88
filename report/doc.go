// Package report writes one self-contained HTML page about one statistics
// window of a framing output: findings in words (coverage, each outlet's
// most over-used frame, the strongest significant differences, rejects and
// date warnings, the lexicon) above charts drawn as inline SVG: an outlet ×
// dimension heat map, outlets ranked with their intervals, trends by
// publication date, over-used lexicon entries, the PCA map and stance by
// actor and outlet. It reads the tables through package output and needs
// nothing at view time: no script, no font, no network.
package report
