package stats

import (
	"context"
	"fmt"
	"math"

	"framing/output"
)

// Source is one run date's article-level partitions and the directory they
// lie below: OUT for a committed night, a commit's staging directory for the
// night being run.
type Source struct {
	Root string
	Day  output.Date
}

// Stored lists the committed nights below outDir whose run date lies in w,
// in date order.
func Stored(outDir string, w output.Window) ([]Source, error) {
	days, err := output.Articles.Partitions(outDir)
	if err != nil {
		return nil, err
	}
	var srcs []Source
	for _, d := range days {
		if w.Contains(d) {
			srcs = append(srcs, Source{Root: outDir, Day: d})
		}
	}
	return srcs, nil
}

// lexiconGroup is the nights of a window scored with one lexicon.
type lexiconGroup struct {
	lex  lexiconInfo
	srcs []Source
}

// groupByLexicon splits the nights by the lexicon recorded in their
// articles partition's footer, in order of each lexicon's first night:
// statistics never pool scores of different lexicons.
func groupByLexicon(srcs []Source) ([]lexiconGroup, error) {
	var groups []lexiconGroup
	at := map[lexiconInfo]int{}
	for _, src := range srcs {
		kv, err := output.Articles.Metadata(src.Root, src.Day)
		if err != nil {
			return nil, fmt.Errorf("reading metadata of %s: %w", output.Articles.Path(src.Root, src.Day), err)
		}
		lex := lexiconInfo{SHA256: kv["framing.lexicon_sha256"], Name: kv["framing.lexicon_name"], Version: kv["framing.lexicon_version"]}
		i, ok := at[lex]
		if !ok {
			i = len(groups)
			at[lex] = i
			groups = append(groups, lexiconGroup{lex: lex})
		}
		groups[i].srcs = append(groups[i].srcs, src)
	}
	return groups, nil
}

// loadGroup reads the nights of one lexicon into a window: first every
// articles partition, then the frames, terms and stance of each night.
// Frames rows are matched to their articles by position (a night's frames
// follow its articles' order), checked by a hash of article_id, so that no
// id is held in memory.
func loadGroup(ctx context.Context, w output.Window, g lexiconGroup, dir string, opt Options) (*windowData, error) {
	b := newBuilder(w, g.lex, dir, opt)
	ids := make([][]uint64, len(g.srcs))
	for k, src := range g.srcs {
		var err error
		if ids[k], err = readArticles(ctx, b, src, w); err != nil {
			return nil, err
		}
	}
	if err := b.articlesDone(); err != nil {
		return nil, err
	}
	base := 0
	for k, src := range g.srcs {
		j := &joiner{ids: ids[k], base: base}
		if err := readFrames(ctx, b, src, j); err != nil {
			b.wd.close()
			return nil, fmt.Errorf("%s: %w", output.Frames.Path(src.Root, src.Day), err)
		}
		ids[k] = nil
		base += len(j.ids)
		if err := readTermsAndStance(ctx, b, src); err != nil {
			b.wd.close()
			return nil, err
		}
	}
	wd, err := b.finish()
	if err != nil {
		b.wd.close()
		return nil, fmt.Errorf("reading the window %s: %w", w, err)
	}
	return wd, nil
}

// readArticles adds one night's articles to b and returns the hashes of
// their ids, in file order.
func readArticles(ctx context.Context, b *builder, src Source, w output.Window) ([]uint64, error) {
	var ids []uint64
	cols := []string{"article_id", "outlet", "published", "n_tokens"}
	err := output.Articles.ScanColumns(src.Root, src.Day, cols, func(bt output.Batch) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		tokens := bt.Int64s(3)
		for r := range bt.Len() {
			day := math.NaN()
			if !bt.Null(2, r) {
				day = float64(bt.Date(2, r) - w.From)
			}
			b.article(bt.String(1, r), day, tokens[r])
			ids = append(ids, idHash(bt.String(0, r)))
		}
		return nil
	})
	return ids, err
}

// readFrames adds one night's frames rows to b.
func readFrames(ctx context.Context, b *builder, src Source, j *joiner) error {
	cols := []string{"article_id", "dimension", "hits", "per_1k", "share"}
	return output.Frames.ScanColumns(src.Root, src.Day, cols, func(bt output.Batch) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		hits, per1k, share := bt.Int64s(2), bt.Float64s(3), bt.Float64s(4)
		prev, i := "", -1
		for r := range bt.Len() {
			if id := bt.String(0, r); r == 0 || id != prev {
				var err error
				if i, err = j.index(id); err != nil {
					return err
				}
				prev = id
			}
			sh := math.NaN()
			if !bt.Null(4, r) {
				sh = share[r]
			}
			if err := b.frame(i, bt.String(1, r), per1k[r], hits[r], sh); err != nil {
				return fmt.Errorf("article %q: %w", prev, err)
			}
		}
		return nil
	})
}

// readTermsAndStance adds one night's terms and stance rows to b.
func readTermsAndStance(ctx context.Context, b *builder, src Source) error {
	err := output.Terms.ScanColumns(src.Root, src.Day, []string{"outlet", "dimension", "entry", "hits"}, func(bt output.Batch) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		hits := bt.Int64s(3)
		for r := range bt.Len() {
			if err := b.term(bt.String(0, r), bt.String(1, r), bt.String(2, r), hits[r]); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("%s: %w", output.Terms.Path(src.Root, src.Day), err)
	}
	err = output.Stance.ScanColumns(src.Root, src.Day, []string{"outlet", "actor", "stance"}, func(bt output.Batch) error {
		stance := bt.Float64s(2)
		for r := range bt.Len() {
			if bt.Null(2, r) {
				continue
			}
			if err := b.stance(bt.String(0, r), bt.String(1, r), stance[r]); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("%s: %w", output.Stance.Path(src.Root, src.Day), err)
	}
	return nil
}

// joiner finds the article of a frames row: the rows of one article follow
// each other and articles come in the order of the articles file (the run
// writes an article's rows together), so the article of a row is the
// current one or a later one. A file in another order is an error.
type joiner struct {
	ids  []uint64 // hash of each article's id, in file order
	base int      // window index of the night's first article
	cur  int
}

func (j *joiner) index(id string) (int, error) {
	h := idHash(id)
	for i := j.cur; i < len(j.ids); i++ {
		if j.ids[i] == h {
			j.cur = i
			return j.base + i, nil
		}
	}
	return 0, fmt.Errorf("frames row of article %q, which is not in the articles partition after the article of the row before", id)
}

// idHash is the 64-bit FNV-1a hash of an article id.
func idHash(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}
