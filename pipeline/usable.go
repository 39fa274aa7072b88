package pipeline

import (
	"fmt"

	"framing/output"
)

// RejectRatioError says that too many records were rejected for the output
// to be trusted; the run committed nothing.
type RejectRatioError struct {
	RunDate          output.Date
	Rejects, Records int64
	Max              float64
}

func (e *RejectRatioError) Error() string {
	return fmt.Sprintf("%d of %d records rejected (%.1f%%), above --max-reject-ratio %g; "+
		"nothing was written and the partitions of run date %s stay as they were",
		e.Rejects, e.Records, 100*float64(e.Rejects)/float64(e.Records), e.Max, e.RunDate)
}

// NoArticlesError says that a run found no article to write. Committing it
// would replace the run date's partitions with empty ones, so the run
// committed nothing and whatever that date held stays as it was.
type NoArticlesError struct {
	RunDate                   output.Date
	Records, Rejects, Skipped int64
}

func (e *NoArticlesError) Error() string {
	return fmt.Sprintf("no articles to write: %d records read, %d rejected, %d skipped as seen before; "+
		"nothing was written and the partitions of run date %s stay as they were",
		e.Records, e.Rejects, e.Skipped, e.RunDate)
}

// usable decides whether what a run read may replace its run date's
// partitions: never with nothing, never with a night of mostly rejects.
func usable(cfg Config, j *job, sum Summary) error {
	if sum.RecordsRead > 0 && float64(sum.Rejects)/float64(sum.RecordsRead) > cfg.MaxRejectRatio {
		return &RejectRatioError{RunDate: j.runDate, Rejects: sum.Rejects, Records: sum.RecordsRead, Max: cfg.MaxRejectRatio}
	}
	if sum.Articles == 0 {
		return &NoArticlesError{RunDate: j.runDate, Records: sum.RecordsRead, Rejects: sum.Rejects, Skipped: sum.Skipped}
	}
	return nil
}
