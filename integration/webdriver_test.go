package integration

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// A WebDriver client of a few calls, over chromedriver's HTTP interface:
// Debian's chromium and chromium-driver are all the browser test needs, no
// Node.js and no Go module (docs/decisions.md).

type webDriver struct {
	base    string
	session string
	cmd     *exec.Cmd
	client  *http.Client
}

// chromeFlags are the flags that work on this machine (root, no display,
// no network but the package registries): without the background-network
// ones Chromium keeps trying to reach Google's hosts.
var chromeFlags = []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
	"--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars"}

// startBrowser starts chromedriver and a headless Chromium session, or
// skips (fails under FRAMING_REQUIRE_TOOLS) when either is missing.
func startBrowser(t *testing.T, width, height int) *webDriver {
	t.Helper()
	chromium := os.Getenv("FRAMING_CHROMIUM")
	if chromium == "" {
		chromium = "/usr/bin/chromium"
	}
	if _, err := os.Stat(chromium); err != nil {
		missingTool(t, "no Chromium at "+chromium+" (apt-get install chromium chromium-driver, or set FRAMING_CHROMIUM)")
	}
	driver, err := exec.LookPath("chromedriver")
	if err != nil {
		missingTool(t, "no chromedriver in PATH (apt-get install chromium-driver)")
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	d := &webDriver{base: fmt.Sprintf("http://127.0.0.1:%d", port), client: &http.Client{Timeout: 120 * time.Second}}
	d.cmd = exec.Command(driver, fmt.Sprintf("--port=%d", port))
	if err := d.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(d.stop)
	deadline := time.Now().Add(30 * time.Second)
	for {
		var st struct {
			Ready bool `json:"ready"`
		}
		if err := d.call("GET", "/status", nil, &st); err == nil && st.Ready {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("chromedriver did not get ready in 30 s")
		}
		time.Sleep(100 * time.Millisecond)
	}
	args := append(append([]string(nil), chromeFlags...), "--user-data-dir="+t.TempDir(), fmt.Sprintf("--window-size=%d,%d", width, height))
	caps := map[string]any{"capabilities": map[string]any{"alwaysMatch": map[string]any{
		"browserName":        "chrome",
		"goog:chromeOptions": map[string]any{"binary": chromium, "args": args},
		"goog:loggingPrefs":  map[string]string{"browser": "ALL"},
	}}}
	var s struct {
		SessionID string `json:"sessionId"`
	}
	if err := d.call("POST", "/session", caps, &s); err != nil {
		t.Fatalf("starting Chromium: %v", err)
	}
	d.session = "/session/" + s.SessionID
	return d
}

// call sends one command and decodes its "value" into out.
func (d *webDriver) call(method, path string, body, out any) error {
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return err
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, d.base+path, rd)
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := d.client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	var env struct {
		Value json.RawMessage `json:"value"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&env); err != nil {
		return fmt.Errorf("%s %s: %v", method, path, err)
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("%s %s: %s: %s", method, path, resp.Status, env.Value)
	}
	if out == nil {
		return nil
	}
	return json.Unmarshal(env.Value, out)
}

func (d *webDriver) open(t *testing.T, url string) {
	t.Helper()
	if err := d.call("POST", d.session+"/url", map[string]string{"url": url}, nil); err != nil {
		t.Fatal(err)
	}
}

// eval runs a script's body in the page and decodes what it returns.
func (d *webDriver) eval(t *testing.T, script string, out any) {
	t.Helper()
	if err := d.call("POST", d.session+"/execute/sync", map[string]any{"script": script, "args": []any{}}, out); err != nil {
		t.Fatal(err)
	}
}

// consoleErrors returns the browser console's SEVERE entries so far.
func (d *webDriver) consoleErrors(t *testing.T) []string {
	t.Helper()
	var entries []struct {
		Level, Message string
	}
	if err := d.call("POST", d.session+"/se/log", map[string]string{"type": "browser"}, &entries); err != nil {
		t.Fatal(err)
	}
	var errs []string
	for _, e := range entries {
		if e.Level == "SEVERE" {
			errs = append(errs, e.Message)
		}
	}
	return errs
}

func (d *webDriver) resize(t *testing.T, w, h int) {
	t.Helper()
	if err := d.call("POST", d.session+"/window/rect", map[string]int{"width": w, "height": h}, nil); err != nil {
		t.Fatal(err)
	}
}

// screenshot returns a PNG of the viewport.
func (d *webDriver) screenshot(t *testing.T) []byte {
	t.Helper()
	var b64 string
	if err := d.call("GET", d.session+"/screenshot", nil, &b64); err != nil {
		t.Fatal(err)
	}
	png, err := base64.StdEncoding.DecodeString(strings.TrimSpace(b64))
	if err != nil {
		t.Fatal(err)
	}
	return png
}

func (d *webDriver) stop() {
	if d.session != "" {
		d.call("DELETE", d.session, nil, nil)
	}
	if d.cmd != nil && d.cmd.Process != nil {
		d.cmd.Process.Kill()
		d.cmd.Wait()
	}
}
