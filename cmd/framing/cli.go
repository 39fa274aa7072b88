package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"runtime/debug"
	"strings"

	"framing/pipeline"
)

// version is the program version recorded in every output file. It is a
// constant, not a build stamp, so that output bytes depend only on the input.
const version = "0.1.0"

// Exit codes, documented in README.md and docs/operations.md.
const (
	exitOK        = 0
	exitFailure   = 1  // the run failed, or an internal error (a bug); nothing was written
	exitUsage     = 2  // a wrong flag, config key or value
	exitRejects   = 3  // no articles, or rejects above --max-reject-ratio; nothing was written
	exitStaleLock = 4  // OUT's lock is held by a run that is gone or stuck: a person must look
	exitInternal  = 5  // written, but some records hit an internal error and are rejects
	exitLocked    = 75 // EX_TEMPFAIL: another run holds OUT; cron may try again later
)

// usageError marks a mistake in the command line: exit code 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

// lockExit gives the lock errors of pipeline their exit codes: a stale lock (4) must
// never pass for a busy one (75), which schedulers may treat as "try later".
func lockExit(err error) (error, bool) {
	var stale *pipeline.StaleLockError
	var locked *pipeline.LockedError
	switch {
	case errors.As(err, &stale):
		return exitError{exitStaleLock, err}, true
	case errors.As(err, &locked):
		return exitError{exitLocked, err}, true
	}
	return nil, false
}

// exitError carries a specific exit code for a failure.
type exitError struct {
	code int
	err  error
}

func (e exitError) Error() string { return e.err.Error() }
func (e exitError) Unwrap() error { return e.err }

const helpText = `framing measures how news outlets frame a story.

Usage:
  framing run --input PATH... --out DIR [flags]   score a corpus and write Parquet
  framing stats --out DIR --from D1 [--to D2]     recompute statistics for a window of run dates
  framing lexicon validate|show|export|explain|evaluate|diff   work with lexicons
  framing kwic --out DIR --entry 'sovereign*'     frame hits in context (keyword in context)
  framing report --out DIR -o report.html         one HTML page of findings and charts
  framing version                                 print the version
  framing help                                    print this help

Run 'framing run -h' or 'framing lexicon -h' for the flags of each command.
Exit codes: 0 ok, 1 failure or internal error, 2 usage error, 3 no articles or
rejects above --max-reject-ratio (nothing written), 4 the output directory's
lock is stale (its holder is gone or stuck), 5 written but some records hit an
internal error, 75 another run holds the output directory.
`

// run is the whole command: it parses args, does the work and returns the
// exit code. main only wires it to the process.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return guard(stderr, func() int { return runCommand(ctx, args, stdin, stdout, stderr) })
}

// guard runs the command and turns a panic on its goroutine, a bug in
// framing, into a message with the stack and exit 1: never the runtime's
// exit 2, which means a usage error. Goroutines of the run recover their own
// panics into errors (pipeline, stats), which also end in exit 1.
func guard(stderr io.Writer, cmd func() int) (code int) {
	defer func() {
		if p := recover(); p != nil {
			fmt.Fprintf(stderr, "framing: internal error (a bug in framing, please report it): %v\n%s", p, debug.Stack())
			code = exitFailure
		}
	}()
	return cmd()
}

func runCommand(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return exitCode(dispatch(ctx, args, stdin, stdout, stderr), stderr)
}

// exitCode reports err on stderr, once, and returns the exit code it means.
// An error wrapped by jsonErrors is reported as one JSON log line with its
// exit code, so that a JSON log holds nothing else.
func exitCode(err error, stderr io.Writer) int {
	var ue usageError
	var ee exitError
	code, msg := exitOK, ""
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, flag.ErrHelp):
		return exitOK
	case errors.As(err, &ue):
		code, msg = exitUsage, ue.msg
	case errors.As(err, &ee):
		code, msg = ee.code, ee.err.Error()
	default:
		code, msg = exitFailure, err.Error()
	}
	var je jsonError
	switch {
	case errors.As(err, &je):
		je.log.Error(msg, "exit_code", code)
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "framing: %s\nRun 'framing help' for usage.\n", msg)
	default:
		fmt.Fprintf(stderr, "framing: %s\n", msg)
	}
	return code
}

// jsonError marks an error to be reported through a JSON logger.
type jsonError struct {
	err error
	log *slog.Logger
}

func (e jsonError) Error() string { return e.err.Error() }
func (e jsonError) Unwrap() error { return e.err }

func dispatch(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, helpText)
		return usagef("no command given")
	}
	switch args[0] {
	case "run":
		return cmdRun(ctx, args[1:], stdin, stdout, stderr)
	case "stats":
		return cmdStats(ctx, args[1:], stdout, stderr)
	case "lexicon":
		return cmdLexicon(ctx, args[1:], stdout, stderr)
	case "kwic":
		return cmdKWIC(ctx, args[1:], stdout, stderr)
	case "report":
		return cmdReport(args[1:], stdout, stderr)
	case "version", "--version", "-version":
		fmt.Fprintf(stdout, "framing %s\n", version)
		return nil
	case "help", "-h", "--help", "-help":
		fmt.Fprint(stdout, helpText)
		return nil
	default:
		return usagef("unknown command %q", args[0])
	}
}

// newFlagSet makes a flag set that reports errors instead of exiting, and
// prints its usage to stderr.
func newFlagSet(name, synopsis string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: %s\n\nFlags:\n", synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args and turns a flag error into a usage error. When
// the command line asks for JSON logs, the flag package's own messages are
// dropped and the error becomes one JSON line (help, asked for, is still
// printed).
func parseFlags(fs *flag.FlagSet, args []string) error {
	stderr, usage := fs.Output(), fs.Usage
	asJSON := jsonArgs(args)
	if asJSON {
		fs.SetOutput(io.Discard)
		fs.Usage = func() {}
	}
	err := fs.Parse(args)
	fs.SetOutput(stderr)
	fs.Usage = usage
	switch {
	case err == nil:
		return nil
	case errors.Is(err, flag.ErrHelp):
		if asJSON {
			usage()
		}
		return err
	case asJSON:
		l, _ := newLogs(stderr, "json", false)
		return l.wrap(usageError{err.Error()})
	}
	return usageError{err.Error()}
}

// logs are the loggers of one command. log carries progress, phases and
// warnings (only warnings and errors with --quiet); summary carries the
// command's one closing line, logged whatever --quiet says, so that a cron
// log holds a line per night. With JSON every line on stderr is JSON: the
// progress bar is off and errors are reported by wrap.
type logs struct {
	log, summary *slog.Logger
	json         bool
}

func newLogs(w io.Writer, format string, quiet bool) (logs, error) {
	level := slog.LevelInfo
	if quiet {
		level = slog.LevelWarn
	}
	var l logs
	switch format {
	case "text", "":
		l.log = slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: level}))
		l.summary = slog.New(slog.NewTextHandler(w, nil))
	case "json":
		l.log = slog.New(slog.NewJSONHandler(w, &slog.HandlerOptions{Level: level}))
		l.summary = slog.New(slog.NewJSONHandler(w, nil))
		l.json = true
	default:
		return l, usagef("--log-format must be text or json, not %q", format)
	}
	return l, nil
}

// wrap marks err to be reported as a JSON log line when the logs are JSON.
func (l logs) wrap(err error) error {
	if err == nil || !l.json {
		return err
	}
	return jsonError{err: err, log: l.log}
}

// jsonArgs reports whether the command line asks for JSON logs, so that a
// usage error found while parsing it is reported as JSON too.
func jsonArgs(args []string) bool {
	for i, a := range args {
		a = strings.TrimLeft(a, "-")
		if a == "log-format=json" || (a == "log-format" && i+1 < len(args) && args[i+1] == "json") {
			return true
		}
	}
	return false
}

// stringList is a repeatable string flag.
type stringList []string

func (s *stringList) String() string     { return fmt.Sprint(*s) }
func (s *stringList) Set(v string) error { *s = append(*s, v); return nil }
