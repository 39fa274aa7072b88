package output

import "time"

// SchemaVersion is the version of the column contract in docs/schema.md,
// written into every file's footer as framing.schema_version so that
// readers can tell layouts apart.
const SchemaVersion = "2"

// Row types of the article-level tables and the runs table, partitioned by
// run date (registry.go, layout.go). The pipeline fills them; output only
// writes them, and sets run_date from the partition. Column order is the
// field order and is part of the contract in docs/schema.md.

// ArticleRow is one accepted article: where it came from, what cleaning did
// to it and its size, so that every frame score can be traced and weighed.
type ArticleRow struct {
	RunDate                    Date    `parquet:"run_date"`
	RunID                      string  `parquet:"run_id"`
	ArticleID                  string  `parquet:"article_id"`
	Outlet                     string  `parquet:"outlet"`
	OutletSource               string  `parquet:"outlet_source"`
	Published                  *Date   `parquet:"published"`
	Title                      string  `parquet:"title"`
	URL                        string  `parquet:"url"`
	Lang                       *string `parquet:"lang"`
	Source                     string  `parquet:"source"`
	ContentSHA256              string  `parquet:"content_sha256"`
	NTokens                    int64   `parquet:"n_tokens"`
	NParagraphs                int64   `parquet:"n_paragraphs"`
	NSentences                 int64   `parquet:"n_sentences"`
	Coverage                   float64 `parquet:"coverage"`
	HTMLStripped               bool    `parquet:"html_stripped"`
	BoilerplateLinesRemoved    int64   `parquet:"boilerplate_lines_removed"`
	DuplicateParagraphsRemoved int64   `parquet:"duplicate_paragraphs_removed"`
	NQuotes                    int64   `parquet:"n_quotes"`
	QuotedTokenShare           float64 `parquet:"quoted_token_share"`
	NAttributions              int64   `parquet:"n_attributions"`
	NAnonymousAttributions     int64   `parquet:"n_anonymous_attributions"`
	DateRaw                    *string `parquet:"date_raw"`
}

// FrameRow is one article's score on one frame dimension.
type FrameRow struct {
	RunDate         Date     `parquet:"run_date"`
	ArticleID       string   `parquet:"article_id"`
	Outlet          string   `parquet:"outlet"`
	Dimension       string   `parquet:"dimension"`
	Hits            int64    `parquet:"hits"`
	NegatedHits     int64    `parquet:"negated_hits"`
	DistinctEntries int64    `parquet:"distinct_entries"`
	Per1k           float64  `parquet:"per_1k"`
	Share           *float64 `parquet:"share"`
	WeightedScore   float64  `parquet:"weighted_score"`
	TitleHits       int64    `parquet:"title_hits"`
	LeadHits        int64    `parquet:"lead_hits"`
	QuotedHits      int64    `parquet:"quoted_hits"`
	FirstPosition   *float64 `parquet:"first_position"`
}

// TermRow counts one lexicon entry in one article, for keyness and for
// checking which terms drive a dimension.
type TermRow struct {
	RunDate     Date   `parquet:"run_date"`
	ArticleID   string `parquet:"article_id"`
	Outlet      string `parquet:"outlet"`
	Dimension   string `parquet:"dimension"`
	Entry       string `parquet:"entry"`
	Matched     string `parquet:"matched"`
	Hits        int64  `parquet:"hits"`
	NegatedHits int64  `parquet:"negated_hits"`
}

// MatchRow is one lexicon match with its position and its words in context
// (as quanteda's kwic() shows them), so that a reader can audit any score
// down to the sentence and tokens and read it without the corpus.
type MatchRow struct {
	RunDate    Date    `parquet:"run_date"`
	ArticleID  string  `parquet:"article_id"`
	Sentence   int64   `parquet:"sentence"`
	TokenStart int64   `parquet:"token_start"`
	TokenEnd   int64   `parquet:"token_end"`
	Dimension  string  `parquet:"dimension"`
	Entry      string  `parquet:"entry"`
	Weight     float64 `parquet:"weight"`
	Negated    bool    `parquet:"negated"`
	Matched    string  `parquet:"matched"`
	Left       string  `parquet:"left_context"`
	Right      string  `parquet:"right_context"`
}

// StanceRow is the tone aimed at one actor in one article; a stance is null
// when there is no tone to measure. Positive, Negative and Stance combine
// the authorial and the quoted voice, which the columns after them split
// (appended, per the change policy of docs/schema.md).
type StanceRow struct {
	RunDate           Date     `parquet:"run_date"`
	ArticleID         string   `parquet:"article_id"`
	Outlet            string   `parquet:"outlet"`
	Actor             string   `parquet:"actor"`
	Mentions          int64    `parquet:"mentions"`
	Positive          float64  `parquet:"positive"`
	Negative          float64  `parquet:"negative"`
	Stance            *float64 `parquet:"stance"`
	AuthorialPositive float64  `parquet:"authorial_positive"`
	AuthorialNegative float64  `parquet:"authorial_negative"`
	AuthorialStance   *float64 `parquet:"authorial_stance"`
	QuotedPositive    float64  `parquet:"quoted_positive"`
	QuotedNegative    float64  `parquet:"quoted_negative"`
	QuotedStance      *float64 `parquet:"quoted_stance"`
	Attributions      int64    `parquet:"attributions"`
}

// RejectRow is one input record the run skipped and why, so that rejects
// are counted and findable rather than lost in a log.
type RejectRow struct {
	RunDate   Date    `parquet:"run_date"`
	Source    string  `parquet:"source"`
	Line      *int64  `parquet:"line"`
	ArticleID *string `parquet:"article_id"`
	Reason    string  `parquet:"reason"`
}

// RunRow is the manifest of one run: inputs, lexicon, counts and flags, so
// that any partition can be traced to how it was made.
type RunRow struct {
	RunID          string    `parquet:"run_id"`
	RunDate        Date      `parquet:"run_date"`
	StartedAt      time.Time `parquet:"started_at"`
	FinishedAt     time.Time `parquet:"finished_at"`
	Version        string    `parquet:"version"`
	LexiconName    string    `parquet:"lexicon_name"`
	LexiconVersion string    `parquet:"lexicon_version"`
	LexiconSHA256  string    `parquet:"lexicon_sha256"`
	Inputs         string    `parquet:"inputs"`
	RecordsRead    int64     `parquet:"records_read"`
	Articles       int64     `parquet:"articles"`
	Rejects        int64     `parquet:"rejects"`
	Skipped        int64     `parquet:"skipped"`
	DateWarnings   int64     `parquet:"date_warnings"`
	Flags          string    `parquet:"flags"`
	Seconds        float64   `parquet:"seconds"`
	// LexiconWarnings counts the warnings and notes of loading the lexicon
	// (dropped or simplified entries, an entry in two dimensions, no
	// negators); LexiconWarningSample holds the first few, one a line.
	LexiconWarnings      int64   `parquet:"lexicon_warnings"`
	LexiconWarningSample *string `parquet:"lexicon_warning_sample"`
	// The phases of the run: reading, scoring and writing the article
	// tables, then the window's statistics. The commit follows the row
	// and is only logged.
	ScoringSeconds float64 `parquet:"scoring_seconds"`
	StatsSeconds   float64 `parquet:"stats_seconds"`
}
