package testdefer

//lint:file-ignore ST1006 receivers are named self so that the tests read as their Python.

import (
	"context"
	"log/slog"
	"reflect"
	"runtime"
	"strings"
	"sync"
	"weak"

	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
)

// LogTests is test_defer.py's LogTests: the logging of unhandled errors
// when a Deferred whose chain ended on a failure is garbage collected.
type LogTests struct {
	SynchronousTestCase
	c events
}

func init() {
	for name, test := range map[string]func(*LogTests){
		"test_errorLog":                    (*LogTests).test_errorLog,
		"test_errorLogWithInnerFrameRef":   (*LogTests).test_errorLogWithInnerFrameRef,
		"test_errorLogWithInnerFrameCycle": (*LogTests).test_errorLogWithInnerFrameCycle,
		"test_errorLogNoRepr":              (*LogTests).test_errorLogNoRepr,
		"test_errorLogDebugInfo":           (*LogTests).test_errorLogDebugInfo,
		"test_chainedErrorCleanup":         (*LogTests).test_chainedErrorCleanup,
		"test_errorClearedByChaining":      (*LogTests).test_errorClearedByChaining,
	} {
		addTest("LogTests", name, logging, func() *LogTests { return &LogTests{} }, test)
	}
}

// Add a custom observer to observer logging.
func (self *LogTests) setUp() {
	self.c = events{}
	log.addObserver(self.c.append)
}

// Remove the observer.
func (self *LogTests) tearDown() {
	log.removeObserver(self.c.append)
}

func (self *LogTests) _loggedErrors() events {
	out := events{}
	for _, e := range self.c {
		if truth(e["isError"]) {
			out = append(out, e)
		}
	}
	return out
}

// Check the output of the log observer to see if the error is present.
func (self *LogTests) _check() {
	c2 := self._loggedErrors()
	self.AssertEqual(len(c2), 2)
	c2[1]["failure"].(*twisted.Failure).Trap(twisted.ZeroDivisionError)
	self.FlushLoggedErrors(twisted.ZeroDivisionError)
}

// reported is the condition gc.collect waits for in a test whose
// collection logs an unhandled error: the records of one report.
func (self *LogTests) reported() func() bool {
	return func() bool {
		return log.locked(func() bool { return len(self._loggedErrors()) >= recordsPerReport })
	}
}

// nothingReported is the condition gc.collect waits for in a test whose
// collection must log nothing: watched (what a report would log) is
// collected, which it cannot be before every report that could log it has
// run; or something was logged, which the test then shows.
func (self *LogTests) nothingReported(watched ...weak.Pointer[twisted.Failure]) func() bool {
	return func() bool {
		if log.locked(func() bool { return len(self._loggedErrors()) > 0 }) {
			return true
		}
		for _, w := range watched {
			if w.Value() != nil {
				return false
			}
		}
		return true
	}
}

// Verify that when a Deferred with no references to it is fired, and its
// final result (the one not handled by any callback) is an exception, that
// exception will be logged immediately.
func (self *LogTests) test_errorLog() {
	deferred.New().AddCallback(func(x any) (any, error) { return floordiv(1, 0), nil }).Callback(1)
	gc.collect(self.reported())
	self._check()
}

// Same as test_errorLog, but with an inner frame.
func (self *LogTests) test_errorLogWithInnerFrameRef() {
	_subErrorLogWithInnerFrameRef := func() {
		d := deferred.New()
		d.AddCallback(func(x any) (any, error) { return floordiv(1, 0), nil })
		d.Callback(1)
	}

	_subErrorLogWithInnerFrameRef()
	gc.collect(self.reported())
	self._check()
}

// Same as test_errorLogWithInnerFrameRef, plus create a cycle.
func (self *LogTests) test_errorLogWithInnerFrameCycle() {
	_subErrorLogWithInnerFrameCycle := func() {
		d := deferred.New()
		d.AddCallback(func(x any) (any, error) { _ = d; return floordiv(1, 0), nil })
		// Set a self deference on to create a cycle (the callback refers
		// to d, and d to its callback: Go has no d._d = d).
		d.Callback(1)
	}

	_subErrorLogWithInnerFrameCycle()
	gc.collect(self.reported())
	self._check()
}

// Verify that when a Deferred with no references to it is fired, the
// logged message does not contain a repr of the failure object.
func (self *LogTests) test_errorLogNoRepr() {
	deferred.New().AddCallback(func(x any) (any, error) { return floordiv(1, 0), nil }).Callback(1)

	gc.collect(self.reported())
	self._check()

	self.AssertEqual(2, len(self.c))
	msg := log.textFromEventDict(self.c[len(self.c)-1])
	assert(msg != nil)
	expected := "Unhandled Error\nTraceback "
	self.AssertTrue(
		strings.HasPrefix(msg.(string), expected),
		"Expected message starting with: "+repr(expected),
	)
}

// Verify that when a Deferred with no references to it is fired, the
// logged message includes debug info if debugging on the deferred is
// enabled.
func (self *LogTests) test_errorLogDebugInfo() {
	doit := func() {
		d := deferred.New()
		d.SetDebug(true)
		d.AddCallback(func(x any) (any, error) { return floordiv(1, 0), nil })
		d.Callback(1)
	}

	doit()
	gc.collect(self.reported())
	self._check()

	self.AssertEqual(2, len(self.c))
	msg := log.textFromEventDict(self.c[len(self.c)-1])
	assert(msg != nil)
	expected := "(debug:  I"
	self.AssertTrue(
		strings.HasPrefix(msg.(string), expected),
		"Expected message starting with: "+repr(expected),
	)
}

// If one Deferred with an error result is returned from a callback on
// another Deferred, when the first Deferred is garbage collected it does
// not log its error.
func (self *LogTests) test_chainedErrorCleanup() {
	d := deferred.New()
	d.AddCallback(func(ign any) (any, error) { return deferred.Fail(twisted.RuntimeError.New("zoop")), nil })
	d.Callback(nil)

	// Sanity check - this isn't too interesting, but we do want the original
	// Deferred to have gotten the failure.
	results := list[any]{}
	errors := list[*twisted.Failure]{}
	d.AddCallbacks(results.Append, errors.AppendFailure)
	self.AssertEqual(results, []any{})
	self.AssertEqual(len(errors), 1)
	errors[0].Trap(twisted.Exception)

	// Go: what a report of either Deferred would log, to know when the
	// collection below is over (see nothingReported).
	watched := weak.Make(errors[0])
	// Get rid of any references we might have to the inner Deferred (none of
	// these should really refer to it, but we're just being safe).
	results, errors, d = nil, nil, nil
	// Force a collection cycle so that there's a chance for an error to be
	// logged, if it's going to be logged.
	gc.collect(self.nothingReported(watched))
	// And make sure it is not.
	self.AssertEqual(self._loggedErrors(), []any{})
	_, _, _ = results, errors, d
}

// If a Deferred with a failure result has an errback which chains it to
// another Deferred, the initial failure is cleared by the errback so it is
// not logged.
func (self *LogTests) test_errorClearedByChaining() {
	// Start off with a Deferred with a failure for a result
	bad := deferred.Fail(twisted.Exception.New("oh no"))
	good := deferred.New()
	// Go: what a report of bad would log (see nothingReported).
	watched := weak.Make(bad.Result().(*twisted.Failure))
	// Give it a callback that chains it to another Deferred
	assert(bad != nil)
	bad.AddErrback(func(ignored *twisted.Failure) (any, error) { return good, nil })
	// That's all, clean it up.  No Deferred here still has a failure result,
	// so nothing should be logged.
	good, bad = nil, nil
	gc.collect(self.nothingReported(watched))
	self.AssertEqual(self._loggedErrors(), []any{})
	_, _ = good, bad
}

// --- twisted.python.log and gc, as far as the tests use them ---

// recordsPerReport is how many records package deferred logs for one
// unhandled error (Twisted publishes two events: "Unhandled error in
// Deferred:" and then the failure).
const recordsPerReport = 2

// An eventDict is a log event as Twisted's log observers receive it:
// "isError", "message", "why", "failure".
type eventDict = map[string]any

// events is a list of events that an observer appends to.
type events []eventDict

func (l *events) append(e eventDict) { *l = append(*l, e) }

// log is twisted.python.log: observers of what package deferred logs,
// while a test that runs with the logging mode runs (see withLogScope).
var log = &twistedLog{}

type twistedLog struct {
	mu        sync.Mutex
	observers []func(eventDict)
	scope     string
}

// addObserver adds an observer of the events logged: log.addObserver(o).
func (l *twistedLog) addObserver(o func(eventDict)) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.observers = append(l.observers, o)
}

// removeObserver removes an observer: log.removeObserver(o). Go cannot
// compare functions, so it removes the last observer added of the same
// function (o's code; the tests add one observer each).
func (l *twistedLog) removeObserver(o func(eventDict)) {
	l.mu.Lock()
	defer l.mu.Unlock()
	code := reflect.ValueOf(o).Pointer()
	for i := len(l.observers) - 1; i >= 0; i-- {
		if reflect.ValueOf(l.observers[i]).Pointer() == code {
			l.observers = append(l.observers[:i], l.observers[i+1:]...)
			return
		}
	}
}

// textFromEventDict is log.textFromEventDict: the text of an event, or
// None. An error event with a failure is its why (or "Unhandled Error"
// when empty), a newline and the failure's traceback.
func (l *twistedLog) textFromEventDict(e eventDict) any {
	if f, ok := e["failure"].(*twisted.Failure); ok && truth(e["isError"]) {
		why, _ := e["why"].(string)
		if why == "" {
			why = "Unhandled Error"
		}
		return why + "\n" + f.GetTraceback()
	}
	if msg, ok := e["message"].(string); ok {
		return msg
	}
	return nil
}

// publish hands a record of package deferred to the observers and to the
// suite's logged errors, if it belongs to the test in scope. Observers run
// with log.mu held: they run on the goroutines of Go's cleanups, and the
// test reads what they keep under log.mu too (see locked).
//
// The record "Unhandled error in Deferred:" is Twisted's
// log.critical(..., isError=True) event, which has no failure: its
// failure attribute only says whose report it is, and it is not a logged
// error for flushLoggedErrors (trial counts the failure events).
func (l *twistedLog) publish(ctx context.Context, r slog.Record) {
	var f *twisted.Failure
	r.Attrs(func(a slog.Attr) bool {
		if v, ok := a.Value.Any().(*twisted.Failure); ok && a.Key == "failure" {
			f = v
		}
		return true
	})
	critical := r.Message == "Unhandled error in Deferred:"
	e := eventDict{"isError": r.Level >= slog.LevelError, "message": r.Message}
	if f != nil && !critical {
		e["failure"], e["why"] = f, r.Message
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if f == nil || !strings.Contains(f.GetTraceback(), l.scope) {
		return
	}
	for _, o := range l.observers {
		o(e)
	}
	if !critical {
		_ = logCapture{}.Handle(ctx, r)
	}
}

// locked calls f with log.mu held, for a test to read what its observers
// keep while Go's cleanups may be logging.
func (l *twistedLog) locked(f func() bool) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return f()
}

// withLogScope routes package deferred's log to log's observers and to the
// suite's logged errors (flushLoggedErrors), for the records of failures
// raised by the methods of class only, until the function it returns is
// called. A Python test runs alone in its process; here the Deferreds of
// the scenarios that ran before may be collected (and report) meanwhile,
// and must not count.
func withLogScope(class string) (end func()) {
	log.mu.Lock()
	log.scope = "testdefer.(*" + class + ")."
	log.observers = nil
	log.mu.Unlock()
	previous := deferred.SetLogger(slog.New(logScope{}))
	return func() {
		deferred.SetLogger(previous)
		log.mu.Lock()
		log.observers = nil
		log.mu.Unlock()
	}
}

// logScope is the slog.Handler that withLogScope installs.
type logScope struct{}

func (logScope) Enabled(context.Context, slog.Level) bool { return true }
func (h logScope) WithAttrs([]slog.Attr) slog.Handler     { return h }
func (h logScope) WithGroup(string) slog.Handler          { return h }
func (logScope) Handle(ctx context.Context, r slog.Record) error {
	log.publish(ctx, r)
	return nil
}

// gc is Python's gc module.
var gc pyGC

type pyGC struct{}

// collect is gc.collect(): a collection, after which Python has run the
// __del__ of what it collected. Go runs the cleanups of collected
// objects on other goroutines after runtime.GC returns, so collect
// collects until done reports that they have done what the test waits
// for.
func (pyGC) collect(done func() bool) {
	for {
		runtime.GC()
		if done() {
			return
		}
		runtime.Gosched()
	}
}
