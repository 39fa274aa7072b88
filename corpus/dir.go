package corpus

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// manifestRow is the metadata of one file of a directory input.
type manifestRow struct {
	line                               int
	id, outlet, date, title, url, lang string
	label                              string
}

// dirEntry is one item a directory reader will yield: a file to read, or a
// reject found while walking or reading the manifest.
type dirEntry struct {
	rel     string
	reject  *RecordError
	missing *RecordError // for a manifest row: the reject if its file is absent
}

// dirReader yields one article per .txt/.md file below a directory, in
// lexical order, with metadata from the manifest.
type dirReader struct {
	fsys     fs.FS
	root     string // the directory as given, for File
	max      int
	label    string // Options.LabelField, lower-cased like the column names
	manifest map[string]manifestRow
	entries  []dirEntry
	pos      int
}

// newDir walks fsys and reads the manifest (from fsys unless manifestPath
// is set). Only paths and manifest rows are kept in memory, not file bodies.
// fs.WalkDir does not follow symbolic links to directories, so links cannot
// make it loop; links to files are read.
func newDir(fsys fs.FS, root, manifestPath string, opt Options) (*dirReader, error) {
	d := &dirReader{fsys: fsys, root: root, max: opt.maxBytes(), manifest: map[string]manifestRow{},
		label: strings.ToLower(strings.TrimSpace(opt.LabelField))}
	var mrejects []dirEntry
	var err error
	switch {
	case manifestPath != "":
		mrejects, err = d.loadManifest(os.DirFS(filepath.Dir(manifestPath)), filepath.Base(manifestPath), manifestPath, opt)
	default:
		if _, statErr := fs.Stat(fsys, "manifest.csv"); statErr == nil {
			mrejects, err = d.loadManifest(fsys, "manifest.csv", filepath.Join(root, "manifest.csv"), opt)
		}
	}
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	walked := 0
	err = fs.WalkDir(fsys, ".", func(p string, de fs.DirEntry, err error) error {
		if cerr := ctxErr(opt.Context, walked); cerr != nil {
			return cerr
		}
		walked++
		if err != nil {
			if p == "." {
				return err
			}
			d.entries = append(d.entries, dirEntry{rel: p, reject: &RecordError{File: d.display(p), Field: "file", Reason: err.Error()}})
			return nil
		}
		if de.IsDir() || !isTextFile(p) {
			return nil
		}
		seen[p] = true
		d.entries = append(d.entries, dirEntry{rel: p})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading directory %s: %w", root, err)
	}
	for _, m := range mrejects {
		switch {
		case m.reject != nil:
			d.entries = append(d.entries, m)
		case !seen[m.rel]:
			d.entries = append(d.entries, dirEntry{reject: m.missing})
		}
	}
	return d, nil
}

// isTextFile reports whether a path names an article file.
func isTextFile(p string) bool {
	ext := strings.ToLower(path.Ext(p))
	return ext == ".txt" || ext == ".md"
}

func (d *dirReader) display(rel string) string {
	return filepath.Join(d.root, filepath.FromSlash(rel))
}

// loadManifest opens and reads a manifest. Only a regular file (or a link to
// one) is opened: opening a named pipe blocks until a writer comes, which
// would hang the run (and hold its lock) on a stray FIFO; anything else is
// an error naming the manifest.
func (d *dirReader) loadManifest(fsys fs.FS, name, display string, opt Options) ([]dirEntry, error) {
	info, err := fs.Stat(fsys, name)
	if err != nil {
		return nil, fmt.Errorf("reading manifest: %w", err)
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("reading manifest %s: not a regular file (%s)", display, info.Mode().Type())
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, fmt.Errorf("reading manifest: %w", err)
	}
	defer f.Close()
	return d.readManifest(skipBOM(f), display, opt)
}

// readManifest loads the manifest rows into d.manifest. It returns rejects
// for bad rows and, as entries with rel set, every listed path so newDir can
// report those without a file. Rows are read by csvScanner, so each row (not
// the whole manifest) is bounded by the record bound, and a bad row is
// skipped by the same rule as in a CSV corpus.
func (d *dirReader) readManifest(f io.Reader, display string, opt Options) ([]dirEntry, error) {
	sc := newCSVScanner(f, display, "manifest", opt)
	header, err := sc.header()
	if err != nil {
		return nil, fmt.Errorf("reading manifest %s header: %w", display, err)
	}
	col, err := columns(header, append(manifestColumns, d.label)...)
	if err != nil {
		return nil, fmt.Errorf("reading manifest %s: %w", display, err)
	}
	if _, ok := col["path"]; !ok {
		return nil, fmt.Errorf("reading manifest %s: header has no path column", display)
	}
	var out []dirEntry
	for n := 0; ; n++ {
		if err := ctxErr(opt.Context, n); err != nil {
			return nil, fmt.Errorf("reading manifest %s: %w", display, err)
		}
		rec, line, err := sc.next()
		if err == io.EOF {
			return out, nil
		}
		var re *RecordError
		if errors.As(err, &re) {
			out = append(out, dirEntry{reject: re})
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("reading manifest %s: %w", display, err)
		}
		out = append(out, d.addRow(rec, col, line, display))
	}
}

// ctxErr returns ctx's error every 1,024th call of a loop (n counts the
// calls), so that long loops stop soon after a cancel without paying for a
// check on every turn; nil ctx never stops.
func ctxErr(ctx context.Context, n int) error {
	if ctx == nil || n%1024 != 0 {
		return nil
	}
	return ctx.Err()
}

// manifestColumns are the columns read from a manifest.
var manifestColumns = []string{"path", "id", "outlet", "date", "title", "url", "lang"}

// addRow records one manifest row and returns what to report if its file
// turns out to be missing, or a reject for a bad row.
func (d *dirReader) addRow(rec []string, col map[string]int, line int, display string) dirEntry {
	get := func(k string) string {
		if i, ok := col[k]; ok && i < len(rec) {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
	p := path.Clean(strings.ReplaceAll(get("path"), "\\", "/"))
	p = strings.TrimPrefix(p, "./")
	bad := func(reason string) dirEntry {
		return dirEntry{reject: &RecordError{File: display, Line: line, Field: "path", ArticleID: get("id"), Reason: reason}}
	}
	if get("path") == "" || !fs.ValidPath(p) {
		return bad(fmt.Sprintf("invalid path %q", get("path")))
	}
	if first, dup := d.manifest[p]; dup {
		return bad(fmt.Sprintf("duplicate manifest row for %s, first at line %d", p, first.line))
	}
	d.manifest[p] = manifestRow{line: line, id: get("id"), outlet: get("outlet"), date: get("date"),
		title: get("title"), url: get("url"), lang: get("lang"), label: getIf(d.label != "", get, d.label)}
	return dirEntry{rel: p, missing: &RecordError{File: display, Line: line, Field: "path",
		ArticleID: get("id"), Reason: fmt.Sprintf("file %s not found (or not .txt/.md)", p)}}
}

// Next returns the next file's article, a *RecordError for a file or
// manifest row that cannot be used, or io.EOF after the last entry.
func (d *dirReader) Next() (Article, error) {
	if d.pos >= len(d.entries) {
		return Article{}, io.EOF
	}
	e := d.entries[d.pos]
	d.pos++
	if e.reject != nil {
		return Article{}, e.reject
	}
	return d.read(e.rel)
}

// read turns one file into an article. Open and read failures are rejects:
// one unreadable file should not stop a corpus of thousands.
func (d *dirReader) read(rel string) (Article, error) {
	m, ok := d.manifest[rel]
	id := m.id
	if id == "" {
		id = rel
	}
	reject := func(field, reason string) (Article, error) {
		return Article{}, &RecordError{File: d.display(rel), Field: field, ArticleID: id, Reason: reason}
	}
	// Stat before Open: opening a FIFO blocks until a writer comes, and a
	// device such as /dev/zero never ends; only regular files (or links to
	// them) are articles.
	info, err := fs.Stat(d.fsys, rel)
	if err != nil {
		return reject("file", err.Error())
	}
	if !info.Mode().IsRegular() {
		return reject("file", fmt.Sprintf("not a regular file (%s)", info.Mode().Type()))
	}
	f, err := d.fsys.Open(rel)
	if err != nil {
		return reject("file", err.Error())
	}
	body, err := io.ReadAll(io.LimitReader(f, int64(d.max)+1))
	f.Close()
	if err != nil {
		return reject("file", err.Error())
	}
	if len(body) > d.max {
		return reject("file", fmt.Sprintf("file larger than %d bytes", d.max))
	}
	if bytes.IndexByte(body[:min(len(body), 8<<10)], 0) >= 0 {
		return reject("file", "binary file")
	}
	body = bytes.TrimPrefix(body, []byte("\xef\xbb\xbf"))
	if !ok {
		m.outlet = "unknown"
	}
	return build(rawRecord{id: id, outlet: m.outlet, date: m.date, title: m.title, url: m.url,
		lang: m.lang, label: m.label, text: string(body)}, d.display(rel), 0)
}

// Close releases nothing: files are closed as soon as they are read.
func (d *dirReader) Close() error { return nil }
