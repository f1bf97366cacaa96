package threads_test

import (
	"github.com/twistedflow/twistedflow/internal/flowtest"
	"testing"

	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/flow/threads"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// Threaded (twisted.flow.threads's name) is flow.Threaded: made without a
// reactor, it runs on its controller's, and passes its traps on (the
// trapped class is the last value, as threaded.trapsIgnored's Go side
// records; Python 2 prints a built-in class as a type).
func TestThreadedIsFlowThreaded(t *testing.T) {
	db := openSQLite(t)
	failing := flow.Generator(func(yield func(any) bool) error {
		yield(1)
		return twisted.ValueError.New("bad")
	})
	r := reactor.New()
	var rows, trapped any
	r.CallWhenRunning(func() {
		d := flow.DeferredOn(r, threads.Threaded(threads.QueryIterator(db.DB, testQueryIteratorSQLite)))
		d.AddBoth(func(res any) (any, error) {
			rows = res
			d := flow.DeferredOn(r, threads.Threaded(failing, twisted.ValueError))
			d.AddBoth(func(res any) (any, error) {
				trapped = res
				return nil, r.Stop()
			})
			return nil, nil
		})
	})
	if err := r.Run(); err != nil {
		t.Fatal(err)
	}
	flowtest.Check(t, rows, "[['one'], ['two'], ['three']]")
	flowtest.Check(t, trapped, "[1, <type 'exceptions.ValueError'>]")
	released(t, db)
}
