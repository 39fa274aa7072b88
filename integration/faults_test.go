package integration

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"framing/output"
)

// bigCorpus is a generated JSON Lines corpus of about 4 MB, made once per
// test binary in the directory that TestMain removes.
var bigCorpus struct {
	once  sync.Once
	path  string
	lines int
	err   error
}

func generatedCorpus(t *testing.T) (string, int) {
	t.Helper()
	bigCorpus.once.Do(func() {
		bigCorpus.path = filepath.Join(filepath.Dir(binary), "big.jsonl")
		bigCorpus.lines, bigCorpus.err = writeCorpus(bigCorpus.path, 4<<20)
	})
	if bigCorpus.err != nil {
		t.Fatal(bigCorpus.err)
	}
	return bigCorpus.path, bigCorpus.lines
}

// writeCorpus writes deterministic articles until about size bytes.
func writeCorpus(path string, size int) (int, error) {
	f, err := os.Create(path)
	if err != nil {
		return 0, err
	}
	w := bufio.NewWriter(f)
	r := rand.New(rand.NewPCG(1, 2))
	subj := []string{"Officials in Caracas", "Washington", "The interim government", "Oil executives", "Opposition leaders", "The delegation"}
	verb := []string{"welcomed", "rejected", "questioned", "discussed", "praised", "criticized"}
	obj := []string{"a new framework for cooperation", "national sovereignty", "the oil licences", "an election timetable", "sanctions relief", "foreign interference"}
	n, written := 0, 0
	for written < size {
		var text strings.Builder
		for range 20 + r.IntN(30) {
			fmt.Fprintf(&text, "%s %s %s. ", subj[r.IntN(len(subj))], verb[r.IntN(len(verb))], obj[r.IntN(len(obj))])
		}
		line := fmt.Sprintf(`{"id":"g%d","outlet":"Outlet %d","date":"2026-01-%02d","title":"Story %d","url":"https://example.org/%d","text":%q}`+"\n",
			n, r.IntN(8), 1+r.IntN(20), n, n, text.String())
		w.WriteString(line)
		written += len(line)
		n++
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return 0, err
	}
	return n, f.Close()
}

// snapshot maps every file below OUT's table directories (not dot entries)
// to its sha256, to show that a failed run changed nothing it should not.
func snapshot(t *testing.T, out string) map[string]string {
	t.Helper()
	m := map[string]string{}
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if strings.HasPrefix(d.Name(), ".") && p != out {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		rel, _ := filepath.Rel(out, p)
		m[rel] = hex.EncodeToString(sum[:])
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// assertKept fails unless every file of before is in OUT with the same
// bytes and the night's runs and articles tables still read.
func assertKept(t *testing.T, out string, before map[string]string, date string) {
	t.Helper()
	now := snapshot(t, out)
	for rel, sum := range before {
		if now[rel] != sum {
			t.Errorf("%s changed or vanished (sha256 %s, was %s)", rel, now[rel], sum)
		}
	}
	if r := runRow(t, out, date); r.Articles == 0 {
		t.Errorf("night %s: runs row says 0 articles", date)
	}
	rows, err := output.ReadTable[output.ArticleRow](filepath.Join(out, "articles", date, output.PartFile))
	if err != nil || len(rows) == 0 {
		t.Errorf("night %s: articles table: %d rows, %v", date, len(rows), err)
	}
}

// assertLayout fails when a reader of OUT could see anything but complete
// Parquet files: OUT/<table>/<date or window>/part-00000.parquet, each with the
// PAR1 magic at both ends (a truncated file lacks the footer). Staging and
// trash may only be dot directories at the top.
func assertLayout(t *testing.T, out string) {
	t.Helper()
	tables, err := os.ReadDir(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, tb := range tables {
		if strings.HasPrefix(tb.Name(), ".") {
			continue
		}
		if !tb.IsDir() {
			t.Errorf("stray file %s in %s", tb.Name(), out)
			continue
		}
		parts, err := os.ReadDir(filepath.Join(out, tb.Name()))
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range parts {
			if !p.IsDir() || !partitionName(p.Name()) {
				t.Errorf("stray entry %s/%s", tb.Name(), p.Name())
				continue
			}
			dir := filepath.Join(out, tb.Name(), p.Name())
			files, err := os.ReadDir(dir)
			if err != nil {
				t.Fatal(err)
			}
			if len(files) != 1 || files[0].Name() != output.PartFile {
				t.Errorf("%s holds %v, want only %s", dir, names(files), output.PartFile)
				continue
			}
			b, err := os.ReadFile(filepath.Join(dir, output.PartFile))
			if err != nil {
				t.Fatal(err)
			}
			if len(b) < 12 || string(b[:4]) != "PAR1" || string(b[len(b)-4:]) != "PAR1" {
				t.Errorf("%s/%s is not a complete Parquet file (%d bytes)", dir, output.PartFile, len(b))
			}
		}
	}
}

func names(ents []os.DirEntry) []string {
	var s []string
	for _, e := range ents {
		s = append(s, e.Name())
	}
	return s
}

// leftovers lists the .staging-* and .trash-* entries in OUT.
func leftovers(t *testing.T, out string) []string {
	t.Helper()
	ents, err := os.ReadDir(out)
	if err != nil {
		t.Fatal(err)
	}
	var s []string
	for _, e := range ents {
		if strings.HasPrefix(e.Name(), ".staging-") || strings.HasPrefix(e.Name(), ".trash-") {
			s = append(s, e.Name())
		}
	}
	return s
}

// partitionName reports whether a directory name is a partition's: a run
// date or a window (docs/schema.md, layout 2).
func partitionName(name string) bool {
	_, errDay := output.ParseDate(name)
	_, errWindow := output.ParseWindow(name)
	return errDay == nil || errWindow == nil
}

// partitions lists OUT's table/partition directories.
func partitions(t *testing.T, out string) []string {
	t.Helper()
	m, err := filepath.Glob(filepath.Join(out, "*", "*"))
	if err != nil {
		t.Fatal(err)
	}
	var parts []string
	for _, p := range m {
		rel, _ := filepath.Rel(out, p)
		if !strings.HasPrefix(rel, ".") && partitionName(filepath.Base(p)) {
			parts = append(parts, rel)
		}
	}
	sort.Strings(parts)
	return parts
}

// phase tells from what a killed run left in OUT what it was doing: no
// staging yet ("startup"); staging holding only the run-date tables
// ("stream": reading, scoring and writing Parquet); statistics staged too
// ("stats"); the runs table staged, which is written just before the commit
// and renamed last, or a trash directory ("commit").
func phase(t *testing.T, out string) string {
	t.Helper()
	left := leftovers(t, out)
	if len(left) == 0 {
		return "startup"
	}
	for _, l := range left {
		if strings.HasPrefix(l, ".trash-") {
			return "commit"
		}
	}
	st := filepath.Join(out, left[0])
	if runs, _ := filepath.Glob(filepath.Join(st, "runs", "*")); len(runs) > 0 {
		return "commit"
	}
	if windows, _ := filepath.Glob(filepath.Join(st, "*", "*_*")); len(windows) > 0 {
		return "stats"
	}
	return "stream"
}

// startFraming starts the binary without waiting.
func startFraming(t *testing.T, args ...string) (*exec.Cmd, *bytes.Buffer) {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Dir = root
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, &out
}

// night1 writes a first night from the example corpus into a fresh OUT and
// returns OUT and its snapshot.
func night1(t *testing.T) (string, map[string]string) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "out")
	if code, msg := framing(t, "run", "--input", "examples/venezuela.jsonl", "--out", out, "--run-date", "2026-01-20", "--quiet"); code != 0 {
		t.Fatalf("night 1: exit %d\n%s", code, msg)
	}
	return out, snapshot(t, out)
}

// TestKillDuringRun SIGKILLs runs over a generated corpus after delays
// spread over a full run's duration, and after each checks that the earlier
// night is untouched and no reader can see a partial file; the next run
// must succeed and remove what the killed ones left.
func TestKillDuringRun(t *testing.T) {
	corpus, lines := generatedCorpus(t)
	out, before := night1(t)
	args := []string{"run", "--input", corpus, "--out", out, "--run-date", "2026-01-21", "--quiet", "--workers", "2"}

	start := time.Now()
	if code, msg := framing(t, args...); code != 0 {
		t.Fatalf("full run: exit %d\n%s", code, msg)
	}
	full := time.Since(start)
	night2 := partitions(t, out)
	t.Logf("full run over %d records: %v", lines, full.Round(time.Millisecond))

	phases := map[string]int{}
	runsFile := filepath.Join("runs", "2026-01-21", output.PartFile)
	runsSum := snapshot(t, out)[runsFile]
	// Three delays while reading, then steps of 3% from 90% on until two
	// runs finish before their kill: statistics and the commit are short
	// and a kill lands in them only near the end.
	fracs := []float64{0.2, 0.5, 0.8}
	for f := 0.9; f < 1.26; f += 0.03 {
		fracs = append(fracs, f)
	}
	for _, frac := range fracs {
		if phases["finished"] >= 2 {
			break
		}
		cmd, msg := startFraming(t, args...)
		time.Sleep(time.Duration(frac * float64(full)))
		cmd.Process.Kill()
		err := cmd.Wait()
		ph := "finished"
		if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			ph = phase(t, out)
			if ph == "startup" && snapshot(t, out)[runsFile] != runsSum {
				ph = "after commit" // staging gone and a new runs row: killed on the way out
			}
		} else if err != nil {
			t.Fatalf("run at %.2f failed before the kill: %v\n%s", frac, err, msg)
		}
		phases[ph]++
		runsSum = snapshot(t, out)[runsFile]
		t.Logf("kill at %.2f × %v: %s", frac, full.Round(time.Millisecond), ph)
		assertKept(t, out, before, "2026-01-20")
		assertLayout(t, out)
		if got := partitions(t, out); strings.Join(got, ",") != strings.Join(night2, ",") {
			t.Errorf("after kill at %.2f partitions are\n%v\nwant\n%v", frac, got, night2)
		}
	}
	t.Logf("kills by phase: %v", phases)
	if phases["stream"] == 0 {
		t.Errorf("no kill landed while reading and writing: %v", phases)
	}

	if code, msg := framing(t, args...); code != 0 {
		t.Fatalf("run after the kills: exit %d\n%s", code, msg)
	}
	if left := leftovers(t, out); len(left) != 0 {
		t.Errorf("run after the kills left %v", left)
	}
	assertKept(t, out, before, "2026-01-20")
	assertLayout(t, out)
	if r := runRow(t, out, "2026-01-21"); r.RecordsRead != int64(lines) {
		t.Errorf("records_read %d, want %d", r.RecordsRead, lines)
	}
}

// feedFIFO makes a FIFO named in.jsonl under dir and returns its path and a
// function that opens it and writes lines every interval until stop is
// closed or the reader goes away; it returns how many lines it wrote.
func feedFIFO(t *testing.T, dir string, interval time.Duration) (string, func(stop <-chan struct{}) int) {
	t.Helper()
	p := filepath.Join(dir, "in.jsonl")
	if err := syscall.Mkfifo(p, 0o644); err != nil {
		t.Fatal(err)
	}
	return p, func(stop <-chan struct{}) int {
		f, err := os.OpenFile(p, os.O_WRONLY, 0)
		if err != nil {
			return 0
		}
		defer f.Close()
		for n := 0; ; n++ {
			select {
			case <-stop:
				return n
			default:
			}
			if _, err := f.WriteString(goodArticle(t, fmt.Sprint("fifo", n))); err != nil {
				return n
			}
			time.Sleep(interval)
		}
	}
}

// waitStaging waits until a run has created its staging directory in OUT.
func waitStaging(t *testing.T, out string) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if len(leftovers(t, out)) > 0 {
			return
		}
	}
	t.Fatal("the run never created a staging directory")
}

// TestKillWhileReading kills a run that is reading a slowly fed FIFO, so the
// kill lands while reading for certain, and checks that the next run removes
// the staging directory it left.
func TestKillWhileReading(t *testing.T) {
	out, before := night1(t)
	in, feed := feedFIFO(t, t.TempDir(), 5*time.Millisecond)
	stop := make(chan struct{})
	fed := make(chan int, 1)
	go func() { fed <- feed(stop) }()
	cmd, _ := startFraming(t, "run", "--input", in, "--out", out, "--run-date", "2026-01-21", "--quiet")
	waitStaging(t, out)
	time.Sleep(200 * time.Millisecond)
	cmd.Process.Kill()
	cmd.Wait()
	close(stop)
	if n := <-fed; n < 10 {
		t.Errorf("only %d lines fed before the kill", n)
	}
	if ph := phase(t, out); ph != "stream" {
		t.Errorf("killed run left phase %q, want stream", ph)
	}
	assertKept(t, out, before, "2026-01-20")
	assertLayout(t, out)
	if _, err := os.Stat(filepath.Join(out, "articles", "2026-01-21")); !os.IsNotExist(err) {
		t.Errorf("killed run's partition is visible: %v", err)
	}
	if code, msg := framing(t, "run", "--input", "examples/venezuela.jsonl", "--out", out, "--run-date", "2026-01-22", "--quiet"); code != 0 {
		t.Fatalf("next run: exit %d\n%s", code, msg)
	}
	if left := leftovers(t, out); len(left) != 0 {
		t.Errorf("next run left %v", left)
	}
}

// TestSignalDuringRun sends SIGTERM or SIGINT to a run that is reading: it
// must exit 1 soon, say it was interrupted, and leave no staging directory
// and the earlier night as it was.
func TestSignalDuringRun(t *testing.T) {
	corpus, _ := generatedCorpus(t)
	for _, c := range []struct {
		name string
		sig  syscall.Signal
		fifo bool
	}{
		{"SIGTERM reading a file", syscall.SIGTERM, false},
		{"SIGINT reading a slow FIFO", syscall.SIGINT, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			out, before := night1(t)
			in := corpus
			stop := make(chan struct{})
			defer close(stop)
			if c.fifo {
				var feed func(<-chan struct{}) int
				in, feed = feedFIFO(t, t.TempDir(), 5*time.Millisecond)
				go feed(stop)
			}
			cmd, msg := startFraming(t, "run", "--input", in, "--out", out, "--run-date", "2026-01-21", "--quiet")
			waitStaging(t, out)
			time.Sleep(150 * time.Millisecond)
			cmd.Process.Signal(c.sig)
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			select {
			case <-done:
			case <-time.After(10 * time.Second):
				cmd.Process.Kill()
				<-done
				t.Fatalf("still running 10 s after %v", c.sig)
			}
			noPanic(t, msg.String())
			if code := cmd.ProcessState.ExitCode(); code != 1 {
				t.Errorf("exit %d after %v, want 1\n%s", code, c.sig, msg)
			}
			if !strings.Contains(msg.String(), "interrupted") {
				t.Errorf("message does not say the run was interrupted:\n%s", msg)
			}
			if left := leftovers(t, out); len(left) != 0 {
				t.Errorf("interrupted run left %v", left)
			}
			assertKept(t, out, before, "2026-01-20")
			assertLayout(t, out)
		})
	}
}

// TestWriteErrors makes the output unwritable in three honest ways: an
// output path below a regular file, a read-only (or, as root, immutable)
// output directory, and a file size limit (RLIMIT_FSIZE: writes past it
// fail with EFBIG, as on a full disk; Go ignores SIGXFSZ). Each must exit 1
// with a message saying what failed, write nothing and keep the earlier night.
func TestWriteErrors(t *testing.T) {
	corpus, _ := generatedCorpus(t)
	t.Run("parent is a file", func(t *testing.T) {
		file := filepath.Join(t.TempDir(), "plain")
		writeFile(t, file, []byte("x"))
		code, msg := framing(t, "run", "--input", "examples/venezuela.jsonl", "--out", filepath.Join(file, "out"), "--quiet")
		if code != 1 || !strings.Contains(msg, "not a directory") {
			t.Errorf("exit %d, want 1 and \"not a directory\":\n%s", code, msg)
		}
		if b, _ := os.ReadFile(file); string(b) != "x" {
			t.Errorf("the file in the way was changed to %q", b)
		}
	})
	t.Run("read-only output directory", func(t *testing.T) {
		out, before := night1(t)
		want := "permission denied"
		if os.Geteuid() == 0 {
			// root writes through mode 0555; the immutable attribute stops it.
			if b, err := exec.Command("chattr", "+i", out).CombinedOutput(); err != nil {
				t.Fatalf("running as root and chattr +i %s failed (%v: %s): no honest read-only directory here", out, err, b)
			}
			t.Cleanup(func() { exec.Command("chattr", "-i", out).Run() })
			want = "operation not permitted"
		} else if err := os.Chmod(out, 0o555); err != nil {
			t.Fatal(err)
		} else {
			t.Cleanup(func() { os.Chmod(out, 0o755) })
		}
		code, msg := framing(t, "run", "--input", "examples/venezuela.jsonl", "--out", out, "--run-date", "2026-01-21", "--quiet")
		if code != 1 || !strings.Contains(msg, want) || !strings.Contains(msg, "staging") {
			t.Errorf("exit %d, want 1 and a staging error with %q:\n%s", code, want, msg)
		}
		assertKept(t, out, before, "2026-01-20")
		if got := partitions(t, out); strings.Contains(strings.Join(got, ","), "2026-01-21") {
			t.Errorf("failed run wrote %v", got)
		}
	})
	t.Run("file size limit", func(t *testing.T) {
		out, before := night1(t)
		// 16 blocks: 8 KiB for dash (512-byte blocks), 16 KiB for bash; the
		// articles file of the generated corpus is far larger.
		cmd := exec.Command("/bin/sh", "-c", `ulimit -f 16 && exec "$0" "$@"`, binary,
			"run", "--input", corpus, "--out", out, "--run-date", "2026-01-21", "--quiet")
		cmd.Dir = root
		b, _ := cmd.CombinedOutput()
		msg := string(b)
		noPanic(t, msg)
		if code := cmd.ProcessState.ExitCode(); code != 1 || !strings.Contains(msg, "file too large") {
			t.Errorf("exit %d, want 1 and \"file too large\":\n%s", code, msg)
		}
		if left := leftovers(t, out); len(left) != 0 {
			t.Errorf("failed run left %v", left)
		}
		assertKept(t, out, before, "2026-01-20")
		assertLayout(t, out)
		if got := partitions(t, out); strings.Contains(strings.Join(got, ","), "2026-01-21") {
			t.Errorf("failed run wrote %v", got)
		}
	})
}

// TestTrashRestored builds what a run killed halfway through replacing a
// partition left behind with the commit that moved the old partition aside
// before renaming the new one in: the old partition in .trash-*, nothing in
// its place. The next run must put it back, not delete the night's data.
func TestTrashRestored(t *testing.T) {
	out, before := night1(t)
	rel := filepath.Join("articles", "2026-01-20")
	trash := filepath.Join(out, ".trash-0123456789abcdef", rel)
	if err := os.MkdirAll(filepath.Dir(trash), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(filepath.Join(out, rel), trash); err != nil {
		t.Fatal(err)
	}
	if code, msg := framing(t, "run", "--input", "examples/venezuela-dir", "--out", out, "--run-date", "2026-01-21", "--quiet"); code != 0 {
		t.Fatalf("next run: exit %d\n%s", code, msg)
	}
	assertKept(t, out, before, "2026-01-20")
	assertLayout(t, out)
	if left := leftovers(t, out); len(left) != 0 {
		t.Errorf("next run left %v", left)
	}
}
