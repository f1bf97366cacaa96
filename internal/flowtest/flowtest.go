// Package flowtest holds the test helpers shared by the tests of
// twisted/flow and twisted/flow/threads: reading what a Deferred fired
// with, comparing a value's Python repr, and a reactor's thread part under
// the test's control.
package flowtest

import (
	"sync"
	"testing"

	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
)

// Result returns what d has fired with (a *twisted.Failure for a failure,
// which it consumes), or fails the test if d has not fired.
func Result(t testing.TB, d *deferred.Deferred) any {
	t.Helper()
	var got any
	fired := false
	d.AddBoth(func(r any) (any, error) {
		got, fired = r, true
		return nil, nil
	})
	if !fired {
		t.Fatal("Deferred has not fired")
	}
	return got
}

// Failure returns the failure d has fired with, which it consumes, or
// fails the test if d has not fired or has fired with a result.
func Failure(t testing.TB, d *deferred.Deferred) *twisted.Failure {
	t.Helper()
	r := Result(t, d)
	f, ok := r.(*twisted.Failure)
	if !ok {
		t.Fatalf("Deferred fired with %s, want a failure", twisted.Repr(r))
	}
	return f
}

// FailureOf fails the test unless d has fired with a failure of class.
func FailureOf(t testing.TB, d *deferred.Deferred, class *twisted.Class) {
	t.Helper()
	r := Result(t, d)
	f, ok := r.(*twisted.Failure)
	if !ok || f.Check(class) == nil {
		t.Fatalf("Deferred fired with %s, want a %s failure", twisted.Repr(r), class.Name())
	}
}

// Check fails the test unless got's Python repr is want.
func Check(t testing.TB, got any, want string) {
	t.Helper()
	if g := twisted.Repr(got); g != want {
		t.Errorf("got %s, want %s", g, want)
	}
}

// Threads is a reactor's thread part under the test's control: work runs
// in goroutines, and the calls handed back wait until the test runs them
// ([Threads.RunOne], [Threads.RunUntil]).
type Threads struct {
	calls chan func()
	wg    sync.WaitGroup
}

// NewThreads returns a Threads with room for 1000 calls handed back and
// not yet run.
func NewThreads() *Threads { return &Threads{calls: make(chan func(), 1000)} }

// CallInThread runs fn in a new goroutine.
func (f *Threads) CallInThread(fn func()) {
	f.wg.Add(1)
	go func() {
		defer f.wg.Done()
		fn()
	}()
}

// CallFromThread keeps fn until the test runs it.
func (f *Threads) CallFromThread(fn func()) { f.calls <- fn }

// SuggestThreadPoolSize does nothing: every call gets its goroutine.
func (f *Threads) SuggestThreadPoolSize(int) {}

// RunOne waits for the next call handed back and runs it.
func (f *Threads) RunOne() { (<-f.calls)() }

// TryRunOne runs the next call handed back if one is waiting, and
// reports whether it did.
func (f *Threads) TryRunOne() bool {
	select {
	case fn := <-f.calls:
		fn()
		return true
	default:
		return false
	}
}

// Pending returns the number of calls handed back and not yet run.
func (f *Threads) Pending() int { return len(f.calls) }

// Wait waits for the goroutines of CallInThread to end.
func (f *Threads) Wait() { f.wg.Wait() }

// RunUntil runs the handed-back calls until d has fired, then waits for
// the goroutines to end.
func (f *Threads) RunUntil(d *deferred.Deferred) {
	for !d.Called() {
		f.RunOne()
	}
	f.Wait()
}
