package hardening

import (
	"sync"
	"testing"
	"time"

	"gotest.tools/v3/assert"
	is "gotest.tools/v3/assert/cmp"

	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// fromThreadReactor is a reactor whose CallFromThread panics, once it
// has said so on called.
type fromThreadReactor struct {
	*reactor.Reactor
	once   sync.Once
	called chan struct{}
}

func (r *fromThreadReactor) CallFromThread(func()) {
	r.once.Do(func() { close(r.called) })
	panic(boom)
}

func init() {
	// Threaded's thread hands its results over with the reactor's
	// callFromThread: the original's _process lets its exception out into
	// the thread pool, which logs it, and the flow waits for results that
	// nothing can carry to it any more. Here too: the panic leaves the
	// thread's work into the reactor's CallInThread, which logs it as an
	// unhandled error; the process goes on, and the reactor stops cleanly.
	userMethodRows["reactor.IReactorThreads.CallFromThread"] = func(t *testing.T) {
		log := &lockedLog{}
		r := &fromThreadReactor{Reactor: reactor.New(), called: make(chan struct{})}
		r.Logger = newTextLogger(log)
		noEscape(t, "flow.Deferred", func() { flow.DeferredOn(r, flow.ThreadedOn(r, []any{1, 2})) })
		ran := make(chan error, 1)
		go func() { ran <- r.Run() }()
		select {
		case <-r.called:
		case <-time.After(10 * time.Second):
			t.Fatal("the thread never handed a result over")
		}
		r.Reactor.CallFromThread(func() { _ = r.Stop() })
		assert.NilError(t, <-ran) // after the thread's work has ended
		assert.Assert(t, is.Contains(log.String(), "boom"), "the panic was not logged")
		assert.Assert(t, is.Contains(log.String(), "Unhandled Error"))
	}
}
