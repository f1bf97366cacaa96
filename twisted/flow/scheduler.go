package flow

import (
	"slices"

	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// A scheduler wakes one flow for its controller (flow.Deferred's runner,
// a flow Protocol): the one place that serves the CallLater instructions
// a flow suspends on, on the controller's reactor, and that ends the
// flow.
//
//   - A Cooperate (or a type embedding *CooperateInstruction) is a
//     CallLater of the controller's clock, a Deferred a callback on it, a
//     Threaded stage is bound to the controller's reactor (see bindThreads)
//     and resumes the flow when its thread hands something over; any other
//     CallLater is given the wake-up function.
//   - Each wake-up is registered once, however often the flow yields it,
//     and those pending are cancelled when the flow ends.
//   - The flow's stages are closed when it ends, once no Yield of theirs
//     is running: a generator cannot be closed from its own coroutine.
//   - The flow is registered with its reactor while it runs, so that the
//     reactor's shutdown ends it (see shutdown.go).
//
// The controller gives it its loop (execute), which runs the flow until
// it suspends or ends, calling yield for each Yield of the root stage and
// suspend for each instruction, and what ends the flow from outside (fail:
// a panic out of the flow; shutdown: the reactor's). The scheduler does
// not keep its controller (16 B that take a suspended flow.Deferred's
// runner a size class down): the controller's wake-up function and its
// registration with the reactor know it, and it is passed to the calls
// that run the flow.
type scheduler struct {
	clock reactor.IReactorTime
	stage Stage
	// wake is the controller's woken, made once: every wake-up calls it.
	wake func()
	// timer is a Cooperate wake-up pending, timers the others (a flow
	// has one at a time, but for a Concurrent of Cooperates); waits are
	// the Deferreds the flow waits on. The lists are behind pointers, made
	// when first needed: a flow.Deferred suspended at a Cooperate keeps 24
	// bytes instead of two slice headers and an array, and its runner is
	// 160 B instead of 192.
	timer      *reactor.DelayedCall
	timers     *[]*reactor.DelayedCall
	waits      *[]*deferred.Deferred
	registered registration

	// The counter and flags come last, together, so that they share one
	// word: a suspended flow holds its scheduler.

	// inYield counts the Yields of the root stage under way (a wake-up
	// from inside the flow runs a step within another); closeLater is set
	// when the flow ended inside one: the stages are closed once the last
	// returns.
	inYield int32
	// queue makes a wake-up that arrives while the root stage's Yield
	// runs (a transport delivering inside a write, a Callback pushed from
	// inside the flow) set again, for the running loop to go round once
	// more, instead of running the flow inside itself as the original's
	// _execute does (flow.Deferred keeps the original's way).
	queue, again     bool
	done, closeLater bool
}

// A controller is what a scheduler runs: flow.Deferred's runner, a flow
// Protocol.
type controller interface {
	// execute runs the flow until it suspends or ends.
	execute()
	// fail ends the flow with a failure (a panic out of the flow).
	fail(f *twisted.Failure)
	// shutdown ends the flow when its reactor shuts down.
	shutdown()
}

// start registers the flow of ctl with its reactor, to be ended in phase
// of its shutdown, and runs it; wake is ctl's woken (a method value of the
// controller, made once, which calls wakeUp). (The phase is not kept: the
// scheduler's counter and flags then fill one word.)
func (s *scheduler) start(ctl controller, wake func(), phase shutdownPhase) {
	s.wake = wake
	register(s.clock, &s.registered, ctl, phase)
	s.run(ctl)
}

// run runs ctl's step unless the flow has ended: every wake-up calls it.
// A panic out of the flow (a stage of the user's own, a CallLater that
// rejects its delay) fails the flow.
func (s *scheduler) run(ctl controller) {
	if s.done {
		return
	}
	if s.inYield > 0 && s.queue {
		s.again = true
		return
	}
	depth := s.inYield
	defer s.leave(ctl, depth)
	ctl.execute()
}

// leave is run's deferred end: it recovers a panic out of the flow and
// closes the stages once no Yield is running them.
func (s *scheduler) leave(ctl controller, depth int32) {
	s.inYield = depth // a panic out of Yield skipped its count
	if v := recover(); v != nil && !s.done {
		ctl.fail(twisted.FailureFromPanic(v))
	}
	if s.inYield == 0 && s.closeLater {
		s.closeLater = false
		if f := closeStage(s.stage); f != nil {
			logUnhandled(loggerOf(s.clock), f) // the flow has its outcome already
		}
	}
}

// yield runs the root stage's Yield.
func (s *scheduler) yield() Instruction {
	s.inYield++
	s.again = false
	inst := s.stage.Yield()
	s.inYield--
	return inst
}

// suspend registers the wake-ups that inst asks for. It returns false if
// the flow must go on at once (a wake-up arrived while it ran, and the
// controller queues them), and an Unsupported error if inst is not a
// CallLater or cannot be served.
func (s *scheduler) suspend(inst Instruction) (wait bool, err error) {
	if err := s.callLater(inst); err != nil {
		return false, err
	}
	return !s.again, nil
}

// callLater registers the wake-ups that inst asks for.
func (s *scheduler) callLater(inst Instruction) error {
	switch i := inst.(type) {
	case cooperation:
		c := i.cooperation()
		if c == nil { // a type embedding a nil *CooperateInstruction
			return unsupported(inst)
		}
		s.after(c.Timeout)
	case *ConcurrentInstruction:
		for _, in := range i.Inst {
			if err := s.callLater(in); err != nil {
				return err
			}
		}
	case *deferredInstruction:
		s.wait(i.d)
	case *ThreadedInstruction:
		if err := i.stage.bindTo(s.clock); err != nil {
			return err
		}
		if i.stage.ready() {
			s.after(0) // as the original's immediate instruction
		} else {
			i.callable = s.wake
		}
	case *goWait:
		return i.stage.waitOn(s.clock, s.wake)
	case CallLater:
		i.CallLater(s.wake)
	default:
		return unsupported(inst)
	}
	return nil
}

// after resumes the flow delay seconds from now.
func (s *scheduler) after(delay float64) {
	c := s.clock.CallLater(delay, s.wake)
	if s.timer == nil {
		s.timer = c
		return
	}
	if s.timers == nil {
		s.timers = new([]*reactor.DelayedCall)
	}
	*s.timers = append(*s.timers, c)
}

// wakeUp is every wake-up of ctl's flow (a Cooperate's call, a CallLater
// instruction's, a Threaded stage's hand-over, a Deferred waited on), by
// ctl's woken: the Cooperate calls that are no longer active (a call's
// called is set before it runs) are dropped from the pending list, which
// spares after a closure per wake-up that would know its call, and the
// flow runs.
func (s *scheduler) wakeUp(ctl controller) {
	if s.timer != nil && !s.timer.Active() {
		s.timer = nil
	}
	if l := s.timers; l != nil {
		*l = slices.DeleteFunc(*l, func(c *reactor.DelayedCall) bool { return !c.Active() })
	}
	s.run(ctl)
}

// wait resumes the flow when d fires, leaving d's result as it is.
func (s *scheduler) wait(d *deferred.Deferred) {
	if s.waits == nil {
		s.waits = new([]*deferred.Deferred)
	}
	if slices.Contains(*s.waits, d) {
		return
	}
	*s.waits = append(*s.waits, d)
	d.AddBoth(func(res any) (any, error) {
		if w := s.waits; w != nil {
			if i := slices.Index(*w, d); i >= 0 {
				*w = slices.Delete(*w, i, i+1)
			}
		}
		s.wake()
		return res, nil
	})
}

// finish ends the flow: pending wake-ups are cancelled, the flow leaves
// its reactor's registry, and the stages are closed; if a Yield is under
// way (the flow was cancelled from inside itself), once it returns (and a
// panic in closing them is then logged). It returns the failure of a
// panic in closing the stages now.
func (s *scheduler) finish() *twisted.Failure {
	if s.done {
		return nil
	}
	s.done = true
	if c := s.timer; c != nil && c.Active() {
		_ = c.Cancel()
	}
	if l := s.timers; l != nil {
		for _, c := range *l {
			if c.Active() {
				_ = c.Cancel()
			}
		}
	}
	s.timer, s.timers, s.waits = nil, nil, nil
	s.registered.remove(s.clock)
	if s.inYield > 0 {
		s.closeLater = true
		return nil
	}
	return closeStage(s.stage)
}

// A cooperation is a Cooperate: a *CooperateInstruction, or a type that
// embeds one (Python's subclass of flow.Cooperate).
type cooperation interface {
	cooperation() *CooperateInstruction
}
