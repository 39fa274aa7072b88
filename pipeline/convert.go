package pipeline

import (
	"encoding/hex"
	"math"

	"framing/corpus"
	"framing/output"
)

// This file converts between the packages' types: corpus and features on one
// side, output's row types on the other. Only the pipeline knows both.

func articleRow(it item, j *job) output.ArticleRow {
	a, s := it.art, it.scores
	r := output.ArticleRow{
		RunDate:                    j.runDate,
		RunID:                      j.runID,
		ArticleID:                  a.ID,
		Outlet:                     s.Outlet,
		OutletSource:               s.OutletSource,
		Title:                      a.Title,
		URL:                        a.URL,
		Lang:                       optString(a.Lang),
		Source:                     a.Source(),
		ContentSHA256:              hex.EncodeToString(it.sha[:]),
		NTokens:                    int64(s.NTokens),
		NParagraphs:                int64(s.NParagraphs),
		NSentences:                 int64(s.NSentences),
		Coverage:                   finite(s.Coverage),
		HTMLStripped:               s.HTMLStripped,
		BoilerplateLinesRemoved:    int64(s.BoilerplateLinesRemoved),
		DuplicateParagraphsRemoved: int64(s.DuplicateParagraphsRemoved),
		NQuotes:                    int64(s.NQuotes),
		QuotedTokenShare:           finite(s.QuotedTokenShare),
		NAttributions:              int64(s.NAttributions),
		NAnonymousAttributions:     int64(s.NAnonymousAttributions),
	}
	if a.HasDate {
		d := output.DateOf(a.Published)
		r.Published = &d
	} else if a.RawDate != "" {
		r.DateRaw = optString(a.RawDate)
	}
	return r
}

func frameRows(it item, j *job) []output.FrameRow {
	rows := make([]output.FrameRow, 0, len(it.scores.Frames))
	for _, f := range it.scores.Frames {
		r := output.FrameRow{
			RunDate:         j.runDate,
			ArticleID:       it.art.ID,
			Outlet:          it.scores.Outlet,
			Dimension:       f.Dimension,
			Hits:            int64(f.Hits),
			NegatedHits:     int64(f.NegatedHits),
			DistinctEntries: int64(f.DistinctEntries),
			Per1k:           finite(f.Per1k),
			WeightedScore:   finite(f.WeightedScore),
			TitleHits:       int64(f.TitleHits),
			LeadHits:        int64(f.LeadHits),
			QuotedHits:      int64(f.QuotedHits),
		}
		if f.HasShare {
			r.Share = optFloat(f.Share)
		}
		if f.HasFirst {
			r.FirstPosition = optFloat(f.FirstPosition)
		}
		rows = append(rows, r)
	}
	return rows
}

func termRows(it item, j *job) []output.TermRow {
	rows := make([]output.TermRow, 0, len(it.scores.Terms))
	for _, t := range it.scores.Terms {
		rows = append(rows, output.TermRow{
			RunDate:     j.runDate,
			ArticleID:   it.art.ID,
			Outlet:      it.scores.Outlet,
			Dimension:   t.Dimension,
			Entry:       t.Entry,
			Matched:     t.Matched,
			Hits:        int64(t.Hits),
			NegatedHits: int64(t.NegatedHits),
		})
	}
	return rows
}

func stanceRows(it item, j *job) []output.StanceRow {
	rows := make([]output.StanceRow, 0, len(it.scores.Stance))
	for _, s := range it.scores.Stance {
		r := output.StanceRow{
			RunDate:   j.runDate,
			ArticleID: it.art.ID,
			Outlet:    it.scores.Outlet,
			Actor:     s.Actor,
			Mentions:  int64(s.Mentions),
			Positive:  finite(s.Positive),
			Negative:  finite(s.Negative),
		}
		if s.HasStance {
			r.Stance = optFloat(s.Stance)
		}
		rows = append(rows, r)
	}
	return rows
}

func matchRows(it item, j *job) []output.MatchRow {
	rows := make([]output.MatchRow, 0, len(it.scores.Matches))
	for _, m := range it.scores.Matches {
		rows = append(rows, output.MatchRow{
			RunDate:    j.runDate,
			ArticleID:  it.art.ID,
			Sentence:   int64(m.Sentence),
			TokenStart: int64(m.TokenStart),
			TokenEnd:   int64(m.TokenEnd),
			Dimension:  m.Dimension,
			Entry:      m.Entry,
			Weight:     finite(m.Weight),
			Negated:    m.Negated,
			Matched:    m.Matched,
			Left:       m.Left,
			Right:      m.Right,
		})
	}
	return rows
}

func rejectRow(e *corpus.RecordError, j *job) output.RejectRow {
	r := output.RejectRow{
		RunDate:   j.runDate,
		Source:    rejectSource(e),
		ArticleID: optString(e.ArticleID),
		Reason:    rejectReason(e),
	}
	if e.Line > 0 {
		l := int64(e.Line)
		r.Line = &l
	}
	return r
}

// rejectReason is the field and the reason, without the position that the
// source and line columns already hold.
func rejectReason(e *corpus.RecordError) string {
	if e.Field == "" {
		return e.Reason
	}
	return e.Field + ": " + e.Reason
}

// rejectSource is the reject's file, with its line when it has one.
func rejectSource(e *corpus.RecordError) string {
	return corpus.Article{File: e.File, Line: e.Line}.Source()
}

func optString(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func optFloat(x float64) *float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return nil
	}
	return &x
}

// finite guards non-nullable float columns: the scorer never produces NaN or
// Inf there, and if it ever did, 0 is written rather than poisoning Parquet.
func finite(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return 0
	}
	return x
}
