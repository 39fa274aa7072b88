package pipeline

import (
	"errors"
	"fmt"
	"log/slog"
	"time"

	"framing/output"
)

// recoverOut completes or rolls back a commit that a killed process left in
// outDir, and removes what runs that stopped before their commit left
// there (output.Recover). The caller holds outDir's lock: every command
// that writes OUT calls it first, before it reads or writes anything else.
func recoverOut(fsys output.FS, outDir string, log *slog.Logger) error {
	done, err := output.Recover(fsys, outDir)
	for _, r := range done {
		log.Warn("an earlier process was killed while it committed: " + r.String())
	}
	if err != nil {
		return fmt.Errorf("%w; nothing was done: a person must look at %s before the next run", err, outDir)
	}
	return nil
}

// Recover is recoverOut for the other programs that write OUT
// (framing-beam): called first, under OUT's lock, so that a commit a killed
// framing or framing-beam left is resolved before anything else.
func Recover(fsys output.FS, outDir string, log *slog.Logger) error {
	return recoverOut(fsys, outDir, log)
}

// RecoverForReading is what a command that only reads OUT calls first:
// when a killed process left a commit journal there, it takes OUT's lock
// long enough to complete or roll back that commit, so that the reader
// sees one state of every table. It returns at once when there is no
// journal (without creating OUT or its lock file) and when a live run
// holds the lock, whose own commit is then under way: that reader may see
// partitions of both states for the few milliseconds the commit takes
// (docs/operations.md, "Commit protocol").
func RecoverForReading(outDir string, now time.Time, log *slog.Logger) error {
	pending, err := output.Pending(outDir)
	if err != nil || !pending {
		return err
	}
	lock, err := AcquireLock(outDir, now)
	var locked *LockedError
	if errors.As(err, &locked) {
		log.Warn("a run is committing to " + outDir + "; its tables may show both states until it has finished")
		return nil
	}
	if err != nil {
		return err
	}
	defer lock.Release()
	return recoverOut(output.OSFS{}, outDir, log)
}
