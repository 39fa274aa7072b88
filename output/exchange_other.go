//go:build !linux

package output

import (
	"errors"
	"fmt"
)

// exchange has no atomic form here; the commit falls back to two renames.
func exchange(a, b string) error {
	return fmt.Errorf("exchanging %s and %s: %w", a, b, errors.ErrUnsupported)
}
