package stats

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"math"
	"slices"
	"strings"

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
// Frames and stance rows are matched to their articles by position (a
// night's rows follow its articles' order), checked by a hash of
// article_id, so that no id is held in memory.
func loadGroup(ctx context.Context, w output.Window, g lexiconGroup, dir string, opt Options) (*windowData, error) {
	b := newBuilder(w, g.lex, dir, opt)
	nights := make([]night, len(g.srcs))
	for k, src := range g.srcs {
		var err error
		if nights[k], err = readArticles(ctx, b, src, w); err != nil {
			return nil, err
		}
	}
	if err := b.articlesDone(); err != nil {
		return nil, err
	}
	for _, n := range nights {
		if err := readFrames(ctx, b, n); err != nil {
			b.wd.close()
			return nil, fmt.Errorf("%s: %w", output.Frames.Path(n.src.Root, n.src.Day), err)
		}
		if err := readTerms(ctx, b, n.src); err != nil {
			b.wd.close()
			return nil, err
		}
		if err := readStance(ctx, b, n); err != nil {
			b.wd.close()
			return nil, fmt.Errorf("%s: %w", output.Stance.Path(n.src.Root, n.src.Day), err)
		}
	}
	wd, err := b.finish()
	if err != nil {
		b.wd.close()
		return nil, fmt.Errorf("reading the window %s: %w", w, err)
	}
	return wd, nil
}

// night is one night's articles as the second pass needs them: where they
// stand in the files and in the window.
type night struct {
	src   Source
	ids   []uint64 // idHash of each article id, in file order
	file  int      // file-order index in the window of the night's first article
	canon int      // canonical index of the night's first article
	pos   []int32  // [file-order index in the night]: canonical index in the night
}

// readArticles adds one night's articles to b in canonical order: by a
// 128-bit hash of their ids (sha256), so that the order, and so every sum
// and every bootstrap resample, does not depend on how the night is split
// into part files or ordered in them.
func readArticles(ctx context.Context, b *builder, src Source, w output.Window) (night, error) {
	n := night{src: src, file: len(b.wd.canon), canon: len(b.wd.outlet)}
	type article struct {
		key    [2]uint64
		outlet int32
		day    float64
		tokens int64
	}
	var arts []article
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
			id := bt.String(0, r)
			sum := sha256.Sum256([]byte(id))
			arts = append(arts, article{key: [2]uint64{binary.BigEndian.Uint64(sum[:8]), binary.BigEndian.Uint64(sum[8:16])},
				outlet: b.outletIndex(bt.String(1, r)), day: day, tokens: tokens[r]})
			n.ids = append(n.ids, idHash(id))
		}
		return nil
	})
	if err != nil {
		return n, err
	}
	order := make([]int32, len(arts))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortStableFunc(order, func(a, c int32) int {
		ka, kc := arts[a].key, arts[c].key
		return cmp.Or(cmp.Compare(ka[0], kc[0]), cmp.Compare(ka[1], kc[1]))
	})
	n.pos = make([]int32, len(arts))
	for k, i := range order {
		n.pos[i] = int32(k)
		a := arts[i]
		b.article(a.outlet, a.day, a.tokens)
	}
	for _, p := range n.pos {
		b.fileOrder(int32(n.canon) + p)
	}
	return n, nil
}

// readFrames adds one night's frames rows to b, in file order.
func readFrames(ctx context.Context, b *builder, n night) error {
	j := &joiner{ids: n.ids}
	cols := []string{"article_id", "dimension", "hits", "per_1k", "share"}
	return output.Frames.ScanColumns(n.src.Root, n.src.Day, cols, func(bt output.Batch) error {
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
			if err := b.frame(n.file+i, bt.String(1, r), per1k[r], hits[r], sh); err != nil {
				return fmt.Errorf("article %q: %w", prev, err)
			}
		}
		return nil
	})
}

// readTerms adds one night's terms rows to b.
func readTerms(ctx context.Context, b *builder, src Source) error {
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
	return nil
}

// readStance adds one night's stance values, both voices, to b in canonical
// order of their articles (an article's rows in file order).
func readStance(ctx context.Context, b *builder, n night) error {
	type value struct {
		article              int32 // canonical index in the night
		outlet, actor        string
		stance, authorial    float64
		hasStance, hasAuthor bool
	}
	var vals []value
	j := &joiner{ids: n.ids}
	cols := []string{"article_id", "outlet", "actor", "stance", "authorial_stance"}
	err := output.Stance.ScanColumns(n.src.Root, n.src.Day, cols, func(bt output.Batch) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		st, au := bt.Float64s(3), bt.Float64s(4)
		for r := range bt.Len() {
			v := value{hasStance: !bt.Null(3, r), hasAuthor: !bt.Null(4, r)}
			if !v.hasStance && !v.hasAuthor {
				continue
			}
			i, err := j.index(bt.String(0, r))
			if err != nil {
				return err
			}
			v.article, v.outlet, v.actor = n.pos[i], strings.Clone(bt.String(1, r)), strings.Clone(bt.String(2, r))
			v.stance, v.authorial = st[r], au[r]
			vals = append(vals, v)
		}
		return nil
	})
	if err != nil {
		return err
	}
	slices.SortStableFunc(vals, func(a, c value) int { return cmp.Compare(a.article, c.article) })
	for _, measure := range []string{"stance", "authorial_stance"} {
		for _, v := range vals {
			x, ok := v.stance, v.hasStance
			if measure == "authorial_stance" {
				x, ok = v.authorial, v.hasAuthor
			}
			if !ok {
				continue
			}
			if err := b.stance(measure, v.outlet, v.actor, x); err != nil {
				return err
			}
		}
	}
	return nil
}

// joiner finds the article of a frames or stance row: the rows of one
// article follow each other and articles come in the order of the articles
// files (the run, and each framing-beam shard, writes an article's rows
// together and its part files in the same order), so the article of a row
// is the current one or a later one. Another order is an error.
type joiner struct {
	ids []uint64 // hash of each article's id, in file order
	cur int
}

// index returns the night's file-order index of article id.
func (j *joiner) index(id string) (int, error) {
	h := idHash(id)
	for i := j.cur; i < len(j.ids); i++ {
		if j.ids[i] == h {
			j.cur = i
			return i, nil
		}
	}
	return 0, fmt.Errorf("row of article %q, which is not in the articles partition after the article of the row before", id)
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
