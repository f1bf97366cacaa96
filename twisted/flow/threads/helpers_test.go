package threads_test

import (
	"sync"
	"testing"

	"github.com/twistedflow/twistedflow/internal/leakcheck"
	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
)

func TestMain(m *testing.M) { leakcheck.Main(m) }

// fakeThreads is a reactor's thread part under the test's control: work
// runs in goroutines, and the calls handed back wait in a channel until
// the test runs them.
type fakeThreads struct {
	calls chan func()
	wg    sync.WaitGroup
}

func newThreads() *fakeThreads { return &fakeThreads{calls: make(chan func(), 1000)} }

func (f *fakeThreads) CallInThread(fn func()) {
	f.wg.Add(1)
	go func() {
		defer f.wg.Done()
		fn()
	}()
}
func (f *fakeThreads) CallFromThread(fn func())  { f.calls <- fn }
func (f *fakeThreads) SuggestThreadPoolSize(int) {}

// runUntil runs the handed-back calls until d has fired, then waits for
// the threads to end.
func (f *fakeThreads) runUntil(d *deferred.Deferred) {
	for !d.Called() {
		(<-f.calls)()
	}
	f.wg.Wait()
}

// result returns what d has fired with (a *twisted.Failure for a
// failure, which it consumes), or fails the test if d has not fired.
func result(t *testing.T, d *deferred.Deferred) any {
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

// check fails t unless got's Python repr is want.
func check(t *testing.T, got any, want string) {
	t.Helper()
	if g := repr(got); g != want {
		t.Errorf("got %s, want %s", g, want)
	}
}

func repr(v any) string { return twisted.Repr(v) }

// failureOf fails t unless d has fired with a failure of class.
func failureOf(t *testing.T, d *deferred.Deferred, class *twisted.Class) {
	t.Helper()
	r := result(t, d)
	f, ok := r.(*twisted.Failure)
	if !ok || f.Check(class) == nil {
		t.Fatalf("Deferred fired with %s, want a %s failure", repr(r), class.Name())
	}
}
