package model

import (
	"math"
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
func OneWayANOVA(groups [][]float64) ANOVA {
	if note := valuesNote(groups...); note != "" {
		return ANOVA{F: nan(), DF1: nan(), DF2: nan(), P: nan(), Eta2: nan(), Note: note}
	}
	return OneWayANOVAFromMoments(groupMoments(groups))
}

// WelchANOVA is Welch's (1951) heteroscedastic F test, as R's oneway.test(var.equal = FALSE).
func WelchANOVA(groups [][]float64) ANOVA {
	if note := valuesNote(groups...); note != "" {
		return ANOVA{F: nan(), DF1: nan(), DF2: nan(), P: nan(), Eta2: nan(), Note: note}
	}
	return WelchANOVAFromMoments(groupMoments(groups))
}

// groupMoments returns the Moments of every group.
func groupMoments(groups [][]float64) []Moments {
	ms := make([]Moments, 0, len(groups))
	for _, g := range groups {
		ms = append(ms, MomentsOf(g))
	}
	return ms
}

// anovaParts are the sums an ANOVA is computed from: the non-empty groups, their pooled
// Moments, and the between- and within-group sums of squares.
type anovaParts struct {
	kept     []Moments
	all      Moments
	ssb, ssw float64
}

// anovaBase drops empty groups, checks the Moments and shapes and fills N, Groups, DF1 and
// Eta2. parts.kept is nil when the test is undefined (a.Note says why).
func anovaBase(ms []Moments) (ANOVA, anovaParts) {
	a := ANOVA{F: nan(), DF1: nan(), DF2: nan(), P: nan(), Eta2: nan()}
	var parts anovaParts
	var kept []Moments
	for _, m := range ms {
		if note := momentsNote(m); note != "" {
			a.Note = note
			return a, anovaParts{}
		}
		if m.N > 0 {
			kept = append(kept, m)
			parts.all.Merge(m)
		}
	}
	a.N, a.Groups = int(parts.all.N), len(kept)
	switch {
	case a.N == 0:
		a.Note = NoteEmpty
		return a, anovaParts{}
	case len(kept) < 2:
		a.Note = NoteOneGroup
		return a, anovaParts{}
	}
	a.DF1 = float64(len(kept) - 1)
	for _, m := range kept {
		parts.ssw += m.M2
	}
	// SS_total = SS_within + SS_between (Chan et al. merge); a negative difference is rounding.
	parts.ssb = math.Max(0, parts.all.M2-parts.ssw)
	if parts.all.flat() {
		a.Note = NoteZeroVariance
		return a, anovaParts{}
	}
	a.Eta2 = parts.ssb / parts.all.M2
	parts.kept = kept
	return a, parts
}

// momentsNote checks Moments given by a caller: NoteNonFinite for a non-finite count, mean
// or M2, NoteBadMoments for a negative or fractional count or a negative M2, NoteMagnitude
// for a mean or standard deviation outside the supported magnitude.
func momentsNote(m Moments) string {
	switch {
	case !isFiniteMoments(m) || math.IsNaN(m.N) || math.IsInf(m.N, 0):
		return NoteNonFinite
	case m.N < 0 || m.N > 1<<53 || m.N != math.Trunc(m.N) || m.M2 < 0:
		return NoteBadMoments
	}
	return valuesNote([]float64{m.Mean, math.Sqrt(m.M2 / math.Max(m.N, 1))})
}

// OneWayANOVAFromMoments is OneWayANOVA on per-group Moments:
// F = (SSB/(k−1)) / (SSW/(N−k)) with SSW = Σ M2ᵢ (Fisher; R oneway.test source).
func OneWayANOVAFromMoments(ms []Moments) ANOVA {
	a, parts := anovaBase(ms)
	if parts.kept == nil {
		return a
	}
	a.DF2 = float64(a.N - len(parts.kept))
	switch {
	case a.DF2 < 1:
		a.Note = NoteNoResidualDF
		return a
	case negligible(parts.ssw, parts.all.N, parts.all.sumSq()):
		a.Note = NoteZeroVariance
		return a
	}
	a.F = (parts.ssb / a.DF1) / (parts.ssw / a.DF2)
	return a.test()
}

// test fills P from F, DF1 and DF2; a value out of its range makes F and P NaN with a Note.
func (a ANOVA) test() ANOVA {
	var note string
	if a.P, note = upperF(a.F, a.DF1, a.DF2); note != "" {
		a.F, a.DF2 = nan(), nan()
		a.Note = addNote(a.Note, note)
	}
	return a
}

// WelchANOVAFromMoments is WelchANOVA on per-group Moments. With wᵢ = nᵢ/sᵢ², W = Σwᵢ,
// m = Σwᵢmᵢ/W and tmp = Σ(1−wᵢ/W)²/(nᵢ−1)/(k²−1): F = Σwᵢ(mᵢ−m)² / ((k−1)(1+2(k−2)tmp)),
// DF2 = 1/(3 tmp) (Welch 1951; R oneway.test source). Every group needs n ≥ 2 and a
// positive variance, else Note is NoteGroupTooFew or NoteGroupZeroVar.
func WelchANOVAFromMoments(ms []Moments) ANOVA {
	a, parts := anovaBase(ms)
	kept := parts.kept
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
		if m.flat() {
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
	return a.test()
}
