package leakcheck

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"
)

// fdDir lists the process's open file descriptors, each a symbolic link
// to what it is open on ("socket:[1234]", "/tmp/x", "pipe:[5]"). Where it
// does not exist (not Linux), descriptors are not checked.
const fdDir = "/proc/self/fd"

// An fdSet maps each open descriptor to what it is open on.
type fdSet map[string]string

// openFDs returns the descriptors open now, or nil if they cannot be
// listed. The descriptor the listing itself reads is left out: its
// number is the lowest free one, which differs between two listings
// whenever a lower descriptor was opened or closed in between.
func openFDs() fdSet {
	d, err := os.Open(fdDir)
	if err != nil {
		return nil
	}
	defer d.Close()
	names, err := d.Readdirnames(-1)
	if err != nil {
		return nil
	}
	self := strconv.FormatUint(uint64(d.Fd()), 10)
	fds := make(fdSet, len(names))
	for _, n := range names {
		if n == self {
			continue
		}
		if target, err := os.Readlink(fdDir + "/" + n); err == nil {
			fds[n] = target
		}
	}
	return fds
}

// fdIgnored reports whether target is one the Go runtime opens on first
// use and keeps for the life of the process: the network poller's epoll
// and its wake-up eventfd or pipe.
func fdIgnored(target string) bool {
	return strings.HasPrefix(target, "anon_inode:[eventpoll]") ||
		strings.HasPrefix(target, "anon_inode:[eventfd]") ||
		strings.HasPrefix(target, "anon_inode:[timerfd]")
}

// fdsLeaked returns, sorted, what each descriptor open now but not in
// before is open on, after a bounded number of looks: a connection closed
// by another goroutine may need a moment to be gone. The descriptor the
// listing itself opens is never among them (see openFDs).
func fdsLeaked(before fdSet) []string {
	if before == nil {
		return nil
	}
	var leaked []string
	for i := 0; i < retries; i++ {
		leaked = leaked[:0]
		for fd, target := range openFDs() {
			if before[fd] != target && !fdIgnored(target) {
				leaked = append(leaked, fd+" -> "+target)
			}
		}
		if len(leaked) == 0 {
			return nil
		}
		runtime.Gosched()
		if i > 0 {
			time.Sleep(pause)
		}
	}
	slices.Sort(leaked)
	return leaked
}

func fdReport(leaked []string) string {
	return fmt.Sprintf("leakcheck: %d file descriptor(s) leaked:\n\t%s\n", len(leaked), strings.Join(leaked, "\n\t"))
}

// fuzzing reports whether the test binary runs the fuzzing engine, which
// keeps descriptors of its own open (its workers' pipes, its corpus).
func fuzzing() bool {
	for _, name := range []string{"test.fuzz", "test.fuzzworker"} {
		if f := flag.Lookup(name); f != nil && f.Value.String() != "" && f.Value.String() != "false" {
			return true
		}
	}
	return false
}
