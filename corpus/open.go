package corpus

import (
	"bufio"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// Format names an input format, for OpenReader, where there is no file
// name extension to choose by.
type Format int

// The formats a stream can hold. A directory is not a stream, so it has no
// Format; Open handles it.
const (
	JSONL Format = iota + 1 // JSON Lines, one object per line
	CSV                     // CSV with a header row
)

// String returns the format's name, for messages.
func (f Format) String() string {
	switch f {
	case JSONL:
		return "jsonl"
	case CSV:
		return "csv"
	}
	return fmt.Sprintf("Format(%d)", int(f))
}

// Reader streams articles. Next returns io.EOF at the end; a *RecordError
// for a bad record (count it as a reject and call Next again); any other
// error is fatal. Close releases the input.
type Reader interface {
	Next() (Article, error)
	Close() error
}

// FormatOf picks the format of a file by its extension (after an optional
// .gz), the single table of supported extensions. It reports whether the
// file is gzip-compressed.
func FormatOf(path string) (f Format, gz bool, err error) {
	name := strings.ToLower(filepath.Base(path))
	if strings.HasSuffix(name, ".gz") {
		name, gz = strings.TrimSuffix(name, ".gz"), true
	}
	switch filepath.Ext(name) {
	case ".jsonl", ".ndjson", ".json":
		return JSONL, gz, nil
	case ".csv":
		return CSV, gz, nil
	}
	return 0, false, fmt.Errorf("unsupported input %s: want .jsonl, .ndjson, .json or .csv (optionally .gz) or a directory", path)
}

// Open opens a corpus by path: "-" reads JSON Lines from standard input
// (gzip detected by its magic bytes), a directory reads its .txt/.md files,
// and a file is read by extension (see FormatOf). Errors here are fatal:
// a missing input, an unknown extension, a CSV without a text column.
func Open(path string, opt Options) (Reader, error) {
	if path == "-" {
		return openStdin(opt)
	}
	info, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("opening corpus: %w", err)
	}
	if info.IsDir() {
		d, err := newDir(os.DirFS(path), path, opt.Manifest, opt)
		if err != nil {
			return nil, err
		}
		return d, nil
	}
	format, _, err := FormatOf(path)
	if err != nil {
		return nil, err
	}
	// A path named here may be a FIFO (the user's choice, like "-"): its open and
	// reads then honour opt.Context (cancel.go).
	f, err := openCancelable(opt.Context, path)
	if err != nil {
		return nil, fmt.Errorf("opening corpus: %w", err)
	}
	r, err := openStream(countBytes(cancelable(opt.Context, f), opt.BytesRead), path, format, f, opt)
	if err != nil {
		f.Close()
		return nil, err
	}
	return r, nil
}

// openStdin reads JSON Lines from opt.Stdin or os.Stdin; see OpenStdin.
func openStdin(opt Options) (Reader, error) {
	if opt.Stdin != nil {
		return OpenStdin(opt.Stdin, opt)
	}
	return OpenStdin(os.Stdin, opt)
}

// OpenStdin reads JSON Lines from r, the program's standard input, named
// "-" in positions, gunzipping when the stream starts with the gzip magic
// (a pipe has no file name to tell). Closing the reader leaves r open.
func OpenStdin(r io.Reader, opt Options) (Reader, error) {
	br := bufio.NewReader(cancelable(opt.Context, r))
	r = br
	if b, err := br.Peek(2); err == nil && b[0] == 0x1f && b[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("reading standard input: %w", err)
		}
		r = zr
	}
	return newJSONL(r, "-", nil, opt), nil
}

// OpenReader reads a stream in the given format; name is used in positions
// and, when it ends in .gz, the stream is gunzipped. It exists for stdin and
// tests. The caller keeps ownership of r; Close does not close it.
func OpenReader(r io.Reader, name string, format Format, opt Options) (Reader, error) {
	return openStream(r, name, format, nil, opt)
}

func openStream(r io.Reader, name string, format Format, closer io.Closer, opt Options) (Reader, error) {
	if strings.HasSuffix(strings.ToLower(name), ".gz") {
		zr, err := gzip.NewReader(r)
		if err != nil {
			return nil, fmt.Errorf("reading %s: %w", name, err)
		}
		r = zr
	}
	switch format {
	case JSONL:
		return newJSONL(r, name, closer, opt), nil
	case CSV:
		return newCSV(r, name, closer, opt)
	}
	return nil, errors.New("unknown format " + format.String())
}
