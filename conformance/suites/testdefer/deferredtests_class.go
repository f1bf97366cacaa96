package testdefer

import (
	"github.com/twistedflow/twistedflow/conformance"
	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
)

// DeferredTests is test_defer.py's DeferredTests(unittest.SynchronousTestCase,
// ImmediateFailureMixin): its setUp and the helper callbacks its tests add.
type DeferredTests struct {
	SynchronousTestCase
	callbackResults  *call
	callback2Results *call
	errbackResults   *call
}

// kwargs is a Python **kwargs dict.
type kwargs = map[string]any

// A call is what the helpers record: the tuple (args, kwargs) they were
// called with; a nil *call is None.
type call struct {
	args   twisted.Tuple
	kwargs kwargs
}

func (c *call) pyTuple() twisted.Tuple { return twisted.Tuple{c.args, c.kwargs} }

func (tc *DeferredTests) setUp() {
	tc.callbackResults = nil
	tc.callback2Results = nil
	tc.errbackResults = nil

	// Restore the debug flag to its original state when done.
	debugging := deferred.GetDebugging()
	tc.AddCleanup(func() { deferred.SetDebugging(debugging) })
}

// _callback is self._callback added with no extra arguments.
func (tc *DeferredTests) _callback(result any) (any, error) {
	return tc._callbackArgs(twisted.Tuple{result}, kwargs{})
}

// _callbackArgs is self._callback(*args, **kwargs).
func (tc *DeferredTests) _callbackArgs(args twisted.Tuple, kwargs kwargs) (any, error) {
	tc.callbackResults = &call{args, kwargs}
	return args[0], nil
}

func (tc *DeferredTests) _callback2(result any) (any, error) {
	tc.callback2Results = &call{twisted.Tuple{result}, kwargs{}}
	return nil, nil
}

func (tc *DeferredTests) _errback(f *twisted.Failure) (any, error) {
	tc.errbackResults = &call{twisted.Tuple{f}, kwargs{}}
	return nil, nil
}

// addDeferredTest registers DeferredTests.<name> of Twisted 22.4.
func addDeferredTest(name string, test func(self *DeferredTests)) {
	addDeferredTestFrom(name, "(Twisted 22.4)", false, test)
}

// addDeferredTestExclusive registers a DeferredTests test that changes
// process-wide settings (see runExclusive).
func addDeferredTestExclusive(name string, test func(self *DeferredTests)) {
	addDeferredTestFrom(name, "(Twisted 22.4)", true, test)
}

// headRevision is the Twisted commit of the tests that 22.4 does not have
// (they run on 22.4 all the same).
const headRevision = "(Twisted HEAD 64661601a1)"

func addDeferredTestFrom(name, version string, exclusive bool, test func(self *DeferredTests)) {
	Suite.Add(conformance.Scenario{
		Name:   "DeferredTests." + name,
		Source: "src/twisted/test/test_defer.py DeferredTests." + name + " " + version,
		Origin: conformance.Recorded,
		Run: func(t *conformance.T) {
			if exclusive {
				runExclusive(t, &DeferredTests{}, test)
			} else {
				run(t, &DeferredTests{}, test)
			}
		},
	})
}

// addDeferredDeviation registers a DeferredTests test of Twisted 22.4
// where Go deliberately differs, for the reason given; its Go trace is
// testdata/DeferredTests.<name>.go.golden.
func addDeferredDeviation(name, reason string, test func(self *DeferredTests)) {
	Suite.Add(conformance.Scenario{
		Name:      "DeferredTests." + name,
		Source:    "src/twisted/test/test_defer.py DeferredTests." + name + " (Twisted 22.4)",
		Origin:    conformance.Recorded,
		Deviation: &conformance.Deviation{Reason: reason},
		Run:       func(t *conformance.T) { run(t, &DeferredTests{}, test) },
	})
}
