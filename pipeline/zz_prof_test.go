package pipeline

import (
	"context"
	"os"
	"testing"

	"framing/stats"
)

func TestZZProfStats(t *testing.T) {
	out := os.Getenv("PROF_OUT")
	if out == "" {
		t.Skip()
	}
	opt := stats.DefaultOptions()
	if _, err := Stats(context.Background(), StatsConfig{OutDir: out, From: jan20, To: jan20, Version: "test", Stats: opt}); err != nil {
		t.Fatal(err)
	}
}

func TestZZProfRun(t *testing.T) {
	in := os.Getenv("PROF_IN")
	if in == "" {
		t.Skip()
	}
	cfg := testConfig(t.TempDir(), in)
	cfg.Workers, cfg.Stats.Workers = 2, 2
	if lex := os.Getenv("PROF_LEX"); lex != "" {
		cfg.Lexicons = []string{lex}
	}
	if _, err := Run(context.Background(), cfg); err != nil {
		t.Fatal(err)
	}
}
