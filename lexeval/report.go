package lexeval

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"framing/lexicon"
)

// WriteJSON writes the report as indented JSON; figures the data cannot
// give are null.
func (r Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// WriteText writes the report as tables for a terminal: one line per
// dimension, then for each its false-positive drivers and candidates.
func (r Report) WriteText(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "lexicon %s %s (sha256 %.12s), label %q: %d articles used, %d with other labels, %d rejects\n",
		r.Lexicon, r.LexiconVersion, r.LexiconSHA256, r.Label, r.Articles, r.Unused, r.Rejects)
	fmt.Fprintf(tw, "AUC of per_1k, %g%% interval from %d stratified bootstrap resamples (seed %d)\n\n", 100*r.Level, r.Resamples, r.Seed)
	fmt.Fprintln(tw, "dimension\tn_pos\tn_neg\tmean_pos\tmean_neg\tAUC\tinterval\tany hit P/R/F1\tbest per_1k≥\tbest P/R/F1\tpos without hit\t")
	for _, d := range r.Dimensions {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%s\t%s\t%s\t[%s, %s]\t%s\t%.2f\t%s\t%s\t\n", d.Dimension, d.NPos, d.NNeg,
			num(d.MeanPos, 2), num(d.MeanNeg, 2), num(d.AUC, 3), num(d.AUCLow, 3), num(d.AUCHigh, 3),
			prf(d.AnyHit), d.Best.Threshold, prf(d.Best), pct(d.NoHitShare))
	}
	for _, d := range r.Dimensions {
		fmt.Fprintf(tw, "\n%s: positive %s; negative %s\n", d.Dimension, strings.Join(d.Positive, ", "), strings.Join(d.Negative, ", "))
		fmt.Fprintln(tw, "  false-positive drivers\tnegative articles\thits\tpositive articles\t")
		for _, e := range d.FalsePositives {
			fmt.Fprintf(tw, "  %s\t%d\t%d\t%d\t\n", e.Entry, e.Docs, e.Hits, e.PosDocs)
		}
		fmt.Fprintln(tw, "  candidate entries (not yet matched)\tn_pos\tn_neg\tG2\tlog_ratio\t")
		for _, c := range d.Candidates {
			fmt.Fprintf(tw, "  %s\t%d\t%d\t%.1f\t%.2f\t\n", c.Term, c.NPos, c.NNeg, c.G2, c.LogRatio)
		}
	}
	return tw.Flush()
}

func num(x *float64, prec int) string {
	if x == nil {
		return "-"
	}
	return fmt.Sprintf("%.*f", prec, *x)
}

func pct(x *float64) string {
	if x == nil {
		return "-"
	}
	return fmt.Sprintf("%.1f%%", 100**x)
}

func prf(c Classification) string {
	return fmt.Sprintf("%.2f/%.2f/%.2f", c.Precision, c.Recall, c.F1)
}

// DiffReport is what `framing lexicon diff` shows: the changes from A to
// B and, with a corpus, their effect on scores.
type DiffReport struct {
	A       string   `json:"a"` // name version (sha256 prefix)
	B       string   `json:"b"`
	Changes []Change `json:"changes"`
	Inputs  []string `json:"inputs,omitempty"`
	Effects []Effect `json:"effects,omitempty"`
}

// Describe names a lexicon for a diff report.
func Describe(l *lexicon.Lexicon) string {
	return fmt.Sprintf("%s %s (sha256 %.12s)", l.Name, l.Version, l.SHA256())
}

// WriteJSON writes the diff report as indented JSON.
func (r DiffReport) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// WriteText writes one line per section that changed (+ added, − removed,
// ~ weight old→new), then the effect on each dimension's per_1k.
func (r DiffReport) WriteText(w io.Writer) error {
	fmt.Fprintf(w, "A: %s\nB: %s\n", r.A, r.B)
	if len(r.Changes) == 0 {
		fmt.Fprintln(w, "no change to any entry")
	}
	for i := 0; i < len(r.Changes); {
		sec := r.Changes[i].Section
		var parts []string
		for ; i < len(r.Changes) && r.Changes[i].Section == sec; i++ {
			c := r.Changes[i]
			switch c.Kind {
			case "added":
				parts = append(parts, "+"+c.Entry)
			case "removed":
				parts = append(parts, "-"+c.Entry)
			default:
				parts = append(parts, fmt.Sprintf("~%s %g→%g", c.Entry, c.Old, c.New))
			}
		}
		fmt.Fprintf(w, "%s: %s\n", sec, strings.Join(parts, ", "))
	}
	if r.Effects == nil {
		return nil
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "\neffect on per_1k over %s\ndimension\tarticles\tpearson\tmean A\tmean B\tshift\tmoved most (id: A→B)\t\n", strings.Join(r.Inputs, ", "))
	for _, e := range r.Effects {
		var mv []string
		for _, m := range e.Movers {
			mv = append(mv, fmt.Sprintf("%s: %.1f→%.1f", m.ID, m.A, m.B))
		}
		fmt.Fprintf(tw, "%s\t%d\t%s\t%.2f\t%.2f\t%+.2f\t%s\t\n", e.Dimension, e.N, num(e.Pearson, 3), e.MeanA, e.MeanB, e.Shift, strings.Join(mv, "; "))
	}
	return tw.Flush()
}
