package pipeline

import (
	"errors"
	"fmt"
	"io"

	"framing/output"
)

// table is one open Parquet file of a run's partition.
type table[T any] struct {
	name string
	f    io.WriteCloser
	w    *output.TableWriter[T]
}

// openTable stages one partition, key=value, of a table.
func openTable[T any](c *output.Commit, name, key, value string, meta map[string]string) (*table[T], error) {
	f, err := c.Create(name, key, value)
	if err != nil {
		return nil, fmt.Errorf("creating table %s: %w", name, err)
	}
	w, err := output.NewTableWriter[T](f, meta, output.WriterOptions{})
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("starting table %s: %w", name, err)
	}
	return &table[T]{name: name, f: f, w: w}, nil
}

func (t *table[T]) write(row T) error {
	if err := t.w.Write(row); err != nil {
		return fmt.Errorf("writing table %s: %w", t.name, err)
	}
	return nil
}

func (t *table[T]) close() error {
	if t == nil {
		return nil
	}
	err := t.w.Close()
	if cerr := t.f.Close(); err == nil && cerr != nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("closing table %s: %w", t.name, err)
	}
	return nil
}

// openRunTable stages the run date's partition of an article-level table.
func openRunTable[T any](c *output.Commit, name string, j *job) (*table[T], error) {
	return openTable[T](c, name, "run_date", j.runDate.String(), j.meta)
}

// writers holds the data tables of one run.
type writers struct {
	articles *table[output.ArticleRow]
	frames   *table[output.FrameRow]
	terms    *table[output.TermRow]
	stance   *table[output.StanceRow]
	rejects  *table[output.RejectRow]
	matches  *table[output.MatchRow] // nil unless --matches
}

func openWriters(c *output.Commit, j *job, matches bool) (*writers, error) {
	ws := &writers{}
	var err error
	if ws.articles, err = openRunTable[output.ArticleRow](c, "articles", j); err != nil {
		return nil, err
	}
	if ws.frames, err = openRunTable[output.FrameRow](c, "frames", j); err != nil {
		return nil, err
	}
	if ws.terms, err = openRunTable[output.TermRow](c, "terms", j); err != nil {
		return nil, err
	}
	if ws.stance, err = openRunTable[output.StanceRow](c, "stance", j); err != nil {
		return nil, err
	}
	if ws.rejects, err = openRunTable[output.RejectRow](c, "rejects", j); err != nil {
		return nil, err
	}
	if matches {
		if ws.matches, err = openRunTable[output.MatchRow](c, "matches", j); err != nil {
			return nil, err
		}
	}
	return ws, nil
}

// names lists the tables written, in a fixed order.
func (ws *writers) names() []string {
	n := []string{"articles", "frames", "terms", "stance", "rejects"}
	if ws.matches != nil {
		n = append(n, "matches")
	}
	return n
}

func (ws *writers) close() error {
	if ws == nil {
		return nil
	}
	return errors.Join(ws.articles.close(), ws.frames.close(), ws.terms.close(),
		ws.stance.close(), ws.rejects.close(), ws.matches.close())
}

// write turns one scored record into rows of every table.
func (ws *writers) write(it item, j *job, sum *Summary, cfg Config) error {
	sum.RecordsRead++
	if it.rej != nil {
		sum.Rejects++
		cfg.Log.Warn("reject", "source", rejectSource(it.rej), "article_id", it.rej.ArticleID, "reason", it.rej.Error())
		return ws.rejects.write(rejectRow(it.rej, j))
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
	if err := ws.articles.write(articleRow(it, j)); err != nil {
		return err
	}
	for _, r := range frameRows(it, j) {
		if err := ws.frames.write(r); err != nil {
			return err
		}
	}
	for _, r := range termRows(it, j) {
		if err := ws.terms.write(r); err != nil {
			return err
		}
	}
	for _, r := range stanceRows(it, j) {
		if err := ws.stance.write(r); err != nil {
			return err
		}
	}
	if ws.matches != nil {
		for _, r := range matchRows(it, j) {
			if err := ws.matches.write(r); err != nil {
				return err
			}
		}
	}
	return nil
}
