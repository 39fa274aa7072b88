package pipeline

import (
	"errors"

	"framing/output"
)

// writers holds the open partitions of one run's article-level tables.
type writers struct {
	articles *output.PartWriter[output.ArticleRow]
	frames   *output.PartWriter[output.FrameRow]
	terms    *output.PartWriter[output.TermRow]
	stance   *output.PartWriter[output.StanceRow]
	rejects  *output.PartWriter[output.RejectRow]
	matches  *output.PartWriter[output.MatchRow] // nil unless --matches

	names []string // the tables opened, in order
	files []string // where their files will be once committed
}

// openWriters stages the run date's partition of every article-level
// table, in the order tableNames lists them.
func openWriters(c *output.Commit, j *job, matches bool) (*writers, error) {
	ws := &writers{}
	var err error
	if ws.articles, err = openRun(ws, c, j, output.Articles); err != nil {
		return ws, err
	}
	if ws.frames, err = openRun(ws, c, j, output.Frames); err != nil {
		return ws, err
	}
	if ws.terms, err = openRun(ws, c, j, output.Terms); err != nil {
		return ws, err
	}
	if ws.stance, err = openRun(ws, c, j, output.Stance); err != nil {
		return ws, err
	}
	if ws.rejects, err = openRun(ws, c, j, output.Rejects); err != nil {
		return ws, err
	}
	if matches {
		if ws.matches, err = openRun(ws, c, j, output.Matches); err != nil {
			return ws, err
		}
	}
	return ws, nil
}

// tableNames lists the article-level tables a run writes, in the order
// openWriters opens them, for a dry run.
func tableNames(matches bool) []string {
	n := []string{output.Articles.Name(), output.Frames.Name(), output.Terms.Name(), output.Stance.Name(), output.Rejects.Name()}
	if matches {
		n = append(n, output.Matches.Name())
	}
	return n
}

func openRun[R any](ws *writers, c *output.Commit, j *job, t output.Table[R, output.Date]) (*output.PartWriter[R], error) {
	w, err := t.Create(c, j.runDate, j.meta)
	if err != nil {
		return nil, err
	}
	ws.names = append(ws.names, t.Name())
	ws.files = append(ws.files, t.Path(c.Out(), j.runDate))
	return w, nil
}

func (ws *writers) close() error {
	if ws == nil {
		return nil
	}
	return errors.Join(ws.articles.Close(), ws.frames.Close(), ws.terms.Close(),
		ws.stance.Close(), ws.rejects.Close(), ws.matches.Close())
}

// write writes one scored record's rows (see score) to every table.
func (ws *writers) write(it item, j *job, sum *Summary, cfg Config) error {
	sum.RecordsRead++
	if it.rej != nil {
		sum.Rejects++
		if it.internal {
			sum.InternalErrors++
		}
		cfg.Log.Warn("reject", "source", rejectSource(it.rej), "article_id", it.rej.ArticleID, "reason", it.rej.Error())
		return ws.rejects.Write(rejectRow(it.rej, j.runDate))
	}
	sum.TextBytes += int64(len(it.art.Text))
	if j.seen[it.sha] {
		sum.Skipped++
		return nil
	}
	sum.Articles++
	if it.art.DateWarning {
		sum.DateWarnings++
	}
	sum.Findings.addArticle(it.scores, it.art.RawDate, it.art.DateWarning)
	rows := &it.rows
	if err := ws.articles.Write(rows.article); err != nil {
		return err
	}
	if err := writeAll(ws.frames, rows.frames); err != nil {
		return err
	}
	if err := writeAll(ws.terms, rows.terms); err != nil {
		return err
	}
	if err := writeAll(ws.stance, rows.stance); err != nil {
		return err
	}
	if ws.matches != nil {
		return writeAll(ws.matches, rows.matches)
	}
	return nil
}

func writeAll[R any](w *output.PartWriter[R], rows []R) error {
	for _, r := range rows {
		if err := w.Write(r); err != nil {
			return err
		}
	}
	return nil
}
