package output

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

const (
	stagingPrefix = ".staging-"
	trashPrefix   = ".trash-"
)

// Commit stages one run's partitions in a dot directory inside OUT and puts
// them in place all at once or not at all (docs/operations.md, "Commit
// protocol"): a journal in the staging directory lists every partition
// directory to move, and one rename of that journal decides whether a crash
// is rolled back or forward. Readers never see a partial file, and a failed
// run leaves every table of OUT as it was. Dot directories are skipped by
// DuckDB's and pyarrow's globs.
type Commit struct {
	fsys     FS
	out      string
	staging  string
	parts    map[string]bool // partition directories (partitionRel), relative to staging
	done     bool
	leftover error // what cleaning up after a successful commit could not do
}

// NewCommit is NewCommitFS on the operating system's filesystem.
func NewCommit(outDir string) (*Commit, error) { return NewCommitFS(OSFS{}, outDir) }

// NewCommitFS creates OUT if needed and a fresh staging directory inside
// it, on the same filesystem so that the moves of the commit are renames.
// The commit's steps go through fsys; the staged files are written with the
// os package.
func NewCommitFS(fsys FS, outDir string) (*Commit, error) {
	if err := fsys.MkdirAll(outDir); err != nil {
		return nil, fmt.Errorf("creating output directory %s: %w", outDir, err)
	}
	var b [8]byte
	if _, err := rand.Read(b[:]); err != nil {
		return nil, fmt.Errorf("naming staging directory: %w", err)
	}
	st := filepath.Join(outDir, stagingPrefix+hex.EncodeToString(b[:]))
	if err := fsys.MkdirAll(st); err != nil {
		return nil, fmt.Errorf("creating staging directory: %w", err)
	}
	return &Commit{fsys: fsys, out: outDir, staging: st, parts: map[string]bool{}}, nil
}

// Out is the output directory the commit moves its partitions into.
func (c *Commit) Out() string { return c.out }

// Dir is the staging directory, laid out like OUT, so that a run can read
// partitions it has staged but not yet committed, and other writers
// (framing-beam's workers) can write partitions for Table.Adopt.
func (c *Commit) Dir() string { return c.staging }

// create opens the staged file of one partition of a table (layout.go).
// Each partition can be created once per commit. Tables call it (registry.go).
func (c *Commit) create(table, partKey, partValue string) (io.WriteCloser, error) {
	rel, err := c.claim(table, partKey, partValue)
	if err != nil {
		return nil, fmt.Errorf("creating %s partition %s: %w", table, partitionDir(partKey, partValue), err)
	}
	f, err := c.createFile(rel)
	if err != nil {
		return nil, fmt.Errorf("creating %s partition %s: %w", table, partitionDir(partKey, partValue), err)
	}
	c.parts[rel] = true
	return f, nil
}

// claim checks that a partition can still be staged in the commit, once,
// and returns its directory relative to the staging directory.
func (c *Commit) claim(table, partKey, partValue string) (string, error) {
	if c.done {
		return "", errors.New("commit already finished")
	}
	for i, s := range []string{table, partKey, partValue} {
		if s == "" || strings.HasPrefix(s, ".") || strings.ContainsAny(s, `/\`) || (i < 2 && strings.Contains(s, "=")) {
			return "", fmt.Errorf("bad name %q", s)
		}
	}
	rel := partitionRel(table, partKey, partValue)
	if c.parts[rel] {
		return "", errors.New("already staged")
	}
	return rel, nil
}

// adopt makes a partition directory that other writers staged below the
// staging directory part of the commit (Table.Adopt): a directory of
// part-NNNNN.parquet files, part-00000.parquet among them, and nothing else,
// so that no temporary or foreign file is published.
func (c *Commit) adopt(table, partKey, partValue string) error {
	rel, err := c.claim(table, partKey, partValue)
	if err != nil {
		return fmt.Errorf("adopting %s partition %s: %w", table, partitionDir(partKey, partValue), err)
	}
	dir := filepath.Join(c.staging, rel)
	ents, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("adopting %s partition %s: %w", table, partitionDir(partKey, partValue), err)
	}
	first := false
	for _, e := range ents {
		if !e.Type().IsRegular() || !partFileName(e.Name()) {
			return fmt.Errorf("adopting %s partition %s: %s is not a part file", table, partitionDir(partKey, partValue), filepath.Join(dir, e.Name()))
		}
		first = first || e.Name() == PartFile
	}
	if !first {
		return fmt.Errorf("adopting %s partition %s: no %s in %s", table, partitionDir(partKey, partValue), PartFile, dir)
	}
	c.parts[rel] = true
	return nil
}

func (c *Commit) createFile(rel string) (io.WriteCloser, error) {
	dir := filepath.Join(c.staging, rel)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	return os.OpenFile(filepath.Join(dir, PartFile), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
}

// Commit puts every staged partition directory in place, whatever files it
// holds, or, when any step fails, none: it rolls back what it moved before
// it returns the error. Only when the rollback fails too does the error say
// that OUT holds partitions of both the old and the new state until the next
// framing command on OUT completes the rollback (Recover). The runs table
// moves last, so that a run's row appears after its other partitions. The
// caller must have closed every file from create without error.
func (c *Commit) Commit() error {
	if c.done {
		return fmt.Errorf("commit %s already finished", c.staging)
	}
	c.done = true
	t := tree{c.fsys, c.out, c.staging}
	j, err := t.prepare(c.sortedRels())
	if err == nil {
		err = t.apply(j)
	}
	if err == nil {
		err = c.markCommitted()
	}
	if err != nil {
		return c.fail(err)
	}
	if err := t.finish(journalCommitted); err != nil {
		c.leftover = err
	}
	return nil
}

// sortedRels lists the staged partitions in the order they move: by name,
// the runs table last.
func (c *Commit) sortedRels() []string {
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
	return rels
}

// markCommitted renames the journal from prepared to committed: the commit
// point. When the rename cannot be made durable, it is undone, so that the
// outcome a crash would leave is the one reported.
func (c *Commit) markCommitted() error {
	prepared, committed := filepath.Join(c.staging, journalPrepared), filepath.Join(c.staging, journalCommitted)
	if err := c.fsys.Rename(prepared, committed); err != nil {
		return err
	}
	err := c.fsys.Sync(c.staging)
	if err == nil {
		return nil
	}
	if rerr := c.fsys.Rename(committed, prepared); rerr != nil {
		// Committed, and durably so unless the machine crashes before
		// the directory reaches the disk.
		c.leftover = fmt.Errorf("the commit point may not be on disk yet: %w", err)
		return nil
	}
	return err
}

// fail rolls the commit back after err and says what OUT holds.
func (c *Commit) fail(err error) error {
	done, _, rerr := tree{c.fsys, c.out, c.staging}.resolve()
	switch {
	case rerr != nil:
		return fmt.Errorf("%w; rolling back: %v; %s may hold partitions of both states until the next framing command on it rolls the commit back (journal in %s)", err, rerr, c.out, c.staging)
	case done == rolledForward:
		// The commit point was reached although a step reported an
		// error (a rename that took effect and then failed).
		c.leftover = err
		return nil
	}
	return fmt.Errorf("%w (rolled back: %s is as it was)", err, c.out)
}

// Leftover reports what could not be cleaned up after a successful commit:
// a staging directory the next command on OUT removes. It is no reason to
// fail the run.
func (c *Commit) Leftover() error { return c.leftover }

// Abort discards the staged partitions; output committed by earlier runs is
// untouched. After a Commit whose rollback failed it tries the rollback
// again, and leaves the journal for the next command when it fails again.
func (c *Commit) Abort() error {
	c.done = true
	if _, _, err := (tree{c.fsys, c.out, c.staging}).resolve(); err != nil {
		return fmt.Errorf("aborting commit: %w", err)
	}
	return nil
}

// prepare makes the staged files durable, works out the journal and writes
// it: after prepare, every step of the commit can be undone from the
// journal alone.
func (t tree) prepare(rels []string) (journal, error) {
	j := journal{Format: journalFormat, Version: 1}
	if err := t.syncStaged(rels); err != nil {
		return j, err
	}
	seenDir := map[string]bool{}
	for _, rel := range rels {
		m := move{Rel: filepath.ToSlash(rel)}
		fi, err := t.fsys.Lstat(filepath.Join(t.staging, rel))
		if err != nil {
			return j, err
		}
		m.New = inode(fi)
		switch fi, err := t.fsys.Lstat(filepath.Join(t.out, rel)); {
		case err == nil && !fi.IsDir():
			return j, fmt.Errorf("%s is not a directory", filepath.Join(t.out, rel))
		case err == nil:
			m.Old = inode(fi)
		case !errors.Is(err, fs.ErrNotExist):
			return j, err
		}
		missing, err := t.missingParents(rel, seenDir)
		if err != nil {
			return j, err
		}
		j.Dirs = append(j.Dirs, missing...)
		j.Moves = append(j.Moves, m)
	}
	tmp := filepath.Join(t.staging, journalTmp)
	if err := t.fsys.WriteFile(tmp, j.encode()); err != nil {
		return j, err
	}
	if err := t.fsys.Rename(tmp, filepath.Join(t.staging, journalPrepared)); err != nil {
		return j, err
	}
	return j, t.fsys.Sync(t.staging)
}

// syncStaged fsyncs every staged file, every staged directory and the
// staging directory's entry in OUT, so that no move can expose data that a
// crash would lose.
func (t tree) syncStaged(rels []string) error {
	dirs := map[string]bool{t.staging: true}
	for _, rel := range rels {
		dir := filepath.Join(t.staging, rel)
		ents, err := t.fsys.ReadDir(dir)
		if err != nil {
			return err
		}
		for _, e := range ents {
			if err := t.fsys.Sync(filepath.Join(dir, e.Name())); err != nil {
				return err
			}
		}
		for d := dir; d != t.staging && !dirs[d]; d = filepath.Dir(d) {
			dirs[d] = true
		}
	}
	if err := t.syncDirs(dirs); err != nil {
		return err
	}
	return t.fsys.Sync(t.out)
}

// missingParents lists, parents first, the directories above partition rel
// in OUT that do not exist yet and are not in seen.
func (t tree) missingParents(rel string, seen map[string]bool) ([]string, error) {
	var missing []string
	for d := filepath.Dir(rel); d != "." && !seen[d]; d = filepath.Dir(d) {
		ok, err := exists(t.fsys, filepath.Join(t.out, d))
		if err != nil {
			return nil, err
		}
		if ok {
			break
		}
		seen[d] = true
		missing = append([]string{filepath.ToSlash(d)}, missing...)
	}
	return missing, nil
}

// apply creates the journal's directories and moves every partition in.
func (t tree) apply(j journal) error {
	dirs := map[string]bool{}
	for _, d := range j.Dirs {
		p := filepath.Join(t.out, filepath.FromSlash(d))
		if err := t.fsys.MkdirAll(p); err != nil {
			return err
		}
		dirs[filepath.Dir(p)] = true
	}
	for _, m := range j.Moves {
		touched, err := t.forward(m)
		for _, d := range touched {
			dirs[d] = true
		}
		if err != nil {
			return fmt.Errorf("moving %s into place: %w", m.Rel, err)
		}
	}
	return t.syncDirs(dirs)
}

// syncDirs fsyncs each directory of the set, in a fixed order.
func (t tree) syncDirs(dirs map[string]bool) error {
	list := make([]string, 0, len(dirs))
	for d := range dirs {
		list = append(list, d)
	}
	sort.Strings(list)
	for _, d := range list {
		if err := t.fsys.Sync(d); err != nil {
			return err
		}
	}
	return nil
}
