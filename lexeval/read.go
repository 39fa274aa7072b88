package lexeval

import (
	"context"
	"errors"
	"fmt"
	"io"

	"framing/corpus"
)

// eachArticle reads every input in order and calls art for each article
// and reject for each record that is not one (a *corpus.RecordError).
// Other errors, and a stop request, end the reading.
func eachArticle(ctx context.Context, inputs []string, opt corpus.Options, art func(corpus.Article), reject func()) error {
	for _, path := range inputs {
		r, err := corpus.Open(path, opt)
		if err != nil {
			return fmt.Errorf("opening input %s: %w", path, err)
		}
		for {
			if err := ctx.Err(); err != nil {
				r.Close()
				return err
			}
			a, err := r.Next()
			var rec *corpus.RecordError
			switch {
			case err == io.EOF:
			case errors.As(err, &rec):
				reject()
				continue
			case err != nil:
				r.Close()
				return fmt.Errorf("reading %s: %w", path, err)
			default:
				art(a)
				continue
			}
			break
		}
		if err := r.Close(); err != nil {
			return fmt.Errorf("closing input %s: %w", path, err)
		}
	}
	return nil
}
