package conformance

import (
	"fmt"
	"runtime"
	"strings"
	"sync"

	"github.com/twistedflow/twistedflow/twisted"
)

// T collects the trace a scenario's Go transcription prints. Its methods
// mirror the ways the Python side prints, so a print statement ports line
// for line. T is safe for use from several goroutines (a Threaded source,
// say); the lines keep the order in which the calls were made.
type T struct {
	mu       sync.Mutex
	out      strings.Builder
	failed   string
	cleanups []func()
}

// Cleanup registers f to run when the transcription returns (or panics,
// or ends with Fatalf), last registered first, as testing.T.Cleanup: the
// place to release what the Python leaves to its garbage collector, such as
// a flow suspended on a reactor that will not run again.
func (t *T) Cleanup(f func()) {
	t.mu.Lock()
	t.cleanups = append(t.cleanups, f)
	t.mu.Unlock()
}

// runCleanups runs the registered cleanups, last first.
func (t *T) runCleanups() {
	for {
		t.mu.Lock()
		n := len(t.cleanups)
		if n == 0 {
			t.mu.Unlock()
			return
		}
		f := t.cleanups[n-1]
		t.cleanups = t.cleanups[:n-1]
		t.mu.Unlock()
		f()
	}
}

// Print prints its arguments as Python 2's `print a, b` does: each as
// str(), separated by spaces, then a newline.
func (t *T) Print(args ...any) {
	parts := make([]string, len(args))
	for i, a := range args {
		parts[i] = twisted.Str(a)
	}
	t.line(strings.Join(parts, " "))
}

// Repr prints its arguments as `print repr(a), repr(b)` does.
func (t *T) Repr(args ...any) {
	parts := make([]string, len(args))
	for i, a := range args {
		parts[i] = twisted.Repr(a)
	}
	t.line(strings.Join(parts, " "))
}

// Printf prints one line formatted by fmt.Sprintf; use it for the Python's
// `print "... %s" % x`, with %s of twisted.Str(x) or twisted.Repr(x) as the
// Python has %s or %r.
func (t *T) Printf(format string, args ...any) {
	t.line(fmt.Sprintf(format, args...))
}

// Fatalf marks the scenario failed (a harness error, not a trace line) and
// ends it, as testing.T.Fatalf does. Call it from the scenario's goroutine.
func (t *T) Fatalf(format string, args ...any) {
	t.mu.Lock()
	t.failed = fmt.Sprintf(format, args...)
	t.mu.Unlock()
	runtime.Goexit()
}

func (t *T) line(s string) {
	t.mu.Lock()
	t.out.WriteString(s)
	t.out.WriteByte('\n')
	t.mu.Unlock()
}

// Output returns the trace printed so far.
func (t *T) Output() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.out.String()
}
