//go:build unix

package reactor

import (
	"syscall"
	"time"
)

// cpuTime returns the CPU time (user and system) the process has used:
// benchmarks report it beside wall time, which a busy machine disturbs more.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
