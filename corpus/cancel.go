package corpus

import (
	"context"
	"errors"
	"io"
	"os"
	"syscall"
	"time"
)

// Inputs the user names on the command line may be named pipes or standard input, whose
// open and reads block for as long as the writer is silent. A run must still stop within
// a second or two of SIGTERM, so such inputs honour Options.Context:
//
//   - open(2) of a FIFO blocks until a writer opens it; openCancelable opens in a
//     goroutine and gives up when the context is done.
//   - A FIFO opened by os.Open is in Go's poller, so an expired read deadline, set when
//     the context is done (context.AfterFunc), ends a blocked Read at once; measured on
//     Linux: 0.5 s after the cancel in a test that cancels at 0.5 s, i.e. immediately.
//   - Standard input is an *os.File made by os.NewFile, which the poller does not take
//     (SetReadDeadline: "file type does not support deadline"). Its reads run on a
//     goroutine of their own and Read returns when either they deliver or the context is
//     done; a read left blocked ends when the process exits.
//
// Regular files never block indefinitely and are read directly.

// openCancelable opens path for reading; for anything but a regular file the open may
// block (a FIFO without a writer), and it then returns ctx's error once ctx is done.
func openCancelable(ctx context.Context, path string) (*os.File, error) {
	if ctx == nil {
		return os.Open(path)
	}
	if info, err := os.Stat(path); err != nil || info.Mode().IsRegular() {
		return os.Open(path)
	}
	type result struct {
		f   *os.File
		err error
	}
	done := make(chan result, 1)
	go func() {
		f, err := os.Open(path)
		done <- result{f, err}
	}()
	select {
	case r := <-done:
		return r.f, r.err
	case <-ctx.Done():
		// A FIFO's open for reading returns once a writer opens it: be that writer, so
		// that the goroutine above does not stay blocked, and close what it opened.
		if w, err := os.OpenFile(path, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
			w.Close()
		}
		go func() {
			if r := <-done; r.f != nil {
				r.f.Close()
			}
		}()
		return nil, ctx.Err()
	}
}

// cancelable returns r made to honour ctx when r is an *os.File that is not a regular
// file, and r itself otherwise.
func cancelable(ctx context.Context, r io.Reader) io.Reader {
	f, ok := r.(*os.File)
	if ctx == nil || !ok {
		return r
	}
	if info, err := f.Stat(); err == nil && info.Mode().IsRegular() {
		return r
	}
	if err := f.SetReadDeadline(noDeadline); err == nil {
		context.AfterFunc(ctx, func() { f.SetReadDeadline(expired) })
		return &deadlineReader{ctx: ctx, f: f}
	}
	return &pumpReader{ctx: ctx, r: f}
}

var (
	noDeadline time.Time         // the zero time: no deadline
	expired    = time.Unix(1, 0) // any time in the past ends blocked reads at once
)

// deadlineReader reads a pollable file whose read deadline expires when ctx is done.
type deadlineReader struct {
	ctx context.Context
	f   *os.File
}

func (d *deadlineReader) Read(p []byte) (int, error) {
	n, err := d.f.Read(p)
	if errors.Is(err, os.ErrDeadlineExceeded) && d.ctx.Err() != nil {
		return n, d.ctx.Err()
	}
	return n, err
}

// pumpReader reads r on a goroutine of its own so that Read can return when ctx is done
// while a read of r is still blocked.
type pumpReader struct {
	ctx     context.Context
	r       io.Reader
	chunks  chan pumpChunk
	free    chan []byte
	current pumpChunk // the chunk being handed out, and how far
	off     int
	err     error
}

type pumpChunk struct {
	buf []byte
	n   int
	err error
}

const pumpBuf = 64 << 10

func (p *pumpReader) start() {
	p.chunks, p.free = make(chan pumpChunk, 1), make(chan []byte, 2)
	p.free <- make([]byte, pumpBuf)
	p.free <- make([]byte, pumpBuf)
	go func() {
		for buf := range p.free {
			n, err := p.r.Read(buf)
			p.chunks <- pumpChunk{buf, n, err}
			if err != nil {
				return
			}
		}
	}()
}

func (p *pumpReader) Read(b []byte) (int, error) {
	if p.chunks == nil {
		p.start()
	}
	for p.off >= p.current.n {
		if p.err != nil {
			return 0, p.err
		}
		if p.current.buf != nil {
			p.free <- p.current.buf
			p.current.buf = nil
		}
		select {
		case c := <-p.chunks:
			p.current, p.off, p.err = c, 0, c.err
		case <-p.ctx.Done():
			return 0, p.ctx.Err()
		}
	}
	n := copy(b, p.current.buf[p.off:p.current.n])
	p.off += n
	return n, nil
}
