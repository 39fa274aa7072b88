package job

import (
	"bytes"
	"context"
	"flag"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/runners/universal"
)

// The Flink job server: Beam's Flink runner for Flink 1.19, whose version
// the Go SDK in go.mod (v2.71.0) submits to in LOOPBACK mode. See
// beam/flink/pom.xml and docs/scale-out.md.
const (
	flinkRunner = "beam-runners-flink-1.19-2.62.0"
	flinkDriver = "org.apache.beam.runners.flink.FlinkJobServerDriver"
)

var flinkCache = flag.String("flink-cache", "", "directory of the cached Flink job server jars (default ~/.cache/framing/"+flinkRunner+")")

// TestFlink submits framing-beam to Beam's Flink job server, started here
// on this machine's Java and stopped by its pid at the end, with the Go
// workers in LOOPBACK mode (inside this test process). It checks the same
// equality with `framing run` as the prism tests, and that a bundle that
// fails once is retried by Flink itself, inside one job, without a row
// twice: the job server's Flink configuration (beam/flink/flink-conf.yaml)
// sets a restart strategy.
func TestFlink(t *testing.T) {
	java, err := exec.LookPath("java")
	if err != nil {
		t.Skip("SKIP: no Java installed; the Flink job server needs Java 17 (apt-get install openjdk-17-jre-headless)")
	}
	endpoint := startFlink(t, java, flinkJars(t))
	// Beam's runners read these from its global flags: prism.Execute too,
	// which dials the endpoint when one is set. They are put back when the
	// test ends, so that the tests after it in this binary run on prism.
	setBeamFlag(t, "endpoint", endpoint)
	setBeamFlag(t, "environment_type", "LOOPBACK")
	inputs := append(examples(t), hostileCorpus(t), genCorpus(t, "2"))
	want := framingRun(t, inputs, false)

	out := t.TempDir()
	o := beamOptions(inputs, out, universal.Execute)
	o.Shards = 3
	o.FailOnce = filepath.Join(t.TempDir(), "failed")
	start := time.Now()
	sum, err := Run(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("flink: %d records in %.1f s (one job, one task retried)", sum.RecordsRead, time.Since(start).Seconds())
	if _, err := os.Stat(o.FailOnce); err != nil {
		t.Fatalf("no shard writer reached the injected failure: %v", err)
	}
	sameTables(t, want, out, false)
}

// flinkJars returns the directory of the job server's jars, fetching them
// with Maven into the cache the first time.
func flinkJars(t *testing.T) string {
	t.Helper()
	dir := *flinkCache
	if dir == "" {
		cache, err := os.UserCacheDir()
		if err != nil {
			t.Fatal(err)
		}
		dir = filepath.Join(cache, "framing", flinkRunner)
	}
	lib := filepath.Join(dir, "lib")
	if _, err := os.Stat(filepath.Join(lib, flinkRunner+".jar")); err == nil {
		return lib
	}
	mvn, err := exec.LookPath("mvn")
	if err != nil {
		t.Fatalf("Java is installed but Maven is not: mvn fetches the Flink job server's jars into %s", dir)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	tmp, err := os.MkdirTemp(dir, ".fetch-")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(tmp)
	t.Logf("fetching the Flink job server's jars into %s", dir)
	cmd := exec.Command(mvn, "-q", "-B", "-f", filepath.Join(repoRoot(t), "beam", "flink", "pom.xml"),
		"dependency:copy-dependencies", "-DoutputDirectory="+filepath.Join(tmp, "lib"))
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("fetching the Flink job server: %v\n%s", err, b)
	}
	if err := os.Rename(filepath.Join(tmp, "lib"), lib); err != nil {
		t.Fatal(err)
	}
	return lib
}

// startFlink starts the job server on free local ports, waits until it
// accepts jobs and returns its endpoint. Cleanup stops it by its pid.
func startFlink(t *testing.T, java, lib string) string {
	t.Helper()
	ports := freePorts(t, 3)
	conf := filepath.Join(repoRoot(t), "beam", "flink")
	var log bytes.Buffer
	cmd := exec.Command(java, "-cp", filepath.Join(lib, "*"), flinkDriver,
		"--job-host", "localhost", "--job-port", ports[0], "--artifact-port", ports[1],
		"--expansion-port", ports[2], "--flink-master", "[local]", "--flink-conf-dir", conf)
	cmd.Stdout, cmd.Stderr = &log, &log
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	pid := cmd.Process.Pid
	t.Cleanup(func() {
		if err := cmd.Process.Kill(); err != nil {
			t.Errorf("stopping the Flink job server (pid %d): %v", pid, err)
		}
		cmd.Wait()
		if t.Failed() {
			t.Logf("Flink job server output:\n%s", log.String())
		}
	})
	endpoint := "localhost:" + ports[0]
	deadline := time.Now().Add(3 * time.Minute)
	for {
		c, err := net.DialTimeout("tcp", endpoint, time.Second)
		if err == nil {
			c.Close()
			t.Logf("Flink job server pid %d listening on %s", pid, endpoint)
			return endpoint
		}
		if time.Now().After(deadline) || cmd.ProcessState != nil {
			t.Fatalf("the Flink job server (pid %d) did not listen on %s: %v\n%s", pid, endpoint, err, log.String())
		}
		time.Sleep(500 * time.Millisecond)
	}
}

// freePorts returns n TCP ports that were free on localhost a moment ago.
func freePorts(t *testing.T, n int) []string {
	t.Helper()
	var ls []net.Listener
	var ports []string
	for range n {
		l, err := net.Listen("tcp", "localhost:0")
		if err != nil {
			t.Fatal(err)
		}
		ls = append(ls, l)
		ports = append(ports, strconv.Itoa(l.Addr().(*net.TCPAddr).Port))
	}
	for _, l := range ls {
		l.Close()
	}
	return ports
}

// setBeamFlag sets one of Beam's global flags for the test and restores
// its earlier value at cleanup.
func setBeamFlag(t *testing.T, name, value string) {
	t.Helper()
	f := flag.Lookup(name)
	if f == nil {
		t.Fatalf("no flag -%s", name)
	}
	old := f.Value.String()
	if err := flag.Set(name, value); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := flag.Set(name, old); err != nil {
			t.Errorf("restoring -%s: %v", name, err)
		}
	})
}
