package pipeline

import (
	"log/slog"

	"framing/output"
)

// migrateLayout renames the partition directories an older framing wrote
// (schema version 1, key=value) to today's names, once, while the caller
// holds OUT's lock, and logs what it renamed: a run or `framing stats` on an
// output of version 1 then reads and writes one layout.
func migrateLayout(outDir string, log *slog.Logger) error {
	moved, err := output.MigrateLayout(outDir)
	if len(moved) > 0 && log != nil {
		log.Info("renamed partition directories of schema version 1", "out", outDir, "count", len(moved), "first", moved[0])
	}
	return err
}
