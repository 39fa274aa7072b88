package corpus

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Issue 16 §3: a FIFO named manifest.csv hung the run for 18 minutes, through SIGTERM,
// holding the lock. Found in a directory, a FIFO is never opened; named by the user, it
// is read, but every blocking open and read gives up soon after the context is done.

// hangLimit fails a test that blocks, instead of hanging the test binary. It is a bound
// on a hang, not a speed measurement: a cancelled read returns at once.
const hangLimit = 5 * time.Second

func mkfifo(t *testing.T, path string) {
	t.Helper()
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
}

// within runs fn and fails the test if it takes longer than hangLimit.
func within(t *testing.T, what string, fn func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { fn(); close(done) }()
	select {
	case <-done:
	case <-time.After(hangLimit):
		t.Fatalf("%s blocked for %v", what, hangLimit)
	}
}

func TestFIFOManifestIsAnError(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Officials welcomed the talks.\n"), 0o644)
	mkfifo(t, filepath.Join(dir, "manifest.csv"))
	for name, opt := range map[string]Options{
		"in the directory": {},
		"named":            {Manifest: filepath.Join(dir, "manifest.csv")},
	} {
		var err error
		within(t, "opening a directory with a FIFO manifest "+name, func() { _, err = Open(dir, opt) })
		if err == nil || !strings.Contains(err.Error(), filepath.Join(dir, "manifest.csv")+": not a regular file") {
			t.Errorf("%s: error %v, want one naming the manifest as not a regular file", name, err)
		}
	}
}

func TestFIFOInDirectoryIsAReject(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Officials welcomed the talks.\n"), 0o644)
	mkfifo(t, filepath.Join(dir, "b.txt"))
	var got []string
	within(t, "reading a directory with a FIFO", func() {
		r, err := Open(dir, Options{})
		if err != nil {
			t.Error(err)
			return
		}
		got = drain(t, r)
	})
	if len(got) != 2 || got[1] != "reject "+filepath.Join(dir, "b.txt")+": file: not a regular file (p---------)" {
		t.Errorf("records %q, want the article and a reject for the FIFO", got)
	}
}

func TestExplicitFIFOHonoursCancel(t *testing.T) {
	t.Run("no writer: open blocks", func(t *testing.T) {
		p := filepath.Join(t.TempDir(), "in.jsonl")
		mkfifo(t, p)
		ctx, cancel := context.WithCancel(context.Background())
		time.AfterFunc(100*time.Millisecond, cancel)
		var err error
		within(t, "Open of a FIFO without a writer after cancel", func() { _, err = Open(p, Options{Context: ctx}) })
		if !errors.Is(err, context.Canceled) {
			t.Errorf("error %v, want context.Canceled", err)
		}
	})
	t.Run("silent writer: read blocks", func(t *testing.T) {
		p := filepath.Join(t.TempDir(), "in.jsonl")
		mkfifo(t, p)
		stop := make(chan struct{})
		defer close(stop)
		go func() { // one article, then silence with the FIFO held open
			w, err := os.OpenFile(p, os.O_WRONLY, 0)
			if err != nil {
				return
			}
			defer w.Close()
			w.WriteString(`{"id":"a","text":"Officials welcomed the talks."}` + "\n")
			<-stop
		}()
		stalled(t, func(ctx context.Context) (Reader, error) { return Open(p, Options{Context: ctx}) })
	})
}

// TestStdinHonoursCancel reads "standard input": a pipe as an *os.File from os.NewFile,
// which Go's poller does not take, so the reads run on the pump goroutine.
func TestStdinHonoursCancel(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	fd, err := syscall.Dup(int(r.Fd())) // Fd puts the pipe in blocking mode
	if err != nil {
		t.Fatal(err)
	}
	r.Close()
	stdin := os.NewFile(uintptr(fd), "stdin")
	defer stdin.Close()
	if stdin.SetReadDeadline(time.Time{}) == nil {
		t.Fatal("the test wants a file without deadlines, as os.Stdin is")
	}
	w.WriteString(`{"id":"a","text":"Officials welcomed the talks."}` + "\n")
	stalled(t, func(ctx context.Context) (Reader, error) { return OpenStdin(stdin, Options{Context: ctx}) })
}

// stalled opens a reader whose input delivers one article and then stalls: Next returns
// the article, then blocks until the context is cancelled, then returns its error.
func stalled(t *testing.T, open func(context.Context) (Reader, error)) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var rd Reader
	within(t, "opening", func() {
		var err error
		if rd, err = open(ctx); err != nil {
			t.Error(err)
		}
	})
	if rd == nil {
		return
	}
	defer rd.Close()
	var a Article
	var err error
	within(t, "reading the first article", func() { a, err = rd.Next() })
	if err != nil || a.ID != "a" {
		t.Fatalf("first record %+v, %v", a, err)
	}
	time.AfterFunc(100*time.Millisecond, cancel)
	within(t, "Next on a stalled input after cancel", func() { _, err = rd.Next() })
	if !errors.Is(err, context.Canceled) {
		t.Errorf("error %v, want context.Canceled", err)
	}
	if _, err := rd.Next(); err == nil || err == io.EOF {
		t.Errorf("Next after the cancel = %v, want an error", err)
	}
}
