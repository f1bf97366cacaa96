package testflow

import (
	"slices"
	"time"

	"github.com/twistedflow/twistedflow/conformance"
	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// This file is testdata/prelude.py in Go: the TestCase that stands in for
// trial's, the runner, and the helper classes of test_flow.py (which the
// Python prelude imports from test_flow.py).

// FailTest is trial's failureException.
var FailTest = twisted.NewClass("FailTest", twisted.AssertionError)

// TestCase stands in for trial's unittest.TestCase (2009), as prelude.py's
// does: each assertion prints what it checks, then behaves as trial's
// (returns the same value, raises FailTest on a mismatch: a panic here,
// which the runner, or a Deferred's callback chain, turns into a failure).
type TestCase struct {
	t *conformance.T
	// reactor is the test's reactor, Python's global one: each scenario
	// runs its own, since scenarios run in parallel.
	reactor *reactor.Reactor
}

// equal is Python's == for the values these tests compare (lists, tuples,
// strings, ints, None, exception classes): their reprs are equal.
func equal(a, b any) bool { return twisted.Repr(a) == twisted.Repr(b) }

// AssertEqual is trial's assertEqual.
func (self *TestCase) AssertEqual(first, second any) any {
	self.t.Print("assertEqual", twisted.Repr(first), twisted.Repr(second))
	if !equal(first, second) {
		panic(FailTest.New("not equal"))
	}
	return first
}

// AssertEquals is trial's alias of assertEqual.
func (self *TestCase) AssertEquals(first, second any) any { return self.AssertEqual(first, second) }

// AssertRaises is trial's assertRaises: f is called, and must fail with
// exception (Go's f returns its exception as an error, or panics with it).
func (self *TestCase) AssertRaises(exception *twisted.Class, f func() (any, error)) any {
	result, err := callRecovering(f)
	if err == nil {
		self.t.Print("assertRaises", exception.Name(), "not raised, returned", twisted.Repr(result))
		panic(FailTest.New("not raised"))
	}
	fail := twisted.NewFailure(err)
	if fail.Check(exception) == nil {
		self.t.Print("assertRaises", exception.Name(), "got", fail.Type.Name())
		panic(FailTest.New("wrong exception"))
	}
	self.t.Print("assertRaises", exception.Name(), twisted.Repr(fail.Value))
	return fail.Value
}

func callRecovering(f func() (any, error)) (result any, err error) {
	defer func() {
		if v := recover(); v != nil {
			err = twisted.FailureFromPanic(v)
		}
	}()
	return f()
}

// AssertFailure is trial's assertFailure.
func (self *TestCase) AssertFailure(d *deferred.Deferred, expectedFailures ...*twisted.Class) *deferred.Deferred {
	names := make([]any, len(expectedFailures))
	for i, e := range expectedFailures {
		names[i] = e.Name()
	}
	_cb := func(ignore any) (any, error) {
		self.t.Print("assertFailure", twisted.Repr(names), "no failure, got", twisted.Repr(ignore))
		return nil, FailTest.New("did not catch an error")
	}
	_eb := func(failure *twisted.Failure) (any, error) {
		if failure.Check(expectedFailures...) != nil {
			self.t.Print("assertFailure", twisted.Repr(names), twisted.Repr(failure.Value))
			return failure.Value, nil
		}
		self.t.Print("assertFailure", twisted.Repr(names), "got", failure.Type.Name(), twisted.Repr(failure.Value))
		return nil, FailTest.New("wrong failure")
	}
	return d.AddCallbacks(_cb, _eb)
}

// with is Python's addCallback(f, *args): the callback calls f with the
// result, then args.
func with(f func(first, second any) any, second any) func(any) (any, error) {
	return func(result any) (any, error) { return f(result, second), nil }
}

// list is Python's list(x) of a Block: it raises (panics with) the flow's
// failure.
func list(b *flow.BlockStage) []any {
	out, err := b.List()
	if err != nil {
		twisted.NewFailure(err).RaiseException()
	}
	if out == nil {
		out = []any{}
	}
	return out
}

// TIMEOUT is how long a Deferred returned by a test may take to fire
// before the runner gives up and prints "never fired".
const TIMEOUT = 10

// run runs a test as prelude.py's run does: inside its running reactor, it
// prints OK, FAIL (an assertion failed) or ERROR (an unexpected
// exception), or "never fired" when a returned Deferred does not fire
// within TIMEOUT. test returns nil, or the Deferred the Python test
// returns.
func run(t *conformance.T, test func(self *TestCase) any) {
	r := reactor.New()
	self := &TestCase{t: t, reactor: r}
	report := func(fail *twisted.Failure) {
		if fail.Check(FailTest) != nil {
			t.Print("FAIL")
		} else {
			t.Print("ERROR", fail.Type.Name(), twisted.Repr(fail.Value))
		}
	}
	body := func() {
		result, err := callRecovering(func() (any, error) { return test(self), nil })
		if err != nil {
			report(twisted.NewFailure(err))
			r.Stop()
			return
		}
		d, ok := result.(*deferred.Deferred)
		if !ok {
			t.Print("OK")
			r.Stop()
			return
		}
		never := func() {
			t.Print("never fired")
			r.Stop()
		}
		timeout := r.CallLater(TIMEOUT, never)
		done := func(res any) (any, error) {
			if fail, ok := res.(*twisted.Failure); ok {
				report(fail)
			} else {
				t.Print("OK")
			}
			if timeout.Active() {
				timeout.Cancel()
				r.Stop()
			}
			return nil, nil
		}
		d.AddBoth(done)
	}
	r.CallWhenRunning(body)
	if err := r.Run(); err != nil {
		t.Fatalf("reactor.Run: %v", err)
	}
}

// --- helpers of test_flow.py ---

// slowlist is "a generator based list": a list as an iterator, without the
// shortcuts of a wrapped list.
type slowlist struct{ list []any }

func newSlowlist(list []any) *slowlist { return &slowlist{list: slices.Clone(list)} }

func (self *slowlist) Iter() (flow.Iterator, error) { return self, nil }

func (self *slowlist) Next() (any, error) {
	if len(self.list) > 0 {
		v := self.list[0]
		self.list = self.list[1:]
		return v, nil
	}
	return nil, twisted.StopIteration.New()
}

var _onetwothree = []any{"one", "two", flow.Cooperate(0), "three"}

// producer is the iterator version of
//
//	def producer():
//	    lst = flow.wrap(slowlist([1,2,3]))
//	    nam = flow.wrap(slowlist(_onetwothree))
//	    while True:
//	        yield lst
//	        yield nam
//	        yield (lst.next(),nam.next())
type producer struct {
	lst, nam flow.Stage
	next     func() (any, error)
}

func newProducer() *producer { return &producer{} }

func (self *producer) Iter() (flow.Iterator, error) {
	self.lst = flow.Wrap(newSlowlist([]any{1, 2, 3}))
	self.nam = flow.Wrap(newSlowlist(_onetwothree))
	self.next = self.yield_lst
	return self, nil
}

func (self *producer) Next() (any, error) { return self.next() }

func (self *producer) yield_lst() (any, error) {
	self.next = self.yield_nam
	return self.lst, nil
}

func (self *producer) yield_nam() (any, error) {
	self.next = self.yield_results
	return self.nam, nil
}

func (self *producer) yield_results() (any, error) {
	self.next = self.yield_lst
	a, err := self.lst.Next()
	if err != nil {
		return nil, err
	}
	b, err := self.nam.Next()
	if err != nil {
		return nil, err
	}
	return twisted.Tuple{a, b}, nil
}

// consumer is the iterator version of
//
//	def consumer():
//	    title = flow.wrap(['Title'])
//	    prod = flow.wrap(producer())
//	    yield title
//	    yield title.next()
//	    yield prod
//	    for data in prod:
//	        yield data
//	        yield prod
type consumer struct {
	title, lst flow.Stage
	next       func() (any, error)
}

func newConsumer() *consumer { return &consumer{} }

func (self *consumer) Iter() (flow.Iterator, error) {
	self.title = flow.Wrap([]any{"Title"})
	self.lst = flow.Wrap(newProducer())
	self.next = self.yield_title
	return self, nil
}

func (self *consumer) Next() (any, error) { return self.next() }

func (self *consumer) yield_title() (any, error) {
	self.next = self.yield_title_result
	return self.title, nil
}

func (self *consumer) yield_title_result() (any, error) {
	self.next = self.yield_lst
	return self.title.Next()
}

func (self *consumer) yield_lst() (any, error) {
	self.next = self.yield_result
	return self.lst, nil
}

func (self *consumer) yield_result() (any, error) {
	self.next = self.yield_lst
	return self.lst.Next()
}

// badgen is a bad generator:
//
//	def badgen():
//	    yield 'x'
//	    err =  3/ 0
type badgen struct{ next func() (any, error) }

func newBadgen() *badgen { return &badgen{} }

func (self *badgen) Iter() (flow.Iterator, error) {
	self.next = self.yield_x
	return self, nil
}

func (self *badgen) Next() (any, error) { return self.next() }

func (self *badgen) yield_x() (any, error) {
	self.next = self.yield_done
	return "x", nil
}

func (self *badgen) yield_done() (any, error) {
	zero := 0
	err := 3 / zero // ZeroDivisionError: integer division or modulo by zero
	_ = err
	return nil, twisted.StopIteration.New()
}

// buildlist is building a list:
//
//	def buildlist(src):
//	    out = []
//	    yield src
//	    for itm in src:
//	        out.append(itm)
//	        yield src
//	    yield out
type buildlist struct {
	src  flow.Stage
	out  []any
	next func() (any, error)
}

func newBuildlist(src flow.Stage) *buildlist { return &buildlist{src: src} }

func (self *buildlist) Iter() (flow.Iterator, error) {
	self.out = []any{}
	self.next = self.yield_src
	return self, nil
}

func (self *buildlist) Next() (any, error) { return self.next() }

func (self *buildlist) yield_src() (any, error) {
	self.next = self.yield_append
	return self.src, nil
}

func (self *buildlist) yield_append() (any, error) {
	itm, err := self.src.Next()
	if twisted.ClassOf(err) == twisted.StopIteration {
		self.next = self.yield_finish
		return self.out, nil
	}
	if err != nil {
		return nil, err
	}
	self.out = append(self.out, itm)
	return self.src, nil
}

func (self *buildlist) yield_finish() (any, error) {
	return nil, twisted.StopIteration.New()
}

// named is a stage with the name attribute the tests set on it
// (ca.name = 'a').
type named struct {
	*flow.CallbackStage
	name string
}

// testconcur is interweaving two concurrent stages:
//
//	def testconcur(*stages):
//	    both = flow.Concurrent(*stages)
//	    yield both
//	    for stage in both:
//	        yield (stage.name, stage.result)
//	        yield both
type testconcur struct {
	both *flow.ConcurrentStage
	next func() (any, error)
}

func newTestconcur(stages ...any) *testconcur {
	return &testconcur{both: flow.Concurrent(stages...)}
}

func (self *testconcur) Iter() (flow.Iterator, error) {
	self.next = self.yield_both
	return self, nil
}

func (self *testconcur) Next() (any, error) { return self.next() }

func (self *testconcur) yield_both() (any, error) {
	self.next = self.yield_result
	return self.both, nil
}

func (self *testconcur) yield_result() (any, error) {
	self.next = self.yield_both
	v, err := self.both.Next()
	if err != nil {
		return nil, err
	}
	stage := v.(*named)
	result, err := stage.Next()
	if err != nil {
		return nil, err
	}
	return twisted.Tuple{stage.name, result}, nil
}

// CountIterator counts down from count, sleeping .1s before each value:
// its Next is run in a separate thread (Threaded).
type CountIterator struct{ count int }

func newCountIterator(count int) *CountIterator { return &CountIterator{count: count} }

func (self *CountIterator) Iter() (flow.Iterator, error) { return self, nil }

func (self *CountIterator) Next() (any, error) { // this is run in a separate thread
	sleep(.1)
	val := self.count
	if val == 0 {
		return nil, twisted.StopIteration.New()
	}
	self.count -= 1
	return val, nil
}

// sleep is Python's time.sleep: the tests' own pauses (in the producing
// thread, or to let a thread run ahead), not waits for a condition.
func sleep(seconds float64) { time.Sleep(time.Duration(seconds * float64(time.Second))) }
