package integration

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"framing/output"
)

// childResult is what one run of the built binary left: its exit code,
// its output and its peak resident memory.
type childResult struct {
	code           int
	stdout, stderr string
	maxRSSKiB      int64
}

// execFraming runs the binary in dir root and measures the child's peak RSS
// (ru_maxrss, KiB on Linux). The binary is started by a probe, this test
// binary re-executed (see init), because a child started directly from the
// test process inherits the test's own high-water RSS through vfork and
// exec, so its ru_maxrss would be the larger of the two.
func execFraming(t *testing.T, args ...string) childResult {
	t.Helper()
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	rssFile := filepath.Join(t.TempDir(), "maxrss")
	cmd := exec.Command(self, append([]string{binary}, args...)...)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "FRAMING_RSS_PROBE="+rssFile)
	var so, se bytes.Buffer
	cmd.Stdout, cmd.Stderr = &so, &se
	err = cmd.Run()
	if _, ok := err.(*exec.ExitError); err != nil && !ok {
		t.Fatalf("running framing: %v", err)
	}
	r := childResult{code: cmd.ProcessState.ExitCode(), stdout: so.String(), stderr: se.String()}
	b, err := os.ReadFile(rssFile)
	if err != nil {
		t.Fatalf("reading the probe's figure: %v (stderr %s)", err, tail(r.stderr, 1000))
	}
	if _, err := fmt.Sscan(string(b), &r.maxRSSKiB); err != nil {
		t.Fatalf("probe wrote %q: %v", b, err)
	}
	return r
}

// probeTimeout bounds one measured run.
const probeTimeout = 60 * time.Second

// init turns this test binary into the memory probe when FRAMING_RSS_PROBE
// names a file: it runs os.Args[1:] as a child with inherited stdio, writes
// the child's ru_maxrss to that file and exits with the child's code.
func init() {
	out := os.Getenv("FRAMING_RSS_PROBE")
	if out == "" {
		return
	}
	cmd := exec.Command(os.Args[1], os.Args[2:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	cmd.Env = slices.DeleteFunc(os.Environ(), func(e string) bool { return strings.HasPrefix(e, "FRAMING_RSS_PROBE=") })
	if err := cmd.Start(); err != nil {
		fmt.Fprintln(os.Stderr, "rss probe:", err)
		os.Exit(125)
	}
	// A hang (a FIFO read that never ends) fails the case instead of the
	// whole test binary.
	timer := time.AfterFunc(probeTimeout, func() {
		fmt.Fprintf(os.Stderr, "rss probe: killing framing after %v\n", probeTimeout)
		cmd.Process.Kill()
	})
	err := cmd.Wait()
	timer.Stop()
	if cmd.ProcessState == nil {
		fmt.Fprintln(os.Stderr, "rss probe:", err)
		os.Exit(125)
	}
	ru, _ := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if ru == nil || os.WriteFile(out, []byte(fmt.Sprint(ru.Maxrss)), 0o644) != nil {
		os.Exit(125)
	}
	os.Exit(cmd.ProcessState.ExitCode())
}

// noPanic fails when a child's stderr shows a Go panic or runtime crash.
func noPanic(t *testing.T, stderr string) {
	t.Helper()
	for _, s := range []string{"panic:", "goroutine ", "fatal error:", "internal error scoring"} {
		if strings.Contains(stderr, s) {
			t.Fatalf("stderr shows a crash (%q):\n%s", s, tail(stderr, 2000))
		}
	}
}

func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return "..." + s[len(s)-n:]
}

// runRow reads the one row of OUT's runs table for a run date.
func runRow(t *testing.T, out, date string) output.RunRow {
	t.Helper()
	rows, err := output.ReadTable[output.RunRow](filepath.Join(out, "runs", date, output.PartFile))
	if err != nil {
		t.Fatalf("reading runs table: %v", err)
	}
	if len(rows) != 1 {
		t.Fatalf("runs table has %d rows, want 1", len(rows))
	}
	return rows[0]
}

// jsonLine encodes one JSON Lines record.
func jsonLine(t *testing.T, rec map[string]any) string {
	t.Helper()
	b, err := json.Marshal(rec)
	if err != nil {
		t.Fatal(err)
	}
	return string(b) + "\n"
}

// goodArticle is a short valid record with a unique id.
func goodArticle(t *testing.T, id string) string {
	return jsonLine(t, map[string]any{"id": id, "outlet": "Daily", "date": "2026-01-20", "title": "Talks",
		"text": "Officials in Caracas welcomed a new framework for cooperation on Tuesday."})
}

// hostileCase is one generated input and what the run must make of it.
type hostileCase struct {
	name string
	// make writes the input under dir and returns the --input path.
	make func(t *testing.T, dir string) string
	// articles and rejects expected in the runs table; -1 means "any".
	articles, rejects int64
	// rejectHas, when set, must appear in stderr (the reject's reason).
	rejectHas string
	// maxRSSMiB bounds the child's peak memory.
	maxRSSMiB int64
}

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestHostileInput(t *testing.T) {
	cases := []hostileCase{
		{name: "invalid utf8", articles: 2, rejects: 1, rejectHas: "invalid UTF-8", maxRSSMiB: 200,
			make: func(t *testing.T, dir string) string {
				p := filepath.Join(dir, "in.jsonl")
				var b bytes.Buffer
				b.WriteString(goodArticle(t, "ok"))
				// a few stray bytes are repaired; mostly garbage is rejected.
				b.WriteString("{\"id\":\"stray\",\"text\":\"Officials in Caracas welcomed \xff the talks on cooperation and sovereignty today with many words around it.\"}\n")
				b.WriteString(`{"id":"garbage","text":"` + strings.Repeat("\xc3\x28\xa0\xa1", 50) + `"}` + "\n")
				writeFile(t, p, b.Bytes())
				return p
			}},
		{name: "nul bytes", articles: 1, rejects: 2, rejectHas: "NUL byte", maxRSSMiB: 200,
			make: func(t *testing.T, dir string) string {
				p := filepath.Join(dir, "in.jsonl")
				var b bytes.Buffer
				b.WriteString(goodArticle(t, "ok"))
				b.WriteString(`{"id":"escaped","text":"Officials\u0000 in Caracas"}` + "\n")
				b.WriteString("{\"id\":\"raw\",\"text\":\"Officials\x00 in Caracas\"}\n")
				writeFile(t, p, b.Bytes())
				return p
			}},
		// Longer than the record bound (corpus.DefaultMaxRecordBytes, 4 MiB):
		// a reject, read past without being held. When it was scored, the run
		// took 1.1 to 1.85 GiB (scoring holds some 37 bytes per byte of text).
		{name: "50 MB article", articles: 1, rejects: 1, rejectHas: "longer than", maxRSSMiB: 400,
			make: func(t *testing.T, dir string) string { return bigArticle(t, dir, 50<<20) }},
		// Just under the bound: scored, and the most one article may cost.
		{name: "article at the record bound", articles: 2, rejects: 0, maxRSSMiB: 600,
			make: func(t *testing.T, dir string) string { return bigArticle(t, dir, 4<<20-1<<10) }},
		{name: "million tokens on one line", articles: 1, rejects: 0, maxRSSMiB: 600,
			make: func(t *testing.T, dir string) string {
				p := filepath.Join(dir, "in.jsonl")
				// One sentence, a lexicon hit in every other token: 500,000 hits,
				// which took minutes while lexicon.(*Matcher).selectLongest
				// compared each hit with every hit taken. Short tokens keep the
				// line (3 MB) under the record bound.
				text := strings.Repeat("oil a ", 500_000)
				writeFile(t, p, []byte(jsonLine(t, map[string]any{"id": "tokens", "text": text})))
				return p
			}},
		{name: "deeply nested json", articles: 1, rejects: 1, rejectHas: "depth", maxRSSMiB: 200,
			make: func(t *testing.T, dir string) string {
				p := filepath.Join(dir, "in.jsonl")
				deep := `{"id":"deep","text":"Officials in Caracas","extra":` + strings.Repeat("[", 100_000) +
					strings.Repeat("]", 100_000) + "}\n"
				writeFile(t, p, []byte(goodArticle(t, "ok")+deep))
				return p
			}},
		{name: "numbers for strings", articles: 1, rejects: 3, rejectHas: "want a string", maxRSSMiB: 200,
			make: func(t *testing.T, dir string) string {
				p := filepath.Join(dir, "in.jsonl")
				s := goodArticle(t, "ok") +
					`{"id":17,"text":"Officials in Caracas"}` + "\n" +
					`{"id":"n","text":12345}` + "\n" +
					`{"id":"d","date":20260120,"text":"Officials in Caracas"}` + "\n"
				writeFile(t, p, []byte(s))
				return p
			}},
		{name: "bom and crlf jsonl", articles: 3, rejects: 0, maxRSSMiB: 200,
			make: func(t *testing.T, dir string) string {
				p := filepath.Join(dir, "in.jsonl")
				s := "\xef\xbb\xbf" + strings.ReplaceAll(goodArticle(t, "a")+goodArticle(t, "b")+goodArticle(t, "c"), "\n", "\r\n")
				writeFile(t, p, []byte(s))
				return p
			}},
		{name: "bom and crlf csv", articles: 2, rejects: 0, maxRSSMiB: 200,
			make: func(t *testing.T, dir string) string {
				p := filepath.Join(dir, "in.csv")
				s := "\xef\xbb\xbfid,outlet,date,title,url,text\r\n" +
					"a,Daily,2026-01-20,T,u,Officials in Caracas welcomed the talks.\r\n" +
					"b,Daily,2026-01-20,T,u,\"Two lines\r\nof text about oil.\"\r\n"
				writeFile(t, p, []byte(s))
				return p
			}},
		{name: "gzip bomb", articles: 1, rejects: 1, rejectHas: "longer than", maxRSSMiB: 600,
			make: func(t *testing.T, dir string) string {
				p := filepath.Join(dir, "bomb.jsonl.gz")
				writeFile(t, p, gzipBomb(t, goodArticle(t, "after")))
				return p
			}},
		{name: "empty jsonl files", articles: 1, rejects: 0, maxRSSMiB: 200,
			make: func(t *testing.T, dir string) string {
				writeFile(t, filepath.Join(dir, "empty.jsonl"), nil)
				writeFile(t, filepath.Join(dir, "blank.jsonl"), []byte("\n\r\n  \n"))
				var zb bytes.Buffer
				zw := gzip.NewWriter(&zb)
				zw.Close()
				writeFile(t, filepath.Join(dir, "empty.jsonl.gz"), zb.Bytes())
				p := filepath.Join(dir, "one.jsonl")
				writeFile(t, p, []byte(goodArticle(t, "ok")))
				return p
			}},
		{name: "directory with symlink loops and unreadable files", articles: 1, rejects: 6, rejectHas: "not a regular file", maxRSSMiB: 200,
			make: hostileDir},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel() // the 50 MB article scores on one core; the rest use the other
			dir := t.TempDir()
			in := c.make(t, dir)
			args := []string{"run", "--input", in, "--out", filepath.Join(dir, "out"), "--run-date", "2026-01-20",
				"--quiet", "--workers", "2", "--max-reject-ratio", "1"} // mostly rejects is the point here
			if c.name == "empty jsonl files" {
				args = append(args, "--input", filepath.Join(dir, "empty.jsonl"),
					"--input", filepath.Join(dir, "blank.jsonl"), "--input", filepath.Join(dir, "empty.jsonl.gz"))
			}
			r := execFraming(t, args...)
			t.Logf("%s: exit %d, peak RSS %.1f MiB", c.name, r.code, float64(r.maxRSSKiB)/1024)
			noPanic(t, r.stderr)
			if r.code != 0 {
				t.Fatalf("exit %d, want 0; stderr:\n%s", r.code, tail(r.stderr, 3000))
			}
			row := runRow(t, filepath.Join(dir, "out"), "2026-01-20")
			if row.RecordsRead != row.Articles+row.Rejects+row.Skipped {
				t.Errorf("records_read %d != articles %d + rejects %d + skipped %d", row.RecordsRead, row.Articles, row.Rejects, row.Skipped)
			}
			if c.articles >= 0 && row.Articles != c.articles {
				t.Errorf("articles = %d, want %d; stderr:\n%s", row.Articles, c.articles, tail(r.stderr, 3000))
			}
			if c.rejects >= 0 && row.Rejects != c.rejects {
				t.Errorf("rejects = %d, want %d; stderr:\n%s", row.Rejects, c.rejects, tail(r.stderr, 3000))
			}
			if c.rejectHas != "" && !strings.Contains(r.stderr, c.rejectHas) {
				t.Errorf("stderr lacks %q:\n%s", c.rejectHas, tail(r.stderr, 3000))
			}
			if r.maxRSSKiB <= 0 || r.maxRSSKiB > c.maxRSSMiB<<10 {
				t.Errorf("peak RSS %d KiB, want (0, %d MiB]", r.maxRSSKiB, c.maxRSSMiB)
			}
		})
	}
}

// gzipBomb returns a multi-member gzip stream that decompresses to one JSON
// line of more than 1 GiB followed by the line after. The 64 MiB member is
// compressed once and repeated, which gzip.Reader reads as one stream.
func gzipBomb(t *testing.T, after string) []byte {
	t.Helper()
	member := func(data []byte) []byte {
		var b bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
		zw.Write(data)
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	var out bytes.Buffer
	out.Write(member([]byte(`{"id":"bomb","text":"`)))
	chunk := member(bytes.Repeat([]byte("a"), 64<<20))
	for range 17 { // 17 × 64 MiB = 1.06 GiB
		out.Write(chunk)
	}
	out.Write(member([]byte("\"}\n" + after)))
	return out.Bytes()
}

// hostileDir builds a directory input with one good article and every kind
// of file a walker can trip on: symlink loops to directories, a link to
// itself, a dangling link, a link to a directory named .txt, a FIFO, a file
// that cannot be read (a link to /proc/self/mem: reading offset 0 fails with
// EIO even as root, where chmod 000 would not stop a read) and a link to an
// endless device.
func hostileDir(t *testing.T, dir string) string {
	t.Helper()
	in := filepath.Join(dir, "corpus")
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.MkdirAll(filepath.Join(in, "sub"), 0o755))
	writeFile(t, filepath.Join(in, "good.txt"), []byte("Officials in Caracas welcomed a new framework for cooperation on Tuesday.\n"))
	writeFile(t, filepath.Join(in, "manifest.csv"), []byte("path,outlet,date,title,url\ngood.txt,Daily,2026-01-20,Talks,u\n"))
	must(os.Symlink(".", filepath.Join(in, "loop")))
	must(os.Symlink("..", filepath.Join(in, "sub", "up")))
	must(os.Symlink("self.txt", filepath.Join(in, "self.txt")))
	must(os.Symlink("nowhere.txt", filepath.Join(in, "dangling.txt")))
	must(os.Symlink("sub", filepath.Join(in, "dirlink.txt")))
	must(os.Symlink("/proc/self/mem", filepath.Join(in, "unreadable.txt")))
	must(os.Symlink("/dev/zero", filepath.Join(in, "zero.txt")))
	must(syscall.Mkfifo(filepath.Join(in, "fifo.txt"), 0o644))
	return in
}

// TestHostileFatal covers inputs that must stop the run with exit 1, a
// message naming the input, and nothing written.
func TestHostileFatal(t *testing.T) {
	cases := []struct {
		name, want string
		make       func(t *testing.T, dir string) string
	}{
		{"unreadable jsonl", "input/output error", func(t *testing.T, dir string) string {
			p := filepath.Join(dir, "in.jsonl")
			if err := os.Symlink("/proc/self/mem", p); err != nil {
				t.Fatal(err)
			}
			return p
		}},
		{"not gzip", "gzip", func(t *testing.T, dir string) string {
			p := filepath.Join(dir, "in.jsonl.gz")
			writeFile(t, p, []byte(goodArticle(t, "a")))
			return p
		}},
		{"truncated gzip", "unexpected EOF", func(t *testing.T, dir string) string {
			p := filepath.Join(dir, "in.jsonl.gz")
			var b bytes.Buffer
			zw := gzip.NewWriter(&b)
			for i := range 2000 {
				zw.Write([]byte(goodArticle(t, fmt.Sprint("a", i))))
			}
			zw.Close()
			writeFile(t, p, b.Bytes()[:b.Len()/2])
			return p
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			out := filepath.Join(dir, "out")
			r := execFraming(t, "run", "--input", c.make(t, dir), "--out", out, "--run-date", "2026-01-20", "--quiet")
			noPanic(t, r.stderr)
			if r.code != 1 || !strings.Contains(r.stderr, c.want) {
				t.Fatalf("exit %d, want 1 and %q in stderr:\n%s", r.code, c.want, tail(r.stderr, 2000))
			}
			assertNoTables(t, out)
		})
	}
}

// assertNoTables fails when OUT holds anything but the lock file.
func assertNoTables(t *testing.T, out string) {
	t.Helper()
	ents, err := os.ReadDir(out)
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	for _, e := range ents {
		if e.Name() != ".lock" {
			t.Errorf("failed run left %s in %s", e.Name(), out)
		}
	}
}

// bigArticle writes a good article and then one whose JSON line is about
// size bytes long, and returns the file's path.
func bigArticle(t *testing.T, dir string, size int) string {
	p := filepath.Join(dir, "in.jsonl")
	para := []byte("Officials in Caracas welcomed a new framework for cooperation on Tuesday. ")
	var b bytes.Buffer
	b.WriteString(goodArticle(t, "ok"))
	start := b.Len()
	b.WriteString(`{"id":"huge","outlet":"Big","text":"`)
	for b.Len()-start+len(para)+3 < size {
		b.Write(para)
	}
	b.WriteString("\"}\n")
	writeFile(t, p, b.Bytes())
	return p
}
