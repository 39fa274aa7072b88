//go:build !unix

package lexicon

import "time"

// processCPU is not measured on this system; benchmarks then report no
// CPU metric.
func processCPU() time.Duration { return -1 }
