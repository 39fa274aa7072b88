package model

import (
	"math"

	"gonum.org/v1/gonum/mathext"
)

// ANOVA is a one-way analysis of variance of k groups: F on DF1 = k−1 and DF2 degrees of
// freedom (fractional for Welch), the upper-tail P, and Eta2 = SS_between/SS_total, the
// descriptive share of variance explained (Cohen 1973). Empty groups are ignored.
type ANOVA struct {
	F, DF1, DF2, P, Eta2 float64
	N, Groups            int
	Note                 string
}

// OneWayANOVA is the classical F test assuming equal variances, as R's
// oneway.test(var.equal = TRUE) and summary(aov(y ~ g)).
func OneWayANOVA(groups [][]float64) ANOVA { return OneWayANOVAFromMoments(groupMoments(groups)) }

// WelchANOVA is Welch's (1951) heteroscedastic F test, as R's oneway.test(var.equal = FALSE).
func WelchANOVA(groups [][]float64) ANOVA { return WelchANOVAFromMoments(groupMoments(groups)) }

// groupMoments returns the Moments of every group, or nil if a value is non-finite.
func groupMoments(groups [][]float64) []Moments {
	ms := make([]Moments, 0, len(groups))
	for _, g := range groups {
		if !allFinite(g) {
			return []Moments{{N: math.NaN()}}
		}
		ms = append(ms, MomentsOf(g))
	}
	return ms
}

// anovaBase drops empty groups, checks shapes and fills N, Groups, DF1, Eta2.
func anovaBase(ms []Moments) (ANOVA, []Moments, float64, float64) {
	a := ANOVA{F: nan(), DF1: nan(), DF2: nan(), P: nan(), Eta2: nan()}
	var kept []Moments
	var all Moments
	for _, m := range ms {
		if math.IsNaN(m.N) {
			a.Note = NoteNonFinite
			return a, nil, 0, 0
		}
		if m.N > 0 {
			kept = append(kept, m)
			all.Merge(m)
		}
	}
	a.N, a.Groups = int(all.N), len(kept)
	if a.N == 0 {
		a.Note = NoteEmpty
		return a, nil, 0, 0
	}
	if len(kept) < 2 {
		a.Note = NoteOneGroup
		return a, nil, 0, 0
	}
	a.DF1 = float64(len(kept) - 1)
	var ssw float64
	for _, m := range kept {
		ssw += m.M2
	}
	ssb := all.M2 - ssw // SS_total = SS_within + SS_between (Chan et al. merge)
	if ssb < 0 {
		ssb = 0
	}
	if all.M2 > 0 {
		a.Eta2 = ssb / all.M2
	}
	return a, kept, ssb, ssw
}

// OneWayANOVAFromMoments is OneWayANOVA on per-group Moments:
// F = (SSB/(k−1)) / (SSW/(N−k)) with SSW = Σ M2ᵢ (Fisher; R oneway.test source).
func OneWayANOVAFromMoments(ms []Moments) ANOVA {
	a, kept, ssb, ssw := anovaBase(ms)
	if kept == nil {
		return a
	}
	a.DF2 = float64(a.N - len(kept))
	switch {
	case a.DF2 < 1:
		a.Note = NoteNoResidualDF
		return a
	case !(ssw > 0):
		a.Note = NoteZeroVariance
		return a
	}
	a.F = (ssb / a.DF1) / (ssw / a.DF2)
	a.P = upperF(a.F, a.DF1, a.DF2)
	return a
}

// WelchANOVAFromMoments is WelchANOVA on per-group Moments. With wᵢ = nᵢ/sᵢ², W = Σwᵢ,
// m = Σwᵢmᵢ/W and tmp = Σ(1−wᵢ/W)²/(nᵢ−1)/(k²−1): F = Σwᵢ(mᵢ−m)² / ((k−1)(1+2(k−2)tmp)),
// DF2 = 1/(3 tmp) (Welch 1951; R oneway.test source). Every group needs n ≥ 2 and a
// positive variance, else Note is NoteGroupTooFew or NoteGroupZeroVar.
func WelchANOVAFromMoments(ms []Moments) ANOVA {
	a, kept, _, _ := anovaBase(ms)
	if kept == nil {
		return a
	}
	k := float64(len(kept))
	var sw, swm float64
	w := make([]float64, len(kept))
	for i, m := range kept {
		if m.N < 2 {
			a.Note = NoteGroupTooFew
			return a
		}
		if !(m.Var() > 0) {
			a.Note = NoteGroupZeroVar
			return a
		}
		w[i] = m.N / m.Var()
		sw += w[i]
		swm += w[i] * m.Mean
	}
	mw := swm / sw
	var num, tmp float64
	for i, m := range kept {
		num += w[i] * (m.Mean - mw) * (m.Mean - mw)
		u := 1 - w[i]/sw
		tmp += u * u / (m.N - 1)
	}
	tmp /= k*k - 1
	a.F = num / ((k - 1) * (1 + 2*(k-2)*tmp))
	a.DF2 = 1 / (3 * tmp)
	a.P = upperF(a.F, a.DF1, a.DF2)
	return a
}

// upperF is P(F(d1, d2) > f) = I_{d2/(d2+d1 f)}(d2/2, d1/2), computed directly rather
// than as 1 − CDF so that small p-values keep their precision (Abramowitz & Stegun 26.6.2).
func upperF(f, d1, d2 float64) float64 {
	if f <= 0 {
		return 1
	}
	return mathext.RegIncBeta(d2/2, d1/2, d2/(d2+d1*f))
}
