package output

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"path"
	"path/filepath"
	"strings"
)

// The commit journal (docs/operations.md, "Commit protocol") lives in the
// commit's staging directory. It is written as journalTmp, fsynced, and
// renamed to journalPrepared before the first partition moves; the rename of
// journalPrepared to journalCommitted, after the last move, is the commit
// point. Recovery rolls a prepared commit back and a committed one forward.
const (
	journalTmp       = "journal.tmp"
	journalPrepared  = "journal.prepared"
	journalCommitted = "journal.committed"
	// backupDir, inside the staging directory, holds an old partition
	// while it is moved aside, where the filesystem cannot exchange two
	// directories in one step.
	backupDir     = ".backup"
	journalFormat = "framing commit journal"
)

// journal lists what one commit changes in OUT.
type journal struct {
	Format  string `json:"format"`
	Version int    `json:"version"`
	// Dirs are the directories the commit creates in OUT (table
	// directories of a first run), relative, parents first; a rollback
	// removes them again.
	Dirs []string `json:"dirs"`
	// Moves are the partitions the commit puts in place, in order.
	Moves []move `json:"moves"`
}

// move is one partition directory: rel below OUT and below the staging
// directory, with the inode numbers that tell the new directory from the
// old one wherever a crash left them. Inode numbers, not device numbers:
// every path lies on OUT's filesystem (renames need it), and a device
// number can change across a reboot.
type move struct {
	Rel string `json:"rel"`
	New uint64 `json:"new_inode"`
	Old uint64 `json:"old_inode,omitempty"` // 0: OUT had no such partition
}

// encode writes the journal as one JSON document.
func (j journal) encode() []byte {
	b, err := json.MarshalIndent(j, "", "  ")
	if err != nil {
		// Strings and integers always encode.
		panic(fmt.Sprintf("encoding commit journal: %v", err))
	}
	return append(b, '\n')
}

// parseJournal reads a journal written by encode, and refuses anything
// recovery must not act on: unknown fields or versions, a path that leaves
// OUT or enters a dot directory, a partition listed twice.
func parseJournal(b []byte) (journal, error) {
	var j journal
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&j); err != nil {
		return j, fmt.Errorf("parsing commit journal: %w", err)
	}
	if dec.More() {
		return j, errors.New("parsing commit journal: data after the journal")
	}
	if j.Format != journalFormat || j.Version != 1 {
		return j, fmt.Errorf("parsing commit journal: format %q version %d: want %q version 1", j.Format, j.Version, journalFormat)
	}
	for _, d := range j.Dirs {
		if !validRel(d) {
			return j, fmt.Errorf("parsing commit journal: directory %q: not a plain path below OUT", d)
		}
	}
	seen := map[string]bool{}
	for _, m := range j.Moves {
		switch {
		case !validRel(m.Rel):
			return j, fmt.Errorf("parsing commit journal: partition %q: not a plain path below OUT", m.Rel)
		case seen[m.Rel]:
			return j, fmt.Errorf("parsing commit journal: partition %q listed twice", m.Rel)
		case m.New == 0 || m.New == m.Old:
			return j, fmt.Errorf("parsing commit journal: partition %q: inodes new %d, old %d", m.Rel, m.New, m.Old)
		}
		seen[m.Rel] = true
	}
	return j, nil
}

// validRel reports whether a journal path is a clean relative path in
// slash form with no dot component, so that recovery only ever touches
// table directories below OUT, never the lock, staging or OUT's parent.
func validRel(rel string) bool {
	if rel == "" || path.Clean(rel) != rel || !filepath.IsLocal(filepath.FromSlash(rel)) || strings.Contains(rel, `\`) {
		return false
	}
	for _, c := range strings.Split(rel, "/") {
		if strings.HasPrefix(c, ".") {
			return false
		}
	}
	return true
}
