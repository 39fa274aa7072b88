package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// outcome is what resolving a staging directory did.
type outcome int

const (
	discarded     outcome = iota // no journal: an uncommitted run's files, removed
	rolledBack                   // a prepared journal: every partition put back
	rolledForward                // a committed journal: the old partitions removed
)

// Recovered describes one interrupted commit that Recover completed or
// rolled back.
type Recovered struct {
	Dir        string // the staging directory, below OUT
	Forward    bool   // the commit had reached its commit point and was completed
	Partitions int    // partitions it moved
}

func (r Recovered) String() string {
	if r.Forward {
		return fmt.Sprintf("completed an interrupted commit of %d partitions (%s): they were in place; the partitions they replaced are removed", r.Partitions, r.Dir)
	}
	return fmt.Sprintf("rolled back an interrupted commit of %d partitions (%s): OUT holds again what it held before that commit", r.Partitions, r.Dir)
}

// Recover puts OUT in a committed state before anything else reads or
// writes it, as SQLite does with a hot journal: it rolls every interrupted
// commit back (its journal is prepared) or forward (committed), removes the
// staging directories of runs that stopped before their commit, and the
// trash directories of older versions (restoreTrash). The caller must hold
// OUT's lock. When a commit cannot be resolved, Recover stops and says why;
// nothing must then write to OUT until a person has looked.
func Recover(fsys FS, outDir string) ([]Recovered, error) {
	ents, err := fsys.ReadDir(outDir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("recovering %s: %w", outDir, err)
	}
	var done []Recovered
	for _, e := range ents { // ReadDir sorts by name
		n := e.Name()
		if !strings.HasPrefix(n, stagingPrefix) {
			continue
		}
		if !e.IsDir() { // not a commit's: no journal to read in it
			if err := fsys.RemoveAll(filepath.Join(outDir, n)); err != nil {
				return done, fmt.Errorf("recovering %s: %w", outDir, err)
			}
			continue
		}
		o, j, err := tree{fsys, outDir, filepath.Join(outDir, n)}.resolve()
		if err != nil {
			return done, fmt.Errorf("recovering %s: %w", outDir, err)
		}
		if o != discarded {
			done = append(done, Recovered{Dir: n, Forward: o == rolledForward, Partitions: len(j.Moves)})
		}
	}
	for _, e := range ents {
		n := e.Name()
		if !strings.HasPrefix(n, trashPrefix) {
			continue
		}
		if err := restoreTrash(outDir, filepath.Join(outDir, n)); err != nil {
			return done, fmt.Errorf("cleaning staging in %s: %w", outDir, err)
		}
		if err := fsys.RemoveAll(filepath.Join(outDir, n)); err != nil {
			return done, fmt.Errorf("cleaning staging in %s: %w", outDir, err)
		}
	}
	return done, nil
}

// CleanStaging is Recover on the operating system's filesystem, for callers
// that do not report what it did.
func CleanStaging(outDir string) error {
	_, err := Recover(OSFS{}, outDir)
	return err
}

// resolve finishes one staging directory: a committed journal is rolled
// forward (each new partition checked in place), a prepared one back; then
// the directory is removed. Each step is safe to repeat, so a crash during
// resolve is resolved by the next one.
func (t tree) resolve() (outcome, journal, error) {
	name := filepath.Join(t.staging, journalCommitted)
	b, err := t.fsys.ReadFile(name)
	if err == nil {
		j, err := parseJournal(b)
		if err != nil {
			return rolledForward, j, fmt.Errorf("%s: %w", name, err)
		}
		for _, m := range j.Moves {
			if err := t.verify(m); err != nil {
				return rolledForward, j, fmt.Errorf("%s: %w", name, err)
			}
		}
		return rolledForward, j, t.finish(journalCommitted)
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return rolledForward, journal{}, err
	}
	name = filepath.Join(t.staging, journalPrepared)
	b, err = t.fsys.ReadFile(name)
	if errors.Is(err, fs.ErrNotExist) {
		if err := t.fsys.RemoveAll(t.staging); err != nil {
			return discarded, journal{}, err
		}
		return discarded, journal{}, t.fsys.Sync(t.out)
	}
	if err != nil {
		return rolledBack, journal{}, err
	}
	j, err := parseJournal(b)
	if err != nil {
		return rolledBack, j, fmt.Errorf("%s: %w", name, err)
	}
	if err := t.rollback(j); err != nil {
		return rolledBack, j, fmt.Errorf("%s: %w", name, err)
	}
	return rolledBack, j, t.finish(journalPrepared)
}

// rollback puts every partition of j back, last moved first, makes that
// durable and removes the directories the commit created. It first checks
// that every partition is in a state a commit leaves, so that it changes
// nothing when it must refuse.
func (t tree) rollback(j journal) error {
	for _, m := range j.Moves {
		s, err := t.where(m)
		if err != nil {
			return err
		}
		if !known(m, s) {
			return t.lost(m, s)
		}
	}
	dirs := map[string]bool{}
	for i := len(j.Moves) - 1; i >= 0; i-- {
		touched, err := t.back(j.Moves[i])
		for _, d := range touched {
			dirs[d] = true
		}
		if err != nil {
			return fmt.Errorf("rolling back %s: %w", j.Moves[i].Rel, err)
		}
	}
	if err := t.syncDirs(dirs); err != nil {
		return err
	}
	for i := len(j.Dirs) - 1; i >= 0; i-- {
		p := filepath.Join(t.out, filepath.FromSlash(j.Dirs[i]))
		ents, err := t.fsys.ReadDir(p)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			continue
		case err != nil:
			return err
		case len(ents) > 0:
			continue // something else lives there now: leave it
		}
		if err := t.fsys.Remove(p); err != nil {
			return err
		}
		if err := t.fsys.Sync(filepath.Dir(p)); err != nil {
			return err
		}
	}
	return nil
}

// finish removes a resolved commit: first its journal, so that a crash
// while the rest goes leaves a staging directory without one, which is
// simply removed, then the directory.
func (t tree) finish(journalName string) error {
	if err := t.fsys.Remove(filepath.Join(t.staging, journalName)); err != nil {
		return err
	}
	if err := t.fsys.Sync(t.staging); err != nil {
		return err
	}
	if err := t.fsys.RemoveAll(t.staging); err != nil {
		return err
	}
	return t.fsys.Sync(t.out)
}

// restoreTrash moves each trash/<table>/<partition> directory back into OUT
// when OUT has no partition of that name; a version-1 key=value name is
// restored under its version-2 name (migrate.go). Trash directories come from
// versions before the journal, which moved an old partition aside before
// renaming its replacement in, and from publishers that still do (a kill
// between the two renames must not cost the night its data).
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

// Pending reports whether OUT holds the journal of a commit that was
// prepared but not finished: a reader must have it resolved (Recover) to
// see one state of every table. It changes nothing.
func Pending(outDir string) (bool, error) {
	for _, name := range []string{journalPrepared, journalCommitted} {
		m, err := filepath.Glob(filepath.Join(globEscape(outDir), stagingPrefix+"*", name))
		if err != nil {
			return false, fmt.Errorf("looking for commit journals in %s: %w", outDir, err)
		}
		if len(m) > 0 {
			return true, nil
		}
	}
	return false, nil
}

// globEscape quotes the metacharacters of filepath.Match in a literal path.
func globEscape(p string) string {
	var b strings.Builder
	for _, r := range p {
		if strings.ContainsRune(`*?[\`, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
