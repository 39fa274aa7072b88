//go:build commitfaults

package main

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"syscall"

	"framing/output"
)

// This file is built only with -tags commitfaults, by the integration
// tests (integration/commit_test.go), never into a release: it lets a test
// kill the process, or make a step fail with EIO, at any step of the commit
// and of the recovery that changes the output tree.
//
//	FRAMING_TEST_COMMIT_KILL=k  SIGKILL before the k-th such step
//	FRAMING_TEST_COMMIT_EIO=k   the k-th such step fails with EIO
//	FRAMING_TEST_NO_EXCHANGE=1  the filesystem cannot exchange directories

// commitFS returns the filesystem of the commit, faulty as the environment
// asks.
func commitFS() output.FS {
	kill, _ := strconv.Atoi(os.Getenv("FRAMING_TEST_COMMIT_KILL"))
	eio, _ := strconv.Atoi(os.Getenv("FRAMING_TEST_COMMIT_EIO"))
	return &faultFS{kill: kill, eio: eio, noExchange: os.Getenv("FRAMING_TEST_NO_EXCHANGE") == "1"}
}

type faultFS struct {
	output.OSFS
	kill, eio  int
	noExchange bool
	steps      int
}

// step counts one change of the tree and applies the fault set for it.
func (f *faultFS) step(op, path string) error {
	f.steps++
	if f.steps == f.kill {
		fmt.Fprintf(os.Stderr, "commitfaults: SIGKILL before step %d (%s %s)\n", f.steps, op, path)
		syscall.Kill(os.Getpid(), syscall.SIGKILL)
		select {}
	}
	if f.steps == f.eio {
		fmt.Fprintf(os.Stderr, "commitfaults: EIO at step %d (%s %s)\n", f.steps, op, path)
		return &os.PathError{Op: op, Path: path, Err: syscall.EIO}
	}
	return nil
}

func (f *faultFS) MkdirAll(name string) error {
	if err := f.step("mkdir", name); err != nil {
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
	if f.noExchange {
		return fmt.Errorf("exchanging %s and %s: %w", a, b, errors.ErrUnsupported)
	}
	if err := f.step("exchange", a+" <-> "+b); err != nil {
		return err
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

func (f *faultFS) WriteFile(name string, data []byte) error {
	if err := f.step("write", name); err != nil {
		return err
	}
	return f.OSFS.WriteFile(name, data)
}
