package output

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"syscall"
)

// tree is one commit's view of OUT: the output directory, the commit's
// staging directory, and the filesystem it goes through.
type tree struct {
	fsys    FS
	out     string
	staging string
}

// paths returns where a partition lives while it is staged, in OUT, and,
// when moved aside by the two-rename fallback, in the backup directory.
func (t tree) paths(m move) (staged, inOut, backup string) {
	rel := filepath.FromSlash(m.Rel)
	return filepath.Join(t.staging, rel), filepath.Join(t.out, rel), filepath.Join(t.staging, backupDir, rel)
}

// slots holds the inode found at a move's staged, OUT and backup path, 0
// where there is nothing. Together with the journal's inodes they say how
// far a move had got, whatever step a crash stopped it at:
//
//	                         staged  OUT  backup
//	before, or rolled back   new     old  -
//	fallback, old aside      new     -    old
//	fallback, new in         -       new  old     (committed by fallback)
//	exchanged                old     new  -       (committed by exchange)
//
// A partition OUT did not have goes from (new, -, -) to (-, new, -).
type slots struct{ staged, out, backup uint64 }

func (t tree) where(m move) (slots, error) {
	var s slots
	ps, po, pb := t.paths(m)
	for _, x := range []struct {
		path string
		ino  *uint64
	}{{ps, &s.staged}, {po, &s.out}, {pb, &s.backup}} {
		fi, err := t.fsys.Lstat(x.path)
		switch {
		case errors.Is(err, fs.ErrNotExist):
		case err != nil:
			return s, err
		default:
			*x.ino = inode(fi)
		}
	}
	return s, nil
}

// inode is the inode number of a file (Linux and the BSDs).
func inode(fi fs.FileInfo) uint64 {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return uint64(st.Ino)
	}
	return 0
}

// forward moves one partition in: a new one with one rename; over an old
// one with one exchange, so that OUT always holds a complete partition, or,
// where the filesystem cannot exchange, with two renames (the old one aside
// into the backup directory, the new one in), between which the partition
// is missing from OUT. It returns the directories it changed.
func (t tree) forward(m move) ([]string, error) {
	ps, po, pb := t.paths(m)
	touched := []string{filepath.Dir(ps), filepath.Dir(po)}
	if m.Old == 0 {
		return touched, t.fsys.Rename(ps, po)
	}
	err := t.fsys.Exchange(ps, po)
	if !errors.Is(err, errors.ErrUnsupported) {
		return touched, err
	}
	touched = append(touched, filepath.Dir(pb))
	if err := t.fsys.MkdirAll(filepath.Dir(pb)); err != nil {
		return touched, err
	}
	if err := t.fsys.Rename(po, pb); err != nil {
		return touched, err
	}
	return touched, t.fsys.Rename(ps, po)
}

// back undoes what forward did to one partition, from whatever state a
// crash or an error left it in, one step at a time, each step a rename or
// an exchange. It returns the directories it changed.
func (t tree) back(m move) ([]string, error) {
	ps, po, pb := t.paths(m)
	var touched []string
	for range 4 {
		s, err := t.where(m)
		if err != nil {
			return touched, err
		}
		switch s {
		case slots{m.New, m.Old, 0}:
			return touched, nil
		case slots{0, m.New, 0}:
			if m.Old != 0 {
				return touched, t.lost(m, s)
			}
			touched = append(touched, filepath.Dir(ps), filepath.Dir(po))
			err = t.fsys.Rename(po, ps)
		case slots{m.New, 0, m.Old}:
			touched = append(touched, filepath.Dir(pb), filepath.Dir(po))
			err = t.fsys.Rename(pb, po)
		case slots{0, m.New, m.Old}:
			touched = append(touched, filepath.Dir(ps), filepath.Dir(po))
			err = t.fsys.Rename(po, ps)
		case slots{m.Old, m.New, 0}:
			touched = append(touched, filepath.Dir(ps), filepath.Dir(po))
			err = t.fsys.Exchange(ps, po)
			if errors.Is(err, errors.ErrUnsupported) {
				touched = append(touched, filepath.Dir(pb))
				if err = t.fsys.MkdirAll(filepath.Dir(pb)); err == nil {
					err = t.fsys.Rename(ps, pb)
				}
			}
		default:
			return touched, t.lost(m, s)
		}
		if err != nil {
			return touched, err
		}
	}
	return touched, fmt.Errorf("rolling back %s: no progress", m.Rel)
}

// known reports whether s is a state forward or back leaves move m in.
func known(m move, s slots) bool {
	if m.Old == 0 {
		return s == slots{m.New, 0, 0} || s == slots{0, m.New, 0}
	}
	switch s {
	case slots{m.New, m.Old, 0}, slots{m.New, 0, m.Old}, slots{0, m.New, m.Old}, slots{m.Old, m.New, 0}:
		return true
	}
	return false
}

// lost reports a partition found in no state a commit can leave it in.
// Recovery then changes nothing more: a person must look.
func (t tree) lost(m move, s slots) error {
	ps, po, pb := t.paths(m)
	return fmt.Errorf("partition %s is in no state a commit leaves: inodes %s=%d, %s=%d, %s=%d; the journal says new %d, old %d (0: none)",
		m.Rel, ps, s.staged, po, s.out, pb, s.backup, m.New, m.Old)
}

// verify checks that a committed move left the new partition in OUT.
func (t tree) verify(m move) error {
	s, err := t.where(m)
	if err != nil {
		return err
	}
	if s.out != m.New {
		return t.lost(m, s)
	}
	return nil
}
