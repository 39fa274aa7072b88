package integration

import (
	"compress/gzip"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// docBlock returns the first fenced block of the given language in a
// document whose text contains marker.
func docBlock(t *testing.T, doc, lang, marker string) string {
	t.Helper()
	re := regexp.MustCompile("(?s)```" + lang + "\n(.*?)```")
	for _, m := range re.FindAllStringSubmatch(doc, -1) {
		if strings.Contains(m[1], marker) {
			return m[1]
		}
	}
	t.Fatalf("no ```%s block with %q", lang, marker)
	return ""
}

// cronCommand is the command of the crontab line in docs/operations.md, as
// cron hands it to /bin/sh: the five time fields dropped, "\%" made "%". An
// unescaped "%" would be cut by cron into standard input: a failure here.
func cronCommand(t *testing.T) string {
	t.Helper()
	block := docBlock(t, readText(t, "docs/operations.md"), "cron", "framing run")
	for _, l := range strings.Split(block, "\n") {
		if strings.HasPrefix(l, "#") || strings.TrimSpace(l) == "" {
			continue
		}
		m := regexp.MustCompile(`^(\S+\s+){5}(.*)$`).FindStringSubmatch(l)
		if m == nil {
			t.Fatalf("crontab line without five time fields: %q", l)
		}
		cmd := m[2]
		if regexp.MustCompile(`(^|[^\\])%`).MatchString(cmd) {
			t.Fatalf("the crontab line has an unescaped %%, which cron turns into a new line: %q", cmd)
		}
		return strings.ReplaceAll(cmd, `\%`, "%")
	}
	t.Fatal("no crontab line in docs/operations.md")
	return ""
}

// replaceAll substitutes each old path of the doc with a test path, and
// fails when the doc no longer holds it, so that doc and test cannot drift.
func replaceAll(t *testing.T, s string, pairs ...string) string {
	t.Helper()
	for i := 0; i < len(pairs); i += 2 {
		if !strings.Contains(s, pairs[i]) {
			t.Fatalf("docs/operations.md no longer holds %s in:\n%s", pairs[i], s)
		}
		s = strings.ReplaceAll(s, pairs[i], pairs[i+1])
	}
	return s
}

// TestCronLineAsDocumented runs the crontab line and config file of
// docs/operations.md, word for word but for the paths, from an empty
// environment as cron does: a good night logs and writes its tables; a
// failing one appends a dated "framing failed with exit N" line to the log.
func TestCronLineAsDocumented(t *testing.T) {
	if _, err := os.Stat("/bin/sh"); err != nil {
		t.Skip("no /bin/sh")
	}
	dir := t.TempDir()
	feed := filepath.Join(dir, "feeds", "today.jsonl.gz")
	os.MkdirAll(filepath.Dir(feed), 0o755)
	gzipFile(t, abs("examples/venezuela.jsonl"), feed)
	out := filepath.Join(dir, "srv", "venezuela")
	logDir := filepath.Join(dir, "log", "framing") // not there yet: the line makes it
	doc := readText(t, "docs/operations.md")
	cfgText := replaceAll(t, docBlock(t, doc, "yaml", "/etc/framing/venezuela.yaml"),
		"/srv/feeds/venezuela/today.jsonl.gz", feed, "/srv/framing/venezuela", out)
	cfg := filepath.Join(dir, "venezuela.yaml")
	if err := os.WriteFile(cfg, []byte(cfgText), 0o644); err != nil {
		t.Fatal(err)
	}
	line := replaceAll(t, cronCommand(t), "/usr/local/bin/framing", binary, "/etc/framing/venezuela.yaml", cfg,
		"/var/log/framing", logDir)
	run := func() string {
		cmd := exec.Command("env", "-i", "/bin/sh", "-c", line)
		cmd.Dir = "/"
		if b, err := cmd.CombinedOutput(); err != nil || len(b) > 0 {
			t.Fatalf("the crontab line: %v, printed %q (cron would mail or drop it)", err, b)
		}
		b, err := os.ReadFile(filepath.Join(logDir, "venezuela.log"))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	log := run()
	if strings.Contains(log, "framing failed") || !strings.Contains(log, "coverage: 68 of 68 articles") {
		t.Errorf("good night's log:\n%s", log)
	}
	if files, _ := filepath.Glob(filepath.Join(out, "runs", "*", "*.parquet")); len(files) != 1 {
		t.Errorf("runs table: %v", files)
	}
	os.Remove(feed) // the next night's feed is missing
	log = run()
	if !regexp.MustCompile(`(?m)^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ framing failed with exit 1$`).MatchString(log) {
		t.Errorf("failed night's log lacks a dated failure line:\n%s", log)
	}
}

func gzipFile(t *testing.T, src, dst string) {
	t.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(dst)
	if err != nil {
		t.Fatal(err)
	}
	zw := gzip.NewWriter(f)
	if _, err := zw.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}
