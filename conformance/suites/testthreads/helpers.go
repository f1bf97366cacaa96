package testthreads

import (
	"errors"
	"sync"
	"time"

	"github.com/twistedflow/twistedflow/conformance"
	"github.com/twistedflow/twistedflow/conformance/pyunit"
	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/reactor"
	"github.com/twistedflow/twistedflow/twisted/threads"
)

// The scenarios transcribe the tests of test_threads.py; each test's
// `reactor` is the scenario's own Reactor (self.Reactor()), which
// pyunit.Run runs while the test's Deferred is pending, as the prelude's
// run() runs Python's global reactor. Not transcribed (see
// testdata/NOT-PORTED.md): ReactorThreadsTests.test_suggestThreadPoolSize
// and StartupBehaviorTests.testCallBeforeStartupUnexecuted.

// addTest registers <class>.<name>, whose Python is
// testdata/<class>.<name>.py: the test runs on a fresh fixture, as trial
// makes one per test.
func addTest[C pyunit.Case](class, name string, fixture func() C, test func(self C) any) {
	Suite.Add(conformance.Scenario{
		Name:   class + "." + name,
		Source: "src/twisted/test/test_threads.py " + class + "." + name,
		Origin: conformance.Recorded,
		Run:    func(t *conformance.T) { pyunit.Run(t, fixture(), test) },
	})
}

// threadsModule is twisted.internet.threads for a test whose global
// reactor is r: DeferToThread and CallMultipleInThread use r where the
// package's use reactor.Default() (as Python's use the global reactor);
// DeferToThreadPool and BlockingCallFromThread are the package's.
type threadsModule struct {
	DeferToThread          func(f func() (any, error)) *deferred.Deferred
	DeferToThreadPool      func(r reactor.IReactorThreads, pool threads.ThreadPool, f func() (any, error)) *deferred.Deferred
	CallMultipleInThread   func(fs []func())
	BlockingCallFromThread func(r *reactor.Reactor, f func() (any, error)) (any, error)
}

func threadsOf(r *reactor.Reactor) threadsModule {
	return threadsModule{
		DeferToThread:     func(f func() (any, error)) *deferred.Deferred { return threads.DeferToThreadPool(r, r, f) },
		DeferToThreadPool: threads.DeferToThreadPool,
		CallMultipleInThread: func(fs []func()) {
			r.CallInThread(func() {
				for _, f := range fs {
					f()
				}
			})
		},
		BlockingCallFromThread: threads.BlockingCallFromThread,
	}
}

// event is Python's threading.Event.
type event struct {
	once sync.Once
	ch   chan struct{}
}

func newEvent() *event { return &event{ch: make(chan struct{})} }

func (e *event) set() { e.once.Do(func() { close(e.ch) }) }

func (e *event) isSet() bool {
	select {
	case <-e.ch:
		return true
	default:
		return false
	}
}

// wait waits until the event is set, or timeout seconds pass; it reports
// whether it is set.
func (e *event) wait(timeout float64) bool {
	t := time.NewTimer(time.Duration(timeout * float64(time.Second)))
	defer t.Stop()
	select {
	case <-e.ch:
		return true
	case <-t.C:
		return false
	}
}

// getTimeout is trial's TestCase.getTimeout: 120 seconds by default.
func getTimeout() float64 { return 120 }

// exception is the exception Python's `except Exception as e` catches
// where the Go returns an error: a failure's value.
func exception(err error) error {
	var f *twisted.Failure
	if errors.As(err, &f) {
		return f.Value
	}
	return err
}

// assertIsInstance is assertIsInstance(x, class) for a Python exception
// class, printed as the prelude prints it.
func assertIsInstance(self *pyunit.TestCase, x any, class *twisted.Class) {
	err, _ := x.(error)
	if err == nil || !twisted.ClassOf(err).IsSubclass(class) {
		self.Fail("assertIsInstance " + pyunit.Show(x) + " " + pyunit.Show(class))
	}
	self.T().Print("assertIsInstance", pyunit.Show(x), pyunit.Show(class))
}

// threadPool stands for twisted.python.threadpool.ThreadPool(minthreads,
// maxthreads), which is not ported: at most max goroutines run its work at
// once; Stop waits for the work given to finish.
type threadPool struct {
	sem chan struct{}
	wg  sync.WaitGroup
}

func newThreadPool(minthreads, maxthreads int) *threadPool {
	return &threadPool{sem: make(chan struct{}, maxthreads)}
}

func (tp *threadPool) start() {}

func (tp *threadPool) stop() { tp.wg.Wait() }

// CallInThread runs f on one of the pool's goroutines.
func (tp *threadPool) CallInThread(f func()) {
	tp.wg.Add(1)
	go func() {
		defer tp.wg.Done()
		tp.sem <- struct{}{}
		defer func() { <-tp.sem }()
		f()
	}()
}
