package testtask

import (
	"github.com/twistedflow/twistedflow/conformance"
	"github.com/twistedflow/twistedflow/conformance/pyunit"
	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/reactor"
	"github.com/twistedflow/twistedflow/twisted/task"
)

// addTaskTest registers class.name of test_task.py, whose Python is
// testdata/<class>.<name>.py.
func addTaskTest(class, name string, run func(t *conformance.T)) {
	Suite.Add(conformance.Scenario{
		Name:   class + "." + name,
		Source: "src/twisted/test/test_task.py " + class + "." + name + " (Twisted 22.4)",
		Origin: conformance.Recorded,
		Run:    run,
	})
}

// addTest registers a test that needs no fixture of its own.
func addTest(class, name string, test func(self *pyunit.TestCase) any) {
	addTaskTest(class, name, func(t *conformance.T) { pyunit.RunTest(t, test) })
}

// TestableLoopingCall is a LoopingCall on clock. (Python's subclass takes
// the function's arguments too; a Go closure carries them.)
func TestableLoopingCall(clock reactor.IReactorTime, f func() (any, error)) *task.LoopingCall {
	lc := task.NewLoopingCall(f)
	lc.Clock = clock
	return lc
}

var TestException = twisted.NewClass("TestException", nil)

// none is `lambda: None` as a LoopingCall's function.
func none() (any, error) { return nil, nil }

// pop is list.pop(): it removes and returns the last item.
func pop(l *[]any) any {
	x := (*l)[len(*l)-1]
	*l = (*l)[:len(*l)-1]
	return x
}

// sum is Python's sum of a list of numbers.
func sum(l []any) any {
	total := 0
	for _, x := range l {
		total += x.(int)
	}
	return total
}
