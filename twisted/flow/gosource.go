package flow

import (
	"context"
	"fmt"
	"io"
	"sync"
	"sync/atomic"

	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// A goSource is a Go source of values that may have to wait: a channel
// (chan.go), an io.Reader (reader.go). Its stage, a goStage, takes what
// is there at once with poll, on the controller's goroutine, and waits
// for the rest with fetch: under Block in Block's goroutine, under a
// reactor on one goroutine of the stage's own, which asks for one value
// at a time and hands it to the reactor's goroutine.
type goSource interface {
	// poll returns what the source has without waiting: ok is false if
	// it would have to wait.
	poll() (r goResult, ok bool)
	// fetch waits for the next value, the end or a failure; a done ctx
	// ends the wait if the source can be interrupted (see close).
	fetch(ctx context.Context) goResult
	// close releases the source (an io.Closer reader is closed, which
	// interrupts a fetch in progress); it may run while fetch does, on
	// another goroutine.
	close()
	// what names the source in errors.
	what() string
}

// A goResult is one outcome of a source: a value, its end, or a failure.
type goResult struct {
	v   any
	end bool
	err error
}

// goStage is the stage of a goSource.
type goStage struct {
	Base
	src  goSource
	wait *goWait

	ctx    context.Context
	cancel context.CancelFunc
	closed atomic.Bool
	once   sync.Once

	// asked counts the values the flow asked the worker for (Yield, on
	// the controller's goroutine), served those the worker has fetched,
	// delivered those handed back. The flow polls the source only when
	// asked == delivered: no fetch is under way, so values keep their
	// order. The worker fetches only while served < asked: it takes no
	// value the flow has not asked for.
	mu        sync.Mutex
	wake      sync.Cond
	asked     int
	served    int
	delivered int

	// Under a reactor: r hands the values over, resume wakes the flow,
	// registered is the reactor's registry of flows (its shutdown closes
	// the stage).
	r          reactor.IReactorThreads
	resume     func()
	registered registration
}

func newGoStage(src goSource, trap []*twisted.Class) *goStage {
	s := &goStage{src: src}
	s.wake.L = &s.mu
	s.wait = &goWait{stage: s}
	s.ctx, s.cancel = context.WithCancel(context.Background())
	mergeTrap(&s.Base, trap)
	return s
}

// goWait is the instruction a goStage suspends its flow on while it
// waits for its source.
type goWait struct {
	BaseInstruction
	stage *goStage
}

// CallLater is for controllers other than this package's: the stage
// waits on the default reactor, and callable is called on its goroutine
// once the source has something.
func (w *goWait) CallLater(callable func()) {
	if err := w.stage.waitOn(reactor.Default(), callable); err != nil {
		panic(twisted.NewFailure(err))
	}
}

// PyRepr prints the instruction in Python's form for an object, naming
// what it waits on (it has no Python counterpart).
func (w *goWait) PyRepr() string {
	return fmt.Sprintf("<flow.Wrap(%s) wait instance at %p>", w.stage.src.what(), w)
}

// Yield takes what the source has at once, or else asks for the next
// value and returns the instruction that waits for it.
func (s *goStage) Yield() Instruction {
	if s.ready() {
		return nil
	}
	if s.closed.Load() {
		s.Stop = true
		return nil
	}
	s.mu.Lock()
	busy := s.asked > s.delivered
	s.mu.Unlock()
	if busy {
		return s.wait // the worker's value is on its way
	}
	if r, ok := s.src.poll(); ok {
		s.take(r)
		return nil
	}
	s.mu.Lock()
	s.asked++
	s.wake.Signal()
	s.mu.Unlock()
	return s.wait
}

// take records r in the stage.
func (s *goStage) take(r goResult) {
	switch {
	case r.err != nil:
		s.setFailure(r.err)
	case r.end:
		s.Stop = true
	default:
		s.Results = append(s.Results, r.v)
	}
}

// block waits for the value asked for in the calling goroutine (Block's):
// a done ctx closes the stage, which interrupts the wait if the source
// can be interrupted.
func (s *goStage) block(ctx context.Context) {
	if ctx != nil {
		stop := context.AfterFunc(ctx, func() {
			if f := safely(s.Close); f != nil {
				logUnhandled(nil, f) // Block returns ctx.Err()
			}
		})
		defer stop()
	}
	s.mu.Lock()
	pending := s.asked > s.served
	if pending {
		s.served++
	}
	s.mu.Unlock()
	if !pending {
		return
	}
	s.deliver(s.fetch())
}

// waitOn makes the reactor clock's goroutine receive the values: the
// worker starts with the first wait; resume is called when a value, the
// end or a failure has been delivered.
func (s *goStage) waitOn(clock reactor.IReactorTime, resume func()) error {
	s.resume = resume
	if s.r != nil {
		if th, ok := clock.(reactor.IReactorThreads); ok && !sameObject(th, s.r) {
			return twisted.RuntimeError.New(fmt.Sprintf(
				"flow.Wrap(%s) waits on reactor %p, but its controller runs on reactor %p", s.src.what(), s.r, th))
		}
		return nil
	}
	th, ok := clock.(reactor.IReactorThreads)
	if !ok {
		return twisted.RuntimeError.New(fmt.Sprintf(
			"flow.Wrap(%s) cannot wait under %T: it has no goroutine to hand the values to (run the flow on a *reactor.Reactor, or under Block)", s.src.what(), clock))
	}
	s.r = th
	register(th, &s.registered, s, beforeShutdown)
	if !s.closed.Load() {
		go s.work()
	}
	return nil
}

// work is the worker: it fetches each value the flow asks for, and hands
// it to the reactor's goroutine, until the source ends or the stage is
// closed.
func (s *goStage) work() {
	defer s.registered.remove(s.r)
	for {
		s.mu.Lock()
		for s.served == s.asked && !s.closed.Load() {
			s.wake.Wait()
		}
		if s.closed.Load() {
			s.mu.Unlock()
			return
		}
		s.served++
		s.mu.Unlock()
		r := s.fetch()
		s.r.CallFromThread(func() { s.deliver(r) })
		if r.end || r.err != nil {
			return
		}
	}
}

// fetch waits for the source's next outcome; a panic in it (a Read of the
// user's) is the stage's failure.
func (s *goStage) fetch() (r goResult) {
	defer func() {
		if p := recover(); p != nil {
			r = goResult{err: twisted.FailureFromPanic(p)}
		}
	}()
	return s.src.fetch(s.ctx)
}

// deliver takes a fetched outcome, on the controller's goroutine, and
// resumes the flow.
func (s *goStage) deliver(r goResult) {
	s.mu.Lock()
	s.delivered++
	s.mu.Unlock()
	if s.closed.Load() {
		return
	}
	s.take(r)
	if c := s.resume; c != nil {
		s.resume = nil
		c()
	}
}

// Close stops the worker, ends a wait that can be interrupted (a
// channel's; a reader's if it is an io.Closer, which is closed), and
// releases the source. It may be called from any goroutine, more than
// once.
func (s *goStage) Close() {
	s.once.Do(func() {
		s.closed.Store(true)
		s.cancel()
		s.mu.Lock()
		s.wake.Broadcast()
		s.mu.Unlock()
		s.src.close()
	})
}

// shutdown closes the stage as its reactor shuts down.
func (s *goStage) shutdown() { s.Close() }

// wrapGo returns the stage of a channel or io.Reader (Wrap; see the
// package documentation, "Channels and readers").
func wrapGo(obj any, trap []*twisted.Class) (Stage, bool) {
	if s, ok := wrapChan(obj); ok {
		mergeTrap(s.State(), trap)
		return s, true
	}
	if r, ok := obj.(io.Reader); ok {
		return newGoStage(newReaderSource(r), trap), true
	}
	return nil, false
}
