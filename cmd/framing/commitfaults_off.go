//go:build !commitfaults

package main

import "framing/output"

// commitFS is the filesystem of the commit: the operating system's (nil),
// unless the binary is built with -tags commitfaults for the fault tests.
func commitFS() output.FS { return nil }
