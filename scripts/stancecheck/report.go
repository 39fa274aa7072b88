package main

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"os"
)

// report prints one markdown table: per actor, AUC and Spearman on the
// whole corpus and on each half.
func report(w io.Writer, res []result, c config) {
	what := "with a stance toward the actor"
	if c.base == baseMention {
		what = "mentioning the actor"
	}
	fmt.Fprintf(w, "voice: %s; outlets need ≥ %d articles %s (≥ %d in a half); outlet figure: %s\n\n",
		c.voice, c.minArticles, what, (c.minArticles+1)/2, c.agg)
	fmt.Fprintln(w, "| actor | expected | AUC all (n exp/other) | AUC half A | AUC half B | ρ all (outlets, p) | ρ half A | ρ half B |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|---|")
	for i := 0; i+2 < len(res); i += 3 {
		a, h1, h2 := res[i], res[i+1], res[i+2]
		side := "right"
		if a.sign < 0 {
			side = "left"
		}
		fmt.Fprintf(w, "| %s | %s | %s (%d/%d) | %s | %s | %s | %s | %s |\n", a.actor, side,
			num(a.auc), a.nExpected, a.nOther, num(h1.auc), num(h2.auc), corr(a), corr(h1), corr(h2))
	}
}

func num(x float64) string {
	if math.IsNaN(x) {
		return "–"
	}
	return fmt.Sprintf("%.3f", x)
}

func corr(r result) string {
	return fmt.Sprintf("%+.2f (%d, p=%.3f)", r.rho, len(r.outlets), r.p)
}

// dump writes prefix-articles.tsv (every article's stance per actor),
// prefix-outlets.tsv (the outlet means) and prefix-results.tsv (the
// figures), which scripts/stancecheck/check.py recomputes with scipy and
// scikit-learn.
func dump(prefix string, all []scored, res []result, c config) error {
	err := writeTSV(prefix+"-articles.tsv", func(w *bufio.Writer) {
		fmt.Fprintln(w, "id\toutlet\tlean\tactor\tpositive\tnegative")
		voice := voices[c.voice]
		for _, a := range all {
			for _, st := range a.Stance {
				pos, neg := voice(st)
				fmt.Fprintf(w, "%s\t%s\t%d\t%s\t%.17g\t%.17g\n", a.ID, a.Outlet, a.Lean, st.Actor, pos, neg)
			}
		}
	})
	if err != nil {
		return err
	}
	err = writeTSV(prefix+"-outlets.tsv", func(w *bufio.Writer) {
		fmt.Fprintln(w, "actor\tsubset\toutlet\tlean\tn\tmean")
		for _, r := range res {
			for _, o := range r.outlets {
				fmt.Fprintf(w, "%s\t%s\t%s\t%d\t%d\t%.17g\n", r.actor, r.subset, o.outlet, o.lean, o.n, o.mean)
			}
		}
	})
	if err != nil {
		return err
	}
	return writeTSV(prefix+"-results.tsv", func(w *bufio.Writer) {
		fmt.Fprintln(w, "actor\tsubset\tsign\tmin\tauc\tn_expected\tn_other\trho\tp\tn_outlets\tbase\tagg")
		for _, r := range res {
			fmt.Fprintf(w, "%s\t%s\t%d\t%d\t%.17g\t%d\t%d\t%.17g\t%.17g\t%d\t%s\t%s\n", r.actor, r.subset, r.sign, r.min,
				r.auc, r.nExpected, r.nOther, r.rho, r.p, len(r.outlets), r.base, r.agg)
		}
	})
}

func writeTSV(path string, fill func(*bufio.Writer)) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	fill(w)
	if err := w.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}
