package output

import (
	"errors"
	"fmt"

	"golang.org/x/sys/unix"
)

// exchange swaps a and b with renameat2(RENAME_EXCHANGE) (Linux 3.15; ext4,
// xfs, btrfs, tmpfs, and OpenZFS from 2.2). EINVAL, ENOSYS and EOPNOTSUPP
// mean that the kernel or the filesystem cannot, which the caller handles
// with two renames.
func exchange(a, b string) error {
	err := unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, unix.EINVAL), errors.Is(err, unix.ENOSYS), errors.Is(err, unix.EOPNOTSUPP):
		return fmt.Errorf("exchanging %s and %s: %w (%w)", a, b, errors.ErrUnsupported, err)
	}
	return fmt.Errorf("exchanging %s and %s: %w", a, b, err)
}
