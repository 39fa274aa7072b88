package stats

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"framing/output"
)

// Staged names the statistics tables of one window that a commit holds,
// and what they summarize.
type Staged struct {
	Tables []string // in the order written
	Files  []string // where each will be once committed
	// Lexicons are the lexicons of the window's nights, in the order of
	// their first night; each has its own set of rows.
	Lexicons []LexiconSummary
	// Warning is set when the window mixes lexicons, for the caller to log.
	Warning string
}

// LexiconSummary is one lexicon of a window and what its statistics cover.
type LexiconSummary struct {
	SHA256, Name, Version string
	Nights, Articles      int
}

// Stage computes the statistics of window w from the nights in srcs and
// stages one partition of every statistics table in c, with meta in each
// file's footer. The rows are written as the tasks finish; a window whose
// nights used several lexicons gets the rows of each lexicon in turn, never
// scores of two lexicons pooled. Scratch files go to c's staging directory.
func Stage(ctx context.Context, c *output.Commit, w output.Window, srcs []Source, meta map[string]string, opt Options) (Staged, error) {
	if err := opt.Validate(); err != nil {
		return Staged{}, err
	}
	groups, err := groupByLexicon(srcs)
	if err != nil {
		return Staged{}, err
	}
	k, err := openSink(c, w, meta)
	if err != nil {
		return Staged{}, err
	}
	st := Staged{Tables: k.tables, Files: k.files, Warning: mixedWarning(w, groups)}
	for i, g := range groups {
		sum, err := stageGroup(ctx, k, w, g, c.Dir(), opt, i+1, len(groups))
		if err != nil {
			return Staged{}, errors.Join(err, k.close())
		}
		st.Lexicons = append(st.Lexicons, sum)
	}
	if err := k.close(); err != nil {
		return Staged{}, err
	}
	return st, nil
}

// stageGroup reads and computes the nights of one lexicon and writes their
// rows.
func stageGroup(ctx context.Context, k *sink, w output.Window, g lexiconGroup, dir string, opt Options, lexicon, lexicons int) (LexiconSummary, error) {
	sum := LexiconSummary{SHA256: g.lex.SHA256, Name: g.lex.Name, Version: g.lex.Version, Nights: len(g.srcs)}
	report := func(p Progress) {
		if opt.Progress != nil {
			p.Lexicon, p.Lexicons = lexicon, lexicons
			opt.Progress(p)
		}
	}
	report(Progress{Reading: true})
	wd, err := loadGroup(ctx, w, g, dir, opt)
	if err != nil {
		return sum, fmt.Errorf("reading the window %s for statistics: %w", w, err)
	}
	defer wd.close()
	sum.Articles = wd.n()
	h := header{window: w, lex: g.lex}
	err = compute(ctx, wd, opt, func(done, total int) { report(Progress{Done: done, Total: total}) },
		func(r *tableRows) error { return k.write(r, h) })
	return sum, err
}

// mixedWarning says that a window mixes lexicons, or nothing.
func mixedWarning(w output.Window, groups []lexiconGroup) string {
	if len(groups) < 2 {
		return ""
	}
	names := make([]string, len(groups))
	for i, g := range groups {
		names[i] = fmt.Sprintf("%s %s (sha256 %.12s…, %d night(s))", g.lex.Name, g.lex.Version, g.lex.SHA256, len(g.srcs))
	}
	return fmt.Sprintf("the nights of window %s were scored with %d lexicons: %s; statistics are computed for each lexicon "+
		"on its own nights and never pooled (rows carry lexicon_sha256)", w, len(groups), strings.Join(names, ", "))
}

// header is what every row of one lexicon's statistics of a window carries
// besides its own values.
type header struct {
	window output.Window
	lex    lexiconInfo
}

// sink writes the statistics tables of one window, row by row as the tasks
// hand them over, so that no table is ever held whole.
type sink struct {
	tables, files []string
	stats         *output.PartWriter[output.OutletStatsRow]
	tests         *output.PartWriter[output.OutletTestRow]
	residuals     *output.PartWriter[output.OutletResidualRow]
	pairs         *output.PartWriter[output.OutletPairRow]
	keyness       *output.PartWriter[output.KeynessRow]
	profiles      *output.PartWriter[output.OutletProfileRow]
	pca           *output.PartWriter[output.PCARow]
	corr          *output.PartWriter[output.CorrelationRow]
	reg           *output.PartWriter[output.RegressionRow]
	trends        *output.PartWriter[output.TrendRow]
}

// openSink stages window w's partition of every statistics table in c.
func openSink(c *output.Commit, w output.Window, meta map[string]string) (*sink, error) {
	k := &sink{}
	err := errors.Join(
		openTable(k, &k.stats, c, w, meta, output.OutletStats),
		openTable(k, &k.tests, c, w, meta, output.OutletTests),
		openTable(k, &k.residuals, c, w, meta, output.OutletResiduals),
		openTable(k, &k.pairs, c, w, meta, output.OutletPairs),
		openTable(k, &k.keyness, c, w, meta, output.Keyness),
		openTable(k, &k.profiles, c, w, meta, output.OutletProfiles),
		openTable(k, &k.pca, c, w, meta, output.PCA),
		openTable(k, &k.corr, c, w, meta, output.Correlations),
		openTable(k, &k.reg, c, w, meta, output.Regression),
		openTable(k, &k.trends, c, w, meta, output.Trends),
	)
	if err != nil {
		return nil, errors.Join(err, k.close())
	}
	return k, nil
}

// sinkWriter are the writer options of the statistics tables: ten tables are
// open at once, so each buffers fewer rows and smaller pages than an
// article table does (with the defaults the ten held some 120 MB).
var sinkWriter = output.WriterOptions{BatchRows: 2048, PageBytes: 64 << 10, RowGroupBytes: 1 << 20}

func openTable[R any](k *sink, dst **output.PartWriter[R], c *output.Commit, w output.Window, meta map[string]string, t output.Table[R, output.Window]) error {
	pw, err := t.CreateWith(c, w, meta, sinkWriter)
	if err != nil {
		return err
	}
	*dst = pw
	k.tables = append(k.tables, t.Name())
	k.files = append(k.files, t.Path(c.Out(), w))
	return nil
}

// write stamps each row with h and writes it to its table. A new tableRows
// field needs a line here and one in stamp.
func (k *sink) write(r *tableRows, h header) error {
	h.stamp(r)
	return errors.Join(
		writeRows(k.stats, r.stats),
		writeRows(k.tests, r.tests),
		writeRows(k.residuals, r.residuals),
		writeRows(k.pairs, r.pairs),
		writeRows(k.keyness, r.keyness),
		writeRows(k.profiles, r.profiles),
		writeRows(k.pca, r.pca),
		writeRows(k.corr, r.corr),
		writeRows(k.reg, r.reg),
		writeRows(k.trends, r.trends),
	)
}

func writeRows[R any](w *output.PartWriter[R], rows []R) error {
	for _, r := range rows {
		if err := w.Write(r); err != nil {
			return err
		}
	}
	return nil
}

// close finishes every table; the partitions are complete only when it
// returns nil.
func (k *sink) close() error {
	return errors.Join(k.stats.Close(), k.tests.Close(), k.residuals.Close(), k.pairs.Close(), k.keyness.Close(),
		k.profiles.Close(), k.pca.Close(), k.corr.Close(), k.reg.Close(), k.trends.Close())
}

// stamp sets the window and lexicon columns of every row.
func (h header) stamp(r *tableRows) {
	from, to, l := h.window.From, h.window.To, h.lex
	for i := range r.stats {
		x := &r.stats[i]
		x.WindowStart, x.WindowEnd, x.LexiconSHA256, x.LexiconName, x.LexiconVersion = from, to, l.SHA256, l.Name, l.Version
	}
	for i := range r.tests {
		x := &r.tests[i]
		x.WindowStart, x.WindowEnd, x.LexiconSHA256, x.LexiconName, x.LexiconVersion = from, to, l.SHA256, l.Name, l.Version
	}
	for i := range r.residuals {
		x := &r.residuals[i]
		x.WindowStart, x.WindowEnd, x.LexiconSHA256, x.LexiconName, x.LexiconVersion = from, to, l.SHA256, l.Name, l.Version
	}
	for i := range r.pairs {
		x := &r.pairs[i]
		x.WindowStart, x.WindowEnd, x.LexiconSHA256, x.LexiconName, x.LexiconVersion = from, to, l.SHA256, l.Name, l.Version
	}
	for i := range r.keyness {
		x := &r.keyness[i]
		x.WindowStart, x.WindowEnd, x.LexiconSHA256, x.LexiconName, x.LexiconVersion = from, to, l.SHA256, l.Name, l.Version
	}
	for i := range r.profiles {
		x := &r.profiles[i]
		x.WindowStart, x.WindowEnd, x.LexiconSHA256, x.LexiconName, x.LexiconVersion = from, to, l.SHA256, l.Name, l.Version
	}
	for i := range r.pca {
		x := &r.pca[i]
		x.WindowStart, x.WindowEnd, x.LexiconSHA256, x.LexiconName, x.LexiconVersion = from, to, l.SHA256, l.Name, l.Version
	}
	for i := range r.corr {
		x := &r.corr[i]
		x.WindowStart, x.WindowEnd, x.LexiconSHA256, x.LexiconName, x.LexiconVersion = from, to, l.SHA256, l.Name, l.Version
	}
	for i := range r.reg {
		x := &r.reg[i]
		x.WindowStart, x.WindowEnd, x.LexiconSHA256, x.LexiconName, x.LexiconVersion = from, to, l.SHA256, l.Name, l.Version
	}
	for i := range r.trends {
		x := &r.trends[i]
		x.WindowStart, x.WindowEnd, x.LexiconSHA256, x.LexiconName, x.LexiconVersion = from, to, l.SHA256, l.Name, l.Version
	}
}
