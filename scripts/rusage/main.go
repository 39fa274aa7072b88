// Command rusage runs a command and reports its wall time, CPU seconds (user
// and system) and peak resident set size from the kernel's accounting of
// the child (ru_maxrss), on stderr, as one line:
//
//	RUSAGE wall_s=12.345 user_s=20.1 sys_s=0.9 maxrss_mb=201.3
//
// It exits with the command's exit code, so that a benchmark script stops
// on a failed run. No GNU time is needed.
package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"syscall"
	"time"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: rusage COMMAND [ARGS...]")
		os.Exit(2)
	}
	cmd := exec.Command(os.Args[1], os.Args[2:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start).Seconds()
	if cmd.ProcessState == nil {
		fmt.Fprintln(os.Stderr, "rusage:", err)
		os.Exit(1)
	}
	ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	fmt.Fprintf(os.Stderr, "RUSAGE wall_s=%.3f user_s=%.3f sys_s=%.3f maxrss_mb=%.1f\n", wall,
		time.Duration(ru.Utime.Nano()).Seconds(), time.Duration(ru.Stime.Nano()).Seconds(), float64(ru.Maxrss)/1024)
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		os.Exit(ee.ExitCode())
	}
}
