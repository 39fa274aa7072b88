package integration

import (
	"bytes"
	"os/exec"
	"path/filepath"
	"regexp"
	"syscall"
	"testing"
	"time"
)

// TestStopWithAnyPathAFIFO names a FIFO that no process writes in place of
// each file a command opens, one at a time: every flag of framing run whose
// value is a file or a path (read from `framing run -h`, so that a new one
// is tested too), and the files of the lexicon commands and of stats. Open
// blocks on such a FIFO, and some of these opens cannot honour the signal;
// SIGTERM must still stop the command within its grace of 2 s (cmd/framing
// stop.go) plus the time to start and exit, with exit 1.
func TestStopWithAnyPathAFIFO(t *testing.T) {
	dir := t.TempDir()
	fifos := map[string]string{}
	for _, name := range []string{"in.jsonl", "lex.yaml", "file.txt", "spec.yaml", "config.yaml"} {
		p := filepath.Join(dir, name)
		if err := syscall.Mkfifo(p, 0o644); err != nil {
			t.Fatal(err)
		}
		fifos[name] = p
	}
	fifoFor := map[string]string{"input": "in.jsonl", "lexicon": "lex.yaml", "config": "config.yaml"}
	out := filepath.Join(t.TempDir(), "out")
	base := []string{"run", "--input", "examples/venezuela.jsonl", "--out", out, "--quiet"}

	code, help := framing(t, "run", "-h")
	if code != 0 {
		t.Fatalf("run -h: exit %d", code)
	}
	type stopCase struct {
		name string
		args []string
	}
	var cases []stopCase
	for _, m := range regexp.MustCompile(`(?m)^\s+-([a-z-]+) (file|path|directory)$`).FindAllStringSubmatch(help, -1) {
		name := fifoFor[m[1]]
		if name == "" {
			name = "file.txt"
		}
		args := append(append([]string{}, base...), "--"+m[1], fifos[name])
		switch m[1] {
		case "input":
			args = []string{"run", "--input", fifos[name], "--out", out, "--quiet"}
		case "manifest": // read for directory inputs only
			args = []string{"run", "--input", "examples/venezuela-dir", "--out", out, "--quiet", "--manifest", fifos[name]}
		}
		cases = append(cases, stopCase{"run --" + m[1], args})
	}
	if len(cases) < 5 {
		t.Fatalf("found only %d path flags in run -h:\n%s", len(cases), help)
	}
	cases = append(cases,
		stopCase{"lexicon validate", []string{"lexicon", "validate", fifos["lex.yaml"]}},
		stopCase{"lexicon show", []string{"lexicon", "show", fifos["lex.yaml"]}},
		stopCase{"lexicon export", []string{"lexicon", "export", fifos["lex.yaml"]}},
		stopCase{"lexicon explain --lexicon", []string{"lexicon", "explain", "--lexicon", fifos["lex.yaml"], "--text", "x"}},
		stopCase{"lexicon explain --file", []string{"lexicon", "explain", "--file", fifos["file.txt"]}},
		stopCase{"lexicon explain --boilerplate", []string{"lexicon", "explain", "--boilerplate", fifos["file.txt"], "--text", "x"}},
		stopCase{"lexicon evaluate --spec", []string{"lexicon", "evaluate", "--input", "examples/venezuela.jsonl", "--spec", fifos["spec.yaml"]}},
		stopCase{"lexicon evaluate --input", []string{"lexicon", "evaluate", "--input", fifos["in.jsonl"], "--spec", "lexeval/testdata/spec.yaml"}},
		stopCase{"lexicon diff A", []string{"lexicon", "diff", fifos["lex.yaml"], "default"}},
		stopCase{"lexicon diff --input", []string{"lexicon", "diff", "default", "default", "--input", fifos["in.jsonl"]}},
		stopCase{"stats --out", []string{"stats", "--out", fifos["file.txt"], "--from", "2026-01-20"}},
	)
	for _, c := range cases {
		args := c.args
		t.Run(c.name, func(t *testing.T) {
			t.Parallel() // each waits for a signal and up to 2 s more
			cmd := exec.Command(binary, args...)
			cmd.Dir = root
			var msg bytes.Buffer
			cmd.Stdout, cmd.Stderr = &msg, &msg
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			done := make(chan struct{})
			go func() { cmd.Wait(); close(done) }()
			select {
			case <-done: // it refused the FIFO at once: no hang
				noPanic(t, msg.String())
				if cmd.ProcessState.ExitCode() == 0 {
					t.Errorf("%v: exit 0 with a FIFO nobody writes\n%s", args, msg.String())
				}
				return
			case <-time.After(300 * time.Millisecond):
			}
			cmd.Process.Signal(syscall.SIGTERM)
			sent := time.Now()
			select {
			case <-done:
			case <-time.After(6 * time.Second):
				cmd.Process.Kill()
				<-done
				t.Fatalf("%v: still running 6 s after SIGTERM\n%s", args, msg.String())
			}
			noPanic(t, msg.String())
			if code := cmd.ProcessState.ExitCode(); code != 1 {
				t.Errorf("%v: exit %d after SIGTERM, want 1\n%s", args, code, msg.String())
			}
			t.Logf("exit %d, %v after SIGTERM", cmd.ProcessState.ExitCode(), time.Since(sent).Round(10*time.Millisecond))
		})
	}
}
