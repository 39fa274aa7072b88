package pipeline

import (
	"encoding/hex"

	"framing/corpus"
	"framing/features"
	"framing/output"
)

// This file converts between the packages' types: corpus and features on one
// side, output's row types on the other. Only the pipeline knows both.

// articleRows are the rows one accepted article adds to the article-level
// tables.
type articleRows struct {
	article output.ArticleRow
	frames  []output.FrameRow
	terms   []output.TermRow
	stance  []output.StanceRow
	matches []output.MatchRow // empty unless the scorer kept matches
}

// convert turns one scored article into its rows: a pure function of the
// article, the sha256 of its text, its scores and the run, so that another
// runner (a distributed one) can reuse it.
func convert(a corpus.Article, sha [32]byte, s features.Scores, runDate output.Date, runID string) articleRows {
	return articleRows{
		article: articleRow(a, sha, s, runDate, runID),
		frames:  frameRows(a.ID, s, runDate),
		terms:   termRows(a.ID, s, runDate),
		stance:  stanceRows(a.ID, s, runDate),
		matches: matchRows(a.ID, s, runDate),
	}
}

func articleRow(a corpus.Article, sha [32]byte, s features.Scores, runDate output.Date, runID string) output.ArticleRow {
	r := output.ArticleRow{
		RunDate:                    runDate,
		RunID:                      runID,
		ArticleID:                  a.ID,
		Outlet:                     s.Outlet,
		OutletSource:               s.OutletSource,
		Title:                      a.Title,
		URL:                        a.URL,
		Lang:                       output.NullString(a.Lang),
		Source:                     a.Source(),
		ContentSHA256:              hex.EncodeToString(sha[:]),
		NTokens:                    int64(s.NTokens),
		NParagraphs:                int64(s.NParagraphs),
		NSentences:                 int64(s.NSentences),
		Coverage:                   output.FiniteOrZero(s.Coverage),
		HTMLStripped:               s.HTMLStripped,
		BoilerplateLinesRemoved:    int64(s.BoilerplateLinesRemoved),
		DuplicateParagraphsRemoved: int64(s.DuplicateParagraphsRemoved),
		NQuotes:                    int64(s.NQuotes),
		QuotedTokenShare:           output.FiniteOrZero(s.QuotedTokenShare),
		NAttributions:              int64(s.NAttributions),
		NAnonymousAttributions:     int64(s.NAnonymousAttributions),
	}
	if a.HasDate {
		d := output.DateOf(a.Published)
		r.Published = &d
	} else if a.RawDate != "" {
		r.DateRaw = output.NullString(a.RawDate)
	}
	return r
}

func frameRows(id string, s features.Scores, runDate output.Date) []output.FrameRow {
	rows := make([]output.FrameRow, 0, len(s.Frames))
	for _, f := range s.Frames {
		r := output.FrameRow{
			RunDate:         runDate,
			ArticleID:       id,
			Outlet:          s.Outlet,
			Dimension:       f.Dimension,
			Hits:            int64(f.Hits),
			NegatedHits:     int64(f.NegatedHits),
			DistinctEntries: int64(f.DistinctEntries),
			Per1k:           output.FiniteOrZero(f.Per1k),
			WeightedScore:   output.FiniteOrZero(f.WeightedScore),
			TitleHits:       int64(f.TitleHits),
			LeadHits:        int64(f.LeadHits),
			QuotedHits:      int64(f.QuotedHits),
		}
		if f.HasShare {
			r.Share = output.NullFloat(f.Share)
		}
		if f.HasFirst {
			r.FirstPosition = output.NullFloat(f.FirstPosition)
		}
		rows = append(rows, r)
	}
	return rows
}

func termRows(id string, s features.Scores, runDate output.Date) []output.TermRow {
	rows := make([]output.TermRow, 0, len(s.Terms))
	for _, t := range s.Terms {
		rows = append(rows, output.TermRow{
			RunDate:     runDate,
			ArticleID:   id,
			Outlet:      s.Outlet,
			Dimension:   t.Dimension,
			Entry:       t.Entry,
			Matched:     t.Matched,
			Hits:        int64(t.Hits),
			NegatedHits: int64(t.NegatedHits),
		})
	}
	return rows
}

func stanceRows(id string, s features.Scores, runDate output.Date) []output.StanceRow {
	rows := make([]output.StanceRow, 0, len(s.Stance))
	for _, st := range s.Stance {
		rows = append(rows, output.StanceRow{
			RunDate:           runDate,
			ArticleID:         id,
			Outlet:            s.Outlet,
			Actor:             st.Actor,
			Mentions:          int64(st.Mentions),
			Positive:          output.FiniteOrZero(st.Positive),
			Negative:          output.FiniteOrZero(st.Negative),
			Stance:            nullStance(st.Stance, st.HasStance),
			AuthorialPositive: output.FiniteOrZero(st.Authorial.Positive),
			AuthorialNegative: output.FiniteOrZero(st.Authorial.Negative),
			AuthorialStance:   nullStance(st.Authorial.Stance, st.Authorial.HasStance),
			QuotedPositive:    output.FiniteOrZero(st.Quoted.Positive),
			QuotedNegative:    output.FiniteOrZero(st.Quoted.Negative),
			QuotedStance:      nullStance(st.Quoted.Stance, st.Quoted.HasStance),
			Attributions:      int64(st.Attributions),
		})
	}
	return rows
}

// nullStance is a stance column's value: null when the stance is undefined.
func nullStance(v float64, ok bool) *float64 {
	if !ok {
		return nil
	}
	return output.NullFloat(v)
}

func matchRows(id string, s features.Scores, runDate output.Date) []output.MatchRow {
	if len(s.Matches) == 0 {
		return nil
	}
	rows := make([]output.MatchRow, 0, len(s.Matches))
	for _, m := range s.Matches {
		rows = append(rows, output.MatchRow{
			RunDate:    runDate,
			ArticleID:  id,
			Sentence:   int64(m.Sentence),
			TokenStart: int64(m.TokenStart),
			TokenEnd:   int64(m.TokenEnd),
			Dimension:  m.Dimension,
			Entry:      m.Entry,
			Weight:     output.FiniteOrZero(m.Weight),
			Negated:    m.Negated,
			Matched:    m.Matched,
			Left:       m.Left,
			Right:      m.Right,
		})
	}
	return rows
}

func rejectRow(e *corpus.RecordError, runDate output.Date) output.RejectRow {
	r := output.RejectRow{
		RunDate:   runDate,
		Source:    rejectSource(e),
		ArticleID: output.NullString(e.ArticleID),
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
