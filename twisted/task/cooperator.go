package task

import (
	"fmt"
	"sync"
	"time"

	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// A Cooperator is a cooperative task scheduler (twisted.internet.task.
// Cooperator).
//
// A cooperative task is an [Iterator] whose every Next is an atomic unit of
// work. Between two units the Cooperator decides which of its tasks to
// run next: it distributes work between all of them, round robin, in time
// slices (10 ms by default), and schedules the next slice on the reactor
// so that other events are handled in between. A task whose Next yields a
// *[deferred.Deferred] is paused until that Deferred fires.
//
// [Cooperator.Cooperate] adds a task and returns a [CooperativeTask], which
// can be paused, resumed, stopped and waited on; [Cooperator.Coiterate] adds
// one and returns
// only a Deferred that fires when it is done.
//
// A Cooperator can be used for many things, including
//   - running one or more computationally intensive tasks without blocking;
//   - limiting parallelism by running a subset of the total tasks
//     simultaneously;
//   - doing one thing, waiting for a Deferred to fire, doing the next
//     thing, repeat (serializing a sequence of asynchronous tasks).
//
// Several Cooperators do not cooperate with each other, so for most cases
// use the global one (the package functions [Cooperate] and [Coiterate]).
//
// A Cooperator is not safe for concurrent use: use it, and its tasks,
// from the goroutine that runs its scheduler (its reactor).
type Cooperator struct {
	tasks     *taskList
	metarator listIterator // where the round robin stands
	// terminationPredicateFactory and scheduler are Twisted's: see
	// WithTerminationPredicateFactory and WithScheduler.
	terminationPredicateFactory func() func() bool
	scheduler                   func(f func()) Cancellable
	// closeOn schedules the close of an abandoned Generator on the
	// scheduler's goroutine, from the runtime's cleanup goroutine: set
	// where the scheduler is safe to call from any goroutine (the
	// default, WithClock), nil for one given WithScheduler.
	closeOn             func(func())
	delayedCall         Cancellable
	stopped             bool
	started             bool
	mustScheduleOnStart bool
}

// A Cancellable is what a Cooperator's scheduler returns: the scheduled
// call, which the Cooperator cancels when it has no more work. A
// *reactor.DelayedCall is one.
type Cancellable interface {
	Cancel() error
}

// An Option configures a Cooperator made by [NewCooperator].
type Option func(*Cooperator)

// WithTerminationPredicateFactory sets the function called at the start of
// each step (each tick of the Cooperator) to make a predicate that
// returns true when the step should end. The default gives each step
// 10 ms of wall-clock time.
func WithTerminationPredicateFactory(factory func() func() bool) Option {
	return func(c *Cooperator) { c.terminationPredicateFactory = factory }
}

// WithScheduler sets the function that schedules each step of the
// Cooperator: it is given the step and should call it at some future
// point, returning a handle that can cancel that. The default schedules
// on the default reactor, as soon as possible.
func WithScheduler(scheduler func(step func()) Cancellable) Option {
	return func(c *Cooperator) { c.scheduler, c.closeOn = scheduler, nil }
}

// withSafeScheduler is WithScheduler for a scheduler that may be called
// from any goroutine (a reactor's or a Clock's CallLater), which can then
// take the close of an abandoned Generator (see Generator).
func withSafeScheduler(scheduler func(step func()) Cancellable) Option {
	return func(c *Cooperator) {
		c.scheduler = scheduler
		c.closeOn = func(f func()) { scheduler(f) }
	}
}

// WithClock schedules the Cooperator's steps on clock (a reactor, or a
// Clock in tests), as soon as possible. A nil clock is the default
// reactor.
func WithClock(clock reactor.IReactorTime) Option {
	if clock == nil {
		return withSafeScheduler(defaultScheduler)
	}
	return withSafeScheduler(func(step func()) Cancellable { return clock.CallLater(epsilon, step) })
}

// WithStarted says whether tasks are stepped as soon as they are added
// (true, the default), or queued up until Start is called.
func WithStarted(started bool) Option {
	return func(c *Cooperator) { c.started = started }
}

// maxSlice is how long a step of the default Cooperator runs its tasks.
const maxSlice = 10 * time.Millisecond

// epsilon is the delay the default scheduler asks for: the soonest
// possible, after the calls already due.
const epsilon = 0.00000001

// timer is the default termination predicate factory: each step may run
// for maxSlice. It reads only the monotonic clock (time.Since), which
// costs half of time.Now.
func timer() func() bool {
	start := time.Now()
	return func() bool { return time.Since(start) >= maxSlice }
}

func defaultScheduler(step func()) Cancellable {
	return reactor.Default().CallLater(epsilon, step)
}

// NewCooperator returns a Cooperator to which tasks may be added,
// configured by options: by default it is started, gives each step 10 ms,
// and schedules its steps on the default reactor. A nil option, scheduler
// or termination predicate factory panics with a TypeError here (Python's
// Cooperator(scheduler=None) raises "'NoneType' object is not callable" at
// its first step); WithClock(nil) is the default reactor.
func NewCooperator(options ...Option) *Cooperator {
	c := &Cooperator{
		tasks:                       &taskList{},
		terminationPredicateFactory: timer,
		scheduler:                   defaultScheduler,
		closeOn:                     func(f func()) { defaultScheduler(f) },
		started:                     true,
	}
	for i, o := range options {
		if o == nil {
			panic(twisted.TypeError.New(fmt.Sprintf("NewCooperator option %d is None, not an Option", i)))
		}
		o(c)
	}
	switch {
	case c.scheduler == nil:
		panic(twisted.TypeError.New("Cooperator's scheduler is None: 'NoneType' object is not callable"))
	case c.terminationPredicateFactory == nil:
		panic(twisted.TypeError.New("Cooperator's terminationPredicateFactory is None: 'NoneType' object is not callable"))
	}
	return c
}

// Coiterate adds it to the tasks this Cooperator runs, as Cooperate
// does, but returns a Deferred that fires when the task is done (see
// CooperativeTask.WhenDone). If a doneDeferred is given (at most one), it
// is the Deferred fired and returned; by default a new one is.
func (c *Cooperator) Coiterate(it Iterator, doneDeferred ...*deferred.Deferred) *deferred.Deferred {
	var d *deferred.Deferred
	if len(doneDeferred) > 0 {
		d = doneDeferred[0]
	}
	if d == nil {
		d = deferred.New()
	}
	newCooperativeTask(it, c).WhenDone().ChainDeferred(d)
	return d
}

// Cooperate starts running it as a long-running cooperative task, one
// Next per unit of work in the Cooperator's steps, and returns the
// CooperativeTask that controls it.
func (c *Cooperator) Cooperate(it Iterator) *CooperativeTask {
	return newCooperativeTask(it, c)
}

func (c *Cooperator) addTask(t *CooperativeTask) {
	c.tasks.append(t)
	if c.stopped {
		// Added only so that completeWith can remove it again.
		t.completeWith(SchedulerStopped.New(), twisted.NewFailure(SchedulerStopped.New()))
		return
	}
	c.reschedule()
}

func (c *Cooperator) removeTask(t *CooperativeTask) {
	c.tasks.remove(t)
	// No work left: the scheduled step is no longer needed.
	if len(c.tasks.items) == 0 && c.delayedCall != nil {
		call := c.delayedCall
		c.delayedCall = nil // gone even if its Cancel panics
		_ = call.Cancel()
	}
}

// tick runs one step: tasks in turn, one unit of work each, going round
// as long as there are tasks and the step's predicate says to go on.
func (c *Cooperator) tick() {
	c.delayedCall = nil
	terminator := c.terminationPredicateFactory()
	for len(c.tasks.items) > 0 {
		for {
			t, ok := c.metarator.next()
			if !ok {
				break
			}
			t.oneWorkUnit()
			if terminator() {
				c.reschedule()
				return
			}
		}
		c.metarator = listIterator{list: c.tasks}
	}
	c.reschedule()
}

func (c *Cooperator) reschedule() {
	if !c.started {
		c.mustScheduleOnStart = true
		return
	}
	if c.delayedCall == nil && len(c.tasks.items) > 0 {
		c.delayedCall = c.scheduler(c.tick)
	}
}

// Start begins scheduling steps, for a Cooperator made
// WithStarted(false), or started again after Stop.
func (c *Cooperator) Start() {
	c.stopped = false
	c.started = true
	if c.mustScheduleOnStart {
		c.mustScheduleOnStart = false
		c.reschedule()
	}
}

// Stop stops scheduling steps: the Deferreds of every task added fail
// with SchedulerStopped, and the tasks are forgotten. Tasks added while
// the Cooperator is stopped fail at once in the same way. A task paused
// at the time (by Pause, or waiting on a Deferred it yielded) is not in
// the Cooperator's list, as in Twisted: it fails so when it resumes, and
// until then its iterator is not closed.
//
// Unlike Twisted's, which loops over its task list while each task removes
// itself from it, and so leaves every other task's Deferreds unfired, Stop
// fails every task (conformance scenario
// test_cooperator.py/CooperatorEdges.stopFailsEveryTask).
func (c *Cooperator) Stop() {
	c.stopped = true
	for _, t := range append([]*CooperativeTask(nil), c.tasks.items...) {
		if t.completionState == nil {
			t.completeWith(SchedulerStopped.New(), twisted.NewFailure(SchedulerStopped.New()))
		}
	}
	c.tasks = &taskList{}
	if c.delayedCall != nil {
		call := c.delayedCall
		c.delayedCall = nil // gone even if its Cancel panics
		_ = call.Cancel()
	}
}

// Running reports whether the Cooperator is running: started and not
// stopped.
func (c *Cooperator) Running() bool {
	return c.started && !c.stopped
}

// theCooperator is the global Cooperator, on the default reactor.
var theCooperator = sync.OnceValue(func() *Cooperator { return NewCooperator() })

// Coiterate cooperatively iterates over it, dividing runtime between it
// and all the other tasks of the global Cooperator, and returns a Deferred
// that fires when it is done. Call it from the default reactor's goroutine
// (or before that reactor runs).
func Coiterate(it Iterator) *deferred.Deferred {
	return theCooperator().Coiterate(it)
}

// Cooperate starts running it as a long-running cooperative task of the
// global Cooperator, and returns the CooperativeTask that controls it.
//
// This is useful for computationally expensive work that should not block
// the reactor: break it up so that it yields often, pass it here, and the
// global Cooperator distributes work between all such tasks without
// blocking longer than one step of one task at a time. Call it from the
// default reactor's goroutine (or before that reactor runs).
func Cooperate(it Iterator) *CooperativeTask {
	return theCooperator().Cooperate(it)
}
