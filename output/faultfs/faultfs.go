// Package faultfs is the filesystem of the commit's fault tests: the one
// below it (output.OSFS), with a one-shot error at chosen steps or a crash
// from a step on, so that every step of a commit and of its recovery can be
// shown to leave OUT recoverable (docs/operations.md, "Commit protocol").
// output's own tests and framing-beam's publish tests share it, so that both
// commits are tested against one model of faults.
//
// It imports no project package, so that output's in-package tests can
// import it; its FS has the methods of output.FS. Nothing but tests imports
// it (deps_test.go).
package faultfs

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

var (
	// ErrInjected is the error of a step chosen to fail (FS.FailAt).
	ErrInjected = errors.New("injected fault")
	// ErrCrashed is the error of every step from FS.CrashAt on: the
	// process is taken to be dead, so nothing it does reaches the disk.
	ErrCrashed = errors.New("process is dead")
)

// Base is the filesystem below the faults: output.FS, which output.OSFS
// implements. It is repeated here because this package must not import
// output.
type Base interface {
	Lstat(name string) (fs.FileInfo, error)
	ReadDir(name string) ([]fs.DirEntry, error)
	ReadFile(name string) ([]byte, error)
	MkdirAll(name string) error
	Rename(oldpath, newpath string) error
	Exchange(a, b string) error
	Remove(name string) error
	RemoveAll(name string) error
	Sync(name string) error
	WriteFile(name string, data []byte) error
}

// FS is Base with faults on demand, counting calls as steps once Armed:
// a one-shot error at chosen steps (FailAt), or a crash from a step on
// (CrashAt: that call and every later one fail, as if the process had died
// before it). Errors count every call; crashes count only the calls that
// change the tree (the crash steps), because a process that dies before a
// read or an fsync leaves the same tree as one that dies before the next
// change. NoExchange makes Exchange unsupported, as on a filesystem without
// RENAME_EXCHANGE. Sync checks that its path exists but does not fsync, and
// WriteFile does not fsync either: a process crash loses nothing the page
// cache holds, and thousands of cases must run in seconds.
type FS struct {
	Base       Base
	Armed      bool         // count steps and apply faults
	Steps      int          // steps counted so far
	FailAt     map[int]bool // steps that fail once with ErrInjected
	CrashAt    int          // the first crash step that fails with ErrCrashed; 0: none
	NoExchange bool         // Exchange is unsupported
	Fired      bool         // a fault has happened
	Log        []string     // the steps counted, "N op path"
}

// crashSteps are the calls that change the tree.
var crashSteps = map[string]bool{"mkdirall": true, "rename": true, "exchange": true, "remove": true, "removeall": true, "writefile": true}

func (f *FS) step(op, path string) error {
	if !f.Armed || (f.CrashAt > 0 && !crashSteps[op]) {
		if f.Fired && f.CrashAt > 0 {
			return fmt.Errorf("%s %s: %w", op, path, ErrCrashed)
		}
		return nil
	}
	f.Steps++
	f.Log = append(f.Log, fmt.Sprintf("%d %s %s", f.Steps, op, path))
	if f.CrashAt > 0 && f.Steps >= f.CrashAt {
		f.Fired = true
		return fmt.Errorf("%s %s: %w", op, path, ErrCrashed)
	}
	if f.FailAt[f.Steps] {
		f.Fired = true
		return fmt.Errorf("%s %s: %w", op, path, ErrInjected)
	}
	return nil
}

// Lstat implements output.FS.
func (f *FS) Lstat(name string) (fs.FileInfo, error) {
	if err := f.step("lstat", name); err != nil {
		return nil, err
	}
	return f.Base.Lstat(name)
}

// ReadDir implements output.FS.
func (f *FS) ReadDir(name string) ([]fs.DirEntry, error) {
	if err := f.step("readdir", name); err != nil {
		return nil, err
	}
	return f.Base.ReadDir(name)
}

// ReadFile implements output.FS.
func (f *FS) ReadFile(name string) ([]byte, error) {
	if err := f.step("readfile", name); err != nil {
		return nil, err
	}
	return f.Base.ReadFile(name)
}

// MkdirAll implements output.FS.
func (f *FS) MkdirAll(name string) error {
	if err := f.step("mkdirall", name); err != nil {
		return err
	}
	return f.Base.MkdirAll(name)
}

// Rename implements output.FS.
func (f *FS) Rename(oldpath, newpath string) error {
	if err := f.step("rename", oldpath+" -> "+newpath); err != nil {
		return err
	}
	return f.Base.Rename(oldpath, newpath)
}

// Exchange implements output.FS.
func (f *FS) Exchange(a, b string) error {
	if err := f.step("exchange", a+" <-> "+b); err != nil {
		return err
	}
	if f.NoExchange {
		return fmt.Errorf("exchange: %w", errors.ErrUnsupported)
	}
	return f.Base.Exchange(a, b)
}

// Remove implements output.FS.
func (f *FS) Remove(name string) error {
	if err := f.step("remove", name); err != nil {
		return err
	}
	return f.Base.Remove(name)
}

// RemoveAll implements output.FS.
func (f *FS) RemoveAll(name string) error {
	if err := f.step("removeall", name); err != nil {
		return err
	}
	return f.Base.RemoveAll(name)
}

// Sync implements output.FS without fsyncing (see FS).
func (f *FS) Sync(name string) error {
	if err := f.step("sync", name); err != nil {
		return err
	}
	_, err := os.Stat(name)
	return err
}

// WriteFile implements output.FS without fsyncing (see FS).
func (f *FS) WriteFile(name string, data []byte) error {
	if err := f.step("writefile", name); err != nil {
		return err
	}
	return os.WriteFile(name, data, 0o644)
}
