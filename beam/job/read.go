package job

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"framing/corpus"
	"framing/pipeline"
)

func init() {
	register.DoFn2x0[fileio.FileMetadata, func(fileRef)](&tagFn{})
	register.DoFn4x1[context.Context, fileRef, func(string, record), func(int, scored), error](&readFn{})
	register.Emitter1[fileRef]()
	register.Emitter2[string, record]()
	register.Emitter2[int, scored]()
}

// tagFn marks a matched file with the index of its pattern.
type tagFn struct {
	Pattern int
}

func (f *tagFn) ProcessElement(m fileio.FileMetadata, emit func(fileRef)) {
	emit(fileRef{Pattern: f.Pattern, Path: m.Path})
}

// readFn reads one input file through Beam's filesystems (local, gs://,
// s3://, whichever the binary registers) with corpus's own readers, so a
// record decodes exactly as in `framing run`. A whole file is one element:
// line numbers and CSV records that span lines need the file from its
// start. Decoded articles go out keyed by id for duplicate detection;
// records that fail to decode go out as rejects, keyed by shard.
type readFn struct {
	MaxRecordBytes int
	Shards         int
	Scoring        scoring

	scorer *pipeline.Scorer
}

func (f *readFn) Setup() error {
	s, err := f.Scoring.scorer()
	f.scorer = s
	return err
}

func (f *readFn) ProcessElement(ctx context.Context, in fileRef, emitArt func(string, record), emitRej func(int, scored)) error {
	format, _, err := corpus.FormatOf(in.Path)
	if err != nil {
		return err
	}
	fs, err := filesystem.New(ctx, in.Path)
	if err != nil {
		return fmt.Errorf("opening input %s: %w", in.Path, err)
	}
	defer fs.Close()
	rc, err := fs.OpenRead(ctx, in.Path)
	if err != nil {
		return fmt.Errorf("opening input %s: %w", in.Path, err)
	}
	defer rc.Close()
	r, err := corpus.OpenReader(rc, in.Path, format, corpus.Options{MaxRecordBytes: f.MaxRecordBytes})
	if err != nil {
		return fmt.Errorf("opening input %s: %w", in.Path, err)
	}
	err = readAll(r, func(a corpus.Article) {
		emitArt(a.ID, record{Pos: position{Pattern: in.Pattern, File: a.File, Line: a.Line}, Art: a})
	}, func(e *corpus.RecordError) {
		pos := position{Pattern: in.Pattern, File: e.File, Line: e.Line}
		emitRej(pos.shard(f.Shards), scored{Pos: pos, Rows: f.scorer.Reject(e)})
	})
	if cerr := r.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("closing input %s: %w", in.Path, cerr)
	}
	return err
}

// readAll hands every record of r to art or rej; only I/O errors stop it.
// JSON Lines come out undecoded and are decoded here, as the run's workers
// decode them.
func readAll(r corpus.Reader, art func(corpus.Article), rej func(*corpus.RecordError)) error {
	next := r.Next
	if rr, ok := r.(corpus.RawReader); ok {
		next = func() (corpus.Article, error) {
			raw, err := rr.NextRaw()
			if err != nil {
				return corpus.Article{}, err
			}
			a, err := raw.Decode()
			var rec *corpus.RecordError
			if err != nil && !errors.As(err, &rec) { // Decode promises a *RecordError; keep any other as one, as the run does
				err = &corpus.RecordError{File: raw.File, Line: raw.Line, Reason: err.Error()}
			}
			return a, err
		}
	}
	for {
		a, err := next()
		var rec *corpus.RecordError
		switch {
		case err == io.EOF:
			return nil
		case errors.As(err, &rec):
			rej(rec)
		case err != nil:
			return err
		default:
			art(a)
		}
	}
}
