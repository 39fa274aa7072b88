package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

// FS is the filesystem a commit and its recovery go through (commit.go,
// recover.go). Production uses OSFS; tests wrap it to fail or stop at any
// step, so that every step of the protocol is shown to leave OUT
// recoverable. Every method is one step: one system call, or one call that
// must finish as a whole (WriteFile, RemoveAll).
type FS interface {
	Lstat(name string) (fs.FileInfo, error)
	ReadDir(name string) ([]fs.DirEntry, error)
	ReadFile(name string) ([]byte, error)
	MkdirAll(name string) error
	Rename(oldpath, newpath string) error
	// Exchange swaps two directory entries in one atomic step
	// (renameat2(2) RENAME_EXCHANGE). Where the filesystem or kernel cannot,
	// it returns an error that wraps errors.ErrUnsupported and changes
	// nothing, and the commit falls back to two renames.
	Exchange(a, b string) error
	Remove(name string) error
	RemoveAll(name string) error
	// Sync fsyncs a file or a directory.
	Sync(name string) error
	// WriteFile creates name, which must not exist, writes data, fsyncs
	// and closes it.
	WriteFile(name string, data []byte) error
}

// OSFS is FS on the operating system's filesystem.
type OSFS struct{}

// Lstat implements FS.
func (OSFS) Lstat(name string) (fs.FileInfo, error) { return os.Lstat(name) }

// ReadDir implements FS.
func (OSFS) ReadDir(name string) ([]fs.DirEntry, error) { return os.ReadDir(name) }

// ReadFile implements FS.
func (OSFS) ReadFile(name string) ([]byte, error) { return os.ReadFile(name) }

// MkdirAll implements FS.
func (OSFS) MkdirAll(name string) error { return os.MkdirAll(name, 0o755) }

// Rename implements FS.
func (OSFS) Rename(oldpath, newpath string) error { return os.Rename(oldpath, newpath) }

// Exchange implements FS (exchange_*.go).
func (OSFS) Exchange(a, b string) error { return exchange(a, b) }

// Remove implements FS.
func (OSFS) Remove(name string) error { return os.Remove(name) }

// RemoveAll implements FS.
func (OSFS) RemoveAll(name string) error { return os.RemoveAll(name) }

// Sync implements FS.
func (OSFS) Sync(name string) error { return syncPath(name) }

// WriteFile implements FS.
func (OSFS) WriteFile(name string, data []byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, werr := f.Write(data)
	if werr == nil {
		werr = f.Sync()
	}
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr != nil {
		return fmt.Errorf("writing %s: %w", name, werr)
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

// exists reports whether name exists, through fsys.
func exists(fsys FS, name string) (bool, error) {
	_, err := fsys.Lstat(name)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	return err == nil, err
}
