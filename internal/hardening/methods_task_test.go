package hardening

import (
	"testing"

	"gotest.tools/v3/assert"

	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/reactor"
	"github.com/twistedflow/twistedflow/twisted/task"
	"github.com/twistedflow/twistedflow/twisted/threads"
)

// panickyThreads is an IReactorThreads whose CallInThread panics.
type panickyThreads struct{ reactor.IReactorThreads }

func (panickyThreads) CallInThread(func()) { panic(boom) }

func init() {
	userMethodRows["task.Iterator.Next"] = func(t *testing.T) {
		// A Cooperator's task: its Deferred fails, the Cooperator goes on.
		var steps []func()
		c := task.NewCooperator(task.WithScheduler(func(step func()) task.Cancellable {
			steps = append(steps, step)
			return nil
		}))
		d := c.Coiterate(task.IteratorFunc(func() (any, error) { panic(boom) }))
		n := 0
		other := c.Coiterate(task.IteratorFunc(func() (any, error) {
			if n++; n > 3 {
				return nil, twisted.StopIteration.New()
			}
			return n, nil
		}))
		for len(steps) > 0 && !(d.Called() && other.Called()) {
			step := steps[0]
			steps = steps[1:]
			noEscape(t, "Cooperator", step)
		}
		checkBoom(t, "Coiterate", deferredErr(d))
		assert.Assert(t, other.Called(), "the other task did not end")
	}
	userMethodRows["timers.IReactorTime.Seconds"] = func(t *testing.T) {
		// LoopingCall.start calls the clock's seconds(): its exception
		// reaches start's caller.
		lc := task.NewLoopingCall(func() (any, error) { return nil, nil })
		lc.Clock = &panickyClock{Clock: reactor.NewClock(), panicIn: "Seconds"}
		f := panicOf(func() { lc.Start(1, true) })
		assert.Assert(t, f != nil, "Start swallowed the clock's panic")
		assertBoom(t, f)
	}
	userMethodRows["reactor.IReactorThreads.CallInThread"] = func(t *testing.T) {
		// Threaded hands its source to the reactor's threads: the flow
		// fails, nothing escapes.
		underDeferred(t, func() any {
			return flow.ThreadedOn(panickyThreads{reactor.New()}, []any{1, 2})
		})
	}
}

// panickyReactor is a reactor whose method panicIn panics.
type panickyReactor struct {
	*reactor.Reactor
	panicIn string
}

func (r *panickyReactor) Run() error {
	panicIf(r.panicIn, "Run")
	return r.Reactor.Run()
}

func (r *panickyReactor) AddSystemEventTrigger(phase, eventType string, f func() any) reactor.TriggerID {
	panicIf(r.panicIn, "AddSystemEventTrigger")
	return r.Reactor.AddSystemEventTrigger(phase, eventType, f)
}

// panickyPool is a thread pool whose CallInThread panics.
type panickyPool struct{}

func (panickyPool) CallInThread(func()) { panic(boom) }

func init() {
	// task.react calls the reactor's run and addSystemEventTrigger: their
	// exceptions reach react's caller.
	for name, m := range map[string]string{
		"reactor.IReactorCore.Run":                       "Run",
		"task.SystemEventTriggers.AddSystemEventTrigger": "AddSystemEventTrigger",
	} {
		userMethodRows[name] = func(t *testing.T) {
			r := &panickyReactor{Reactor: reactor.New(), panicIn: m}
			f := panicOf(func() {
				task.React(func(task.Reactor) *deferred.Deferred { return deferred.Succeed(nil) }, r)
			})
			assert.Assert(t, f != nil, "React swallowed the panic")
			assertBoom(t, f)
		}
	}
	userMethodRows["threads.ThreadPool.CallInThread"] = func(t *testing.T) {
		// deferToThreadPool calls the pool's callInThreadWithCallback:
		// its exception reaches the caller.
		f := panicOf(func() {
			threads.DeferToThreadPool(reactor.New(), panickyPool{}, func() (any, error) { return nil, nil })
		})
		assert.Assert(t, f != nil, "DeferToThreadPool swallowed the panic")
		assertBoom(t, f)
	}
}
