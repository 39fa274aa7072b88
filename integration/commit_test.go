package integration

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"framing/output"
	"framing/output/faultfs"
)

// The commit tests run a binary built with -tags commitfaults
// (cmd/framing/commitfaults.go), which kills itself, or fails a step with
// EIO, at a chosen step of the commit that changes the output tree. The
// run replaces a night that OUT already holds; the property, for every
// step: once the process has died and the next framing command on OUT has
// run, every table of that night is exactly the old one, or exactly the new
// one, byte for byte, and a run that failed with an error left the old one.

var faultBinary struct {
	once sync.Once
	path string
	err  error
}

func faultFraming(t *testing.T) string {
	t.Helper()
	faultBinary.once.Do(func() {
		faultBinary.path = filepath.Join(filepath.Dir(binary), "framing-commitfaults")
		build := exec.Command("go", "build", "-tags", "commitfaults", "-o", faultBinary.path, "./cmd/framing")
		build.Dir = root
		if b, err := build.CombinedOutput(); err != nil {
			faultBinary.err = fmt.Errorf("go build -tags commitfaults: %v\n%s", err, b)
		}
	})
	if faultBinary.err != nil {
		t.Fatal(faultBinary.err)
	}
	return faultBinary.path
}

// nights is OUT before the commit under test: 2026-01-20 and an old
// 2026-01-21 (the CSV example), and the same OUT after the new 2026-01-21
// (the directory example) has been committed normally.
type nights struct {
	base     string // OUT holding the old night
	old, new map[string]string
	newRuns  output.RunRow
}

const (
	replaced = "2026-01-21"
	newArgs  = "run --input examples/venezuela-dir --run-date 2026-01-21 --window 1d --quiet"
)

func makeNights(t *testing.T) nights {
	t.Helper()
	var n nights
	n.base = filepath.Join(faultfs.ScratchDir(t, "framing-commit-"), "base")
	for _, args := range []string{
		"run --input examples/venezuela.jsonl --run-date 2026-01-20 --window 1d --quiet",
		"run --input examples/venezuela.csv --run-date 2026-01-21 --window 1d --quiet",
	} {
		if code, msg := framing(t, append(strings.Fields(args), "--out", n.base)...); code != 0 {
			t.Fatalf("%s: exit %d\n%s", args, code, msg)
		}
	}
	n.old = snapshot(t, n.base)
	out := copyOut(t, n.base)
	if code, msg := framing(t, append(strings.Fields(newArgs), "--out", out)...); code != 0 {
		t.Fatalf("new night: exit %d\n%s", code, msg)
	}
	n.new = snapshot(t, out)
	n.newRuns = timeless(runsRow(t, out))
	if n.new[articlesFile()] == n.old[articlesFile()] {
		t.Fatal("the old and the new night have the same articles: the test could not tell them apart")
	}
	return n
}

func articlesFile() string { return mustRel(output.Articles.Path("", day(replaced))) }
func runsFile() string     { return mustRel(output.Runs.Path("", day(replaced))) }

func mustRel(p string) string { return strings.TrimPrefix(p, string(filepath.Separator)) }

func day(s string) output.Date {
	d, err := output.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func runsRow(t *testing.T, out string) output.RunRow {
	t.Helper()
	rows, err := output.ReadTable[output.RunRow](output.Runs.Path(out, day(replaced)))
	if err != nil || len(rows) != 1 {
		t.Fatalf("runs of %s: %d rows, %v", replaced, len(rows), err)
	}
	return rows[0]
}

// timeless clears the wall-clock fields of a runs row, the only bytes in
// which two runs of the same night differ.
func timeless(r output.RunRow) output.RunRow {
	r.StartedAt, r.FinishedAt, r.Seconds, r.ScoringSeconds, r.StatsSeconds = time.Time{}, time.Time{}, 0, 0, 0
	return r
}

// copyOut copies OUT to a fresh scratch directory.
func copyOut(t *testing.T, src string) string {
	t.Helper()
	dst := filepath.Join(faultfs.ScratchDir(t, "framing-commit-"), "out")
	if b, err := exec.Command("cp", "-a", src, dst).CombinedOutput(); err != nil {
		t.Fatalf("cp: %v\n%s", err, b)
	}
	return dst
}

// state says which night of 2026-01-21 OUT holds, "old" or "new", ignoring
// the files whose path contains one of skip (written by a later command),
// or fails the test with what differs.
func state(t *testing.T, out string, n nights, skip ...string) string {
	t.Helper()
	got := snapshot(t, out)
	keep := func(m map[string]string) map[string]string {
		k := map[string]string{}
		for p, v := range m {
			if !containsAny(p, skip) {
				k[p] = v
			}
		}
		return k
	}
	g := keep(got)
	if diff := diffSums(keep(n.old), g); diff == "" {
		return "old"
	}
	withRuns := keep(n.new)
	withRuns[runsFile()] = g[runsFile()]
	if diff := diffSums(withRuns, g); diff == "" && timeless(runsRow(t, out)) == n.newRuns {
		return "new"
	}
	t.Fatalf("OUT is neither the old night nor the new one:\nagainst old: %s\nagainst new: %s", diffSums(keep(n.old), g), diffSums(withRuns, g))
	return ""
}

func containsAny(s string, subs []string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

// diffSums lists the files that differ between two snapshots.
func diffSums(want, got map[string]string) string {
	var d []string
	for p, w := range want {
		if got[p] != w {
			d = append(d, p)
		}
	}
	for p := range got {
		if _, ok := want[p]; !ok {
			d = append(d, "+"+p)
		}
	}
	return strings.Join(d, ", ")
}

// journal names the commit journal a killed run left in OUT: "prepared",
// "committed" or "" for none.
func journalState(t *testing.T, out string) string {
	t.Helper()
	for _, s := range []string{"committed", "prepared"} {
		m, err := filepath.Glob(filepath.Join(out, ".staging-*", "journal."+s))
		if err != nil {
			t.Fatal(err)
		}
		if len(m) > 0 {
			return s
		}
	}
	return ""
}

// nextCommands are the commands that find OUT as a killed run left it: each
// must first resolve the commit, then do its own work, which writes only
// paths containing its skip strings. A command that only reads OUT
// resolves a journal and leaves a staging directory without one (harmless:
// readers do not enter it) to the next command that writes.
var nextCommands = []struct {
	args     string
	skip     []string
	readOnly bool
}{
	{"run --input examples/venezuela.jsonl --run-date 2026-01-22 --window 1d --quiet", []string{"2026-01-22"}, false},
	{"stats --from 2026-01-20 --to 2026-01-21", []string{"2026-01-20_2026-01-21"}, false},
	{"report -o {tmp}/report.html", nil, true},
}

// TestCommitKilledAtEveryStep SIGKILLs the run before each step of its
// commit that changes the tree, in turn, with and without RENAME_EXCHANGE;
// then a run of another night, a stats command or a report finds OUT. A kill before
// the commit point (a prepared journal) must end with the old night, a kill
// after it (a committed journal) with the new one, and a kill that left no
// journal with the night OUT already holds.
func TestCommitKilledAtEveryStep(t *testing.T) {
	n := makeNights(t)
	bin := faultFraming(t)
	for _, mode := range []struct{ name, env string }{{"exchange", ""}, {"two renames", "FRAMING_TEST_NO_EXCHANGE=1"}} {
		t.Run(mode.name, func(t *testing.T) {
			mixed := 0
			for k := 1; ; k++ {
				out := copyOut(t, n.base)
				cmd := exec.Command(bin, append(strings.Fields(newArgs), "--out", out)...)
				cmd.Dir = root
				cmd.Env = append(os.Environ(), fmt.Sprintf("FRAMING_TEST_COMMIT_KILL=%d", k), mode.env)
				b, err := cmd.CombinedOutput()
				ws, _ := cmd.ProcessState.Sys().(syscall.WaitStatus)
				if err == nil {
					if got := state(t, out, n); got != "new" {
						t.Fatalf("run without a kill left the %s night", got)
					}
					t.Logf("%d steps; %d kills left a mix until the next command", k-1, mixed)
					break
				}
				if !ws.Signaled() || ws.Signal() != syscall.SIGKILL {
					t.Fatalf("kill at step %d: %v\n%s", k, err, b)
				}
				// No journal: the kill came before the commit's first
				// move or after its journal was removed, and OUT must
				// already hold one night, which the next command keeps.
				js := journalState(t, out)
				want := map[string]string{"prepared": "old", "committed": "new"}[js]
				if js == "" {
					want = state(t, out, n)
				}
				if isMixed(t, out, n) {
					mixed++
				}
				next := nextCommands[k%len(nextCommands)]
				args := strings.Fields(strings.ReplaceAll(next.args, "{tmp}", t.TempDir()))
				code, msg := framing(t, append(args, "--out", out)...)
				if code != 0 {
					t.Fatalf("kill at step %d (%s): %s: exit %d\n%s", k, b, next.args, code, msg)
				}
				if js != "" && !strings.Contains(msg, "killed while it committed") {
					t.Errorf("kill at step %d left a %s journal; %s did not say it resolved it:\n%s", k, js, next.args, msg)
				}
				if got := state(t, out, n, next.skip...); got != want {
					t.Errorf("kill at step %d (%s journal, %s): OUT holds the %s night after %q, want the %s one", k, js, strings.TrimSpace(string(b)), got, next.args, want)
				}
				if p, err := output.Pending(out); err != nil || p {
					t.Errorf("kill at step %d: %q left a journal (%v)", k, next.args, err)
				}
				if left := leftovers(t, out); len(left) != 0 && !next.readOnly {
					t.Errorf("kill at step %d: %q left %v", k, next.args, left)
				}
				assertLayout(t, out)
			}
			if mixed == 0 {
				t.Error("no kill left a mix of nights: the test does not reach the commit")
			}
		})
	}
}

// isMixed reports whether OUT holds partitions of 2026-01-21 from both
// nights, as a reader would see them before the next command.
func isMixed(t *testing.T, out string, n nights) bool {
	t.Helper()
	got := snapshot(t, out)
	var fromOld, fromNew bool
	for p, v := range got {
		if p == runsFile() {
			continue
		}
		fromOld = fromOld || (v == n.old[p] && v != n.new[p])
		fromNew = fromNew || (v == n.new[p] && v != n.old[p])
	}
	return fromOld && fromNew
}

// TestCommitEIOAtEveryStep fails each step of the commit that changes the
// tree with EIO, in turn, as the strace injection of issue 16 did. Before
// the commit point the run must exit 1 and leave OUT exactly as it was,
// byte for byte, with no staging directory; after it (the clean up) the run
// succeeds with the new night and a warning, and the next command removes
// what is left.
func TestCommitEIOAtEveryStep(t *testing.T) {
	n := makeNights(t)
	bin := faultFraming(t)
	failed, warned := 0, 0
	for k := 1; ; k++ {
		out := copyOut(t, n.base)
		cmd := exec.Command(bin, append(strings.Fields(newArgs), "--out", out)...)
		cmd.Dir = root
		cmd.Env = append(os.Environ(), fmt.Sprintf("FRAMING_TEST_COMMIT_EIO=%d", k))
		b, err := cmd.CombinedOutput()
		msg := string(b)
		noPanic(t, msg)
		if !strings.Contains(msg, "commitfaults: EIO") {
			if err != nil || state(t, out, n) != "new" {
				t.Fatalf("run without a fault: %v\n%s", err, msg)
			}
			t.Logf("%d steps: %d failed runs, %d committed with a warning", k-1, failed, warned)
			break
		}
		if err == nil {
			warned++
			if got := state(t, out, n); got != "new" || !strings.Contains(msg, "the run is committed") {
				t.Errorf("EIO at step %d: exit 0 with the %s night:\n%s", k, got, msg)
			}
			if code, msg := framing(t, append(strings.Fields(nextCommands[0].args), "--out", out)...); code != 0 {
				t.Fatalf("next run: exit %d\n%s", code, msg)
			}
			if left := leftovers(t, out); len(left) != 0 {
				t.Errorf("EIO at step %d: the next run left %v", k, left)
			}
			continue
		}
		failed++
		code := cmd.ProcessState.ExitCode()
		if code != 1 || !strings.Contains(msg, "input/output error") || (strings.Contains(msg, "committing") && !strings.Contains(msg, "rolled back")) {
			t.Fatalf("EIO at step %d: exit %d, want 1 and the error (rolled back, when the commit had begun):\n%s", k, code, msg)
		}
		if diff := diffSums(n.old, snapshot(t, out)); diff != "" {
			t.Errorf("EIO at step %d: OUT changed: %s\n%s", k, diff, msg)
		}
		if left := leftovers(t, out); len(left) != 0 {
			t.Errorf("EIO at step %d left %v", k, left)
		}
	}
	if failed == 0 || warned == 0 {
		t.Errorf("%d failed runs and %d warned ones: the faults missed a side of the commit point", failed, warned)
	}
}
