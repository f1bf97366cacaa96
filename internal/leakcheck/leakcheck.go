// Package leakcheck fails tests that leave goroutines running or file
// descriptors open.
//
// A test package uses it from its TestMain:
//
//	func TestMain(m *testing.M) { leakcheck.Main(m) }
//
// and a single test may check itself with
//
//	func TestX(t *testing.T) {
//		leakcheck.Check(t)
//		...
//	}
//
// A goroutine counts as leaked if it was not running when the check began
// and still runs when it ends, unless it belongs to the Go runtime or the
// testing package. A file descriptor (a socket, a file, a pipe) counts as
// leaked if it was not open when the check began and still is when it
// ends, unless it is one the Go runtime keeps for its network poller;
// descriptors are checked where /proc/self/fd lists them (Linux), and not
// while fuzzing. Goroutines that are on their way out, and connections
// being closed, need a moment to be gone, so the check looks again a
// bounded number of times, with short pauses, before it reports.
package leakcheck

import (
	"fmt"
	"os"
	"runtime"
	"strings"
	"testing"
	"time"
)

// Main runs the tests of m and exits with their status, or with status 1,
// after printing their stacks, if goroutines that were not running before
// the tests remain after them; and likewise, naming what each is open on,
// if file descriptors that were not open before remain open.
func Main(m *testing.M) {
	before := snapshot()
	fds := openFDs()
	code := m.Run()
	if code == 0 {
		if leaked := wait(before); len(leaked) > 0 {
			fmt.Fprint(os.Stderr, report(leaked))
			code = 1
		}
	}
	if code == 0 && !fuzzing() {
		if leaked := fdsLeaked(fds); len(leaked) > 0 {
			fmt.Fprint(os.Stderr, fdReport(leaked))
			code = 1
		}
	}
	os.Exit(code)
}

// Check makes t fail if goroutines started after the call still run, or
// file descriptors opened after it are still open, when t and its
// subtests end. It registers a t.Cleanup, so call it first thing in the
// test. Goroutines and descriptors of tests running in parallel with t
// count too: do not use Check in a test that runs in parallel with
// others.
func Check(t testing.TB) {
	t.Helper()
	before := snapshot()
	fds := openFDs()
	t.Cleanup(func() {
		if leaked := wait(before); len(leaked) > 0 {
			t.Error(report(leaked))
		}
		if fuzzing() {
			return
		}
		if leaked := fdsLeaked(fds); len(leaked) > 0 {
			t.Error(fdReport(leaked))
		}
	})
}

// A goroutine is one entry of runtime.Stack's dump.
type goroutine struct {
	id    string
	stack string
}

// retries and pause bound how long wait gives leaving goroutines: about
// a second in all, most of it only if something really leaked.
const (
	retries = 50
	pause   = 20 * time.Millisecond
)

// wait returns the goroutines, other than those in before and the ignored
// ones, that still run after a bounded number of looks.
func wait(before map[string]bool) []goroutine {
	var leaked []goroutine
	for i := 0; i < retries; i++ {
		leaked = leaked[:0]
		for _, g := range dump() {
			if !before[g.id] && !ignored(g) {
				leaked = append(leaked, g)
			}
		}
		if len(leaked) == 0 {
			return nil
		}
		// Let exiting goroutines finish: first just yield, then pause.
		runtime.Gosched()
		if i > 0 {
			time.Sleep(pause)
		}
	}
	return leaked
}

func report(leaked []goroutine) string {
	var b strings.Builder
	fmt.Fprintf(&b, "leakcheck: %d goroutine(s) leaked:\n", len(leaked))
	for _, g := range leaked {
		b.WriteString("\n")
		b.WriteString(g.stack)
		b.WriteString("\n")
	}
	return b.String()
}

// snapshot returns the ids of the goroutines running now.
func snapshot() map[string]bool {
	ids := make(map[string]bool)
	for _, g := range dump() {
		ids[g.id] = true
	}
	return ids
}

// dump returns every goroutine but the calling one.
func dump() []goroutine {
	buf := make([]byte, 1<<16)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			buf = buf[:n]
			break
		}
		buf = make([]byte, 2*len(buf))
	}
	var gs []goroutine
	// The first entry is the calling goroutine's own.
	for i, block := range strings.Split(strings.TrimSpace(string(buf)), "\n\n") {
		if i == 0 {
			continue
		}
		header, _, _ := strings.Cut(block, "\n")
		id, _, _ := strings.Cut(strings.TrimPrefix(header, "goroutine "), " ")
		gs = append(gs, goroutine{id: id, stack: block})
	}
	return gs
}

// ignored reports whether g belongs to the runtime or the testing package:
// whether the function it was started with, the bottom frame of its stack,
// lives there.
func ignored(g goroutine) bool {
	entry := entryFunction(g.stack)
	for _, prefix := range []string{"testing.", "runtime.", "runtime/", "os/signal.", "internal/"} {
		if strings.HasPrefix(entry, prefix) {
			return true
		}
	}
	return entry == ""
}

// entryFunction returns the name of the bottom frame of a goroutine's
// stack: the function the go statement started.
func entryFunction(stack string) string {
	lines := strings.Split(stack, "\n")
	last := ""
	// Frames come in pairs: "pkg.Func(args)" then "\tfile:line".
	for _, l := range lines[1:] {
		if strings.HasPrefix(l, "\t") || strings.HasPrefix(l, "created by ") || strings.HasPrefix(l, "...") ||
			strings.HasPrefix(l, "runtime.goexit(") {
			// runtime.goexit is the return address at the bottom of
			// every goroutine's stack, not the function it runs.
			continue
		}
		last = l
	}
	if i := strings.LastIndexByte(last, '('); i > 0 {
		last = last[:i]
	}
	return last
}
