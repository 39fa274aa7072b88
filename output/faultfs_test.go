package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

var (
	errInjected = errors.New("injected fault")
	errCrashed  = errors.New("process is dead")
)

// faultFS is OSFS with faults on demand, counting calls as steps once
// armed: a one-shot error at chosen steps (failAt), or a crash from a step
// on (crashAt: that call and every later one fail, as if the process had
// died before it). Errors count every call; crashes count only the calls
// that change the tree (crashSteps), because a process that dies before a
// read or an fsync leaves the same tree as one that dies before the next
// change. noExchange makes Exchange unsupported, as on a filesystem without
// RENAME_EXCHANGE. Sync checks that its path exists but does not fsync: a
// process crash loses nothing the page cache holds, and thousands of cases
// must run in seconds.
type faultFS struct {
	OSFS
	armed      bool
	steps      int
	failAt     map[int]bool
	crashAt    int
	noExchange bool
	fired      bool
	log        []string
}

// crashSteps are the calls that change the tree.
var crashSteps = map[string]bool{"mkdirall": true, "rename": true, "exchange": true, "remove": true, "removeall": true, "writefile": true}

func (f *faultFS) step(op, path string) error {
	if !f.armed || (f.crashAt > 0 && !crashSteps[op]) {
		if f.fired && f.crashAt > 0 {
			return fmt.Errorf("%s %s: %w", op, path, errCrashed)
		}
		return nil
	}
	f.steps++
	f.log = append(f.log, fmt.Sprintf("%d %s %s", f.steps, op, path))
	if f.crashAt > 0 && f.steps >= f.crashAt {
		f.fired = true
		return fmt.Errorf("%s %s: %w", op, path, errCrashed)
	}
	if f.failAt[f.steps] {
		f.fired = true
		return fmt.Errorf("%s %s: %w", op, path, errInjected)
	}
	return nil
}

func (f *faultFS) Lstat(name string) (fs.FileInfo, error) {
	if err := f.step("lstat", name); err != nil {
		return nil, err
	}
	return f.OSFS.Lstat(name)
}

func (f *faultFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if err := f.step("readdir", name); err != nil {
		return nil, err
	}
	return f.OSFS.ReadDir(name)
}

func (f *faultFS) ReadFile(name string) ([]byte, error) {
	if err := f.step("readfile", name); err != nil {
		return nil, err
	}
	return f.OSFS.ReadFile(name)
}

func (f *faultFS) MkdirAll(name string) error {
	if err := f.step("mkdirall", name); err != nil {
		return err
	}
	return f.OSFS.MkdirAll(name)
}

func (f *faultFS) Rename(oldpath, newpath string) error {
	if err := f.step("rename", oldpath+" -> "+newpath); err != nil {
		return err
	}
	return f.OSFS.Rename(oldpath, newpath)
}

func (f *faultFS) Exchange(a, b string) error {
	if err := f.step("exchange", a+" <-> "+b); err != nil {
		return err
	}
	if f.noExchange {
		return fmt.Errorf("exchange: %w", errors.ErrUnsupported)
	}
	return f.OSFS.Exchange(a, b)
}

func (f *faultFS) Remove(name string) error {
	if err := f.step("remove", name); err != nil {
		return err
	}
	return f.OSFS.Remove(name)
}

func (f *faultFS) RemoveAll(name string) error {
	if err := f.step("removeall", name); err != nil {
		return err
	}
	return f.OSFS.RemoveAll(name)
}

func (f *faultFS) Sync(name string) error {
	if err := f.step("sync", name); err != nil {
		return err
	}
	_, err := os.Stat(name)
	return err
}

func (f *faultFS) WriteFile(name string, data []byte) error {
	if err := f.step("writefile", name); err != nil {
		return err
	}
	return os.WriteFile(name, data, 0o644) // no fsync, as Sync
}
