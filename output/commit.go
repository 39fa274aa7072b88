package output

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

const (
	stagingPrefix = ".staging-"
	trashPrefix   = ".trash-"
)

// Commit stages one run's partitions in a dot directory inside OUT and
// renames them into place only when every file is complete, so that
// readers never see a partial file and a failed run leaves earlier output
// as it was. Dot directories are skipped by DuckDB's and pyarrow's globs.
type Commit struct {
	out     string
	staging string
	parts   map[string]bool // partition directories (partitionRel), relative to staging
	done    bool
}

// NewCommit creates OUT if needed and a fresh staging directory inside it,
// on the same filesystem so that the final renames are atomic.
func NewCommit(outDir string) (*Commit, error) {
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return nil, fmt.Errorf("creating output directory %s: %w", outDir, err)
	}
	var b [8]byte
	if _, err := rand.Read(b[:]); err != nil {
		return nil, fmt.Errorf("naming staging directory: %w", err)
	}
	st := filepath.Join(outDir, stagingPrefix+hex.EncodeToString(b[:]))
	if err := os.Mkdir(st, 0o755); err != nil {
		return nil, fmt.Errorf("creating staging directory: %w", err)
	}
	return &Commit{out: outDir, staging: st, parts: map[string]bool{}}, nil
}

// Out is the output directory the commit moves its partitions into.
func (c *Commit) Out() string { return c.out }

// Dir is the staging directory, laid out like OUT, so that a run can read
// partitions it has staged but not yet committed.
func (c *Commit) Dir() string { return c.staging }

// CleanStaging removes staging and trash directories left in OUT by killed
// runs. A partition found in a trash directory whose place in OUT is empty
// is moved back first: a run killed between moving it aside and renaming its
// replacement in (as commits before file-level renames did) must not cost
// the night its data. The pipeline calls it while it holds OUT's lock, when
// no other run can be staging.
func CleanStaging(outDir string) error {
	ents, err := os.ReadDir(outDir)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("cleaning staging in %s: %w", outDir, err)
	}
	for _, e := range ents {
		n := e.Name()
		if strings.HasPrefix(n, trashPrefix) {
			if err := restoreTrash(outDir, filepath.Join(outDir, n)); err != nil {
				return fmt.Errorf("cleaning staging in %s: %w", outDir, err)
			}
		}
		if strings.HasPrefix(n, stagingPrefix) || strings.HasPrefix(n, trashPrefix) {
			if err := os.RemoveAll(filepath.Join(outDir, n)); err != nil {
				return fmt.Errorf("cleaning staging in %s: %w", outDir, err)
			}
		}
	}
	return nil
}

// restoreTrash moves each trash/<table>/<partition> directory back into OUT
// when OUT has no partition of that name; a version-1 key=value name is
// restored under its version-2 name.
func restoreTrash(outDir, trash string) error {
	parts, err := filepath.Glob(partitionDirsGlob(trash))
	if err != nil {
		return err
	}
	for _, p := range parts {
		rel, err := filepath.Rel(trash, p)
		if err != nil {
			return err
		}
		if v, ok := versionOneValue(filepath.Base(rel)); ok {
			rel = filepath.Join(filepath.Dir(rel), v)
		}
		dst := filepath.Join(outDir, rel)
		if _, err := os.Stat(dst); !errors.Is(err, os.ErrNotExist) {
			continue // replaced, or unreadable: leave OUT as it is
		}
		if _, err := os.Stat(filepath.Join(p, PartFile)); err != nil {
			continue
		}
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		if err := os.Rename(p, dst); err != nil {
			return fmt.Errorf("restoring %s: %w", rel, err)
		}
		if err := syncPath(filepath.Dir(dst)); err != nil {
			return err
		}
	}
	return nil
}

// create opens the staged file of one partition of a table (layout.go).
// Each partition can be created once per commit. Tables call it (registry.go).
func (c *Commit) create(table, partKey, partValue string) (io.WriteCloser, error) {
	if c.done {
		return nil, fmt.Errorf("creating %s partition %s: commit already finished", table, partitionDir(partKey, partValue))
	}
	for i, s := range []string{table, partKey, partValue} {
		if s == "" || strings.HasPrefix(s, ".") || strings.ContainsAny(s, `/\`) || (i < 2 && strings.Contains(s, "=")) {
			return nil, fmt.Errorf("creating %s partition %s: bad name %q", table, partitionDir(partKey, partValue), s)
		}
	}
	rel := partitionRel(table, partKey, partValue)
	if c.parts[rel] {
		return nil, fmt.Errorf("creating %s partition %s: already created", table, partitionDir(partKey, partValue))
	}
	f, err := c.createFile(rel)
	if err != nil {
		return nil, fmt.Errorf("creating %s partition %s: %w", table, partitionDir(partKey, partValue), err)
	}
	c.parts[rel] = true
	return f, nil
}

func (c *Commit) createFile(rel string) (io.WriteCloser, error) {
	dir := filepath.Join(c.staging, rel)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	return os.OpenFile(filepath.Join(dir, PartFile), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
}

// Commit moves every staged partition into place: it syncs the files,
// renames each staged part file over the partition's file in OUT (rename(2)
// replaces a file atomically, so a reader or a kill sees the old file or the
// new one, never neither), syncs the parent directories and removes staging.
// The runs table goes last, so that a run's row appears only once all its
// other partitions are in place. The caller must have closed every file
// from Create without error.
func (c *Commit) Commit() error {
	if c.done {
		return fmt.Errorf("committing %s: already finished", c.staging)
	}
	c.done = true
	rels := make([]string, 0, len(c.parts))
	for r := range c.parts {
		rels = append(rels, r)
	}
	last := func(rel string) bool { return strings.HasPrefix(rel, Runs.Name()+string(filepath.Separator)) }
	sort.Slice(rels, func(i, j int) bool {
		if last(rels[i]) != last(rels[j]) {
			return last(rels[j])
		}
		return rels[i] < rels[j]
	})
	for _, rel := range rels {
		if err := syncPath(filepath.Join(c.staging, rel, PartFile)); err != nil {
			return fmt.Errorf("committing %s: %w", rel, err)
		}
		if err := syncPath(filepath.Join(c.staging, rel)); err != nil {
			return fmt.Errorf("committing %s: %w", rel, err)
		}
	}
	for _, rel := range rels {
		if err := c.move(rel); err != nil {
			return fmt.Errorf("committing %s: %w", rel, err)
		}
	}
	if err := os.RemoveAll(c.staging); err != nil {
		return fmt.Errorf("removing staging directory: %w", err)
	}
	return syncPath(c.out)
}

// move puts one staged partition in place: a new partition's directory is
// renamed in whole; for an existing one, the staged part file is renamed
// over the old file. Either way one rename makes the new data visible.
func (c *Commit) move(rel string) error {
	dst := filepath.Join(c.out, rel)
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	_, err := os.Stat(dst)
	switch {
	case errors.Is(err, os.ErrNotExist):
		if err := os.Rename(filepath.Join(c.staging, rel), dst); err != nil {
			return err
		}
		return syncPath(filepath.Dir(dst))
	case err != nil:
		return err
	}
	if err := os.Rename(filepath.Join(c.staging, rel, PartFile), filepath.Join(dst, PartFile)); err != nil {
		return err
	}
	return syncPath(dst)
}

// Abort removes the staging directory; output committed by earlier runs is
// untouched.
func (c *Commit) Abort() error {
	c.done = true
	if err := os.RemoveAll(c.staging); err != nil {
		return fmt.Errorf("aborting commit: %w", err)
	}
	return nil
}

// syncPath fsyncs a file or directory so that a rename after it cannot
// expose unwritten data after a crash.
func syncPath(p string) error {
	f, err := os.Open(p)
	if err != nil {
		return fmt.Errorf("syncing %s: %w", p, err)
	}
	serr := f.Sync()
	cerr := f.Close()
	if serr != nil {
		return fmt.Errorf("syncing %s: %w", p, serr)
	}
	if cerr != nil {
		return fmt.Errorf("closing %s: %w", p, cerr)
	}
	return nil
}
