package reactor

import "github.com/twistedflow/twistedflow/internal/timers"

// IReactorTime is the time part of a reactor (twisted.internet.interfaces.
// IReactorTime): the clock and the scheduling of calls. Both the real
// Reactor and the deterministic Clock provide it; code that only schedules
// should ask for this interface, so that tests can hand it a Clock. Its
// methods:
//
//	Seconds() float64                               // the reactor's current time in seconds
//	CallLater(delay float64, f func()) *DelayedCall // call f delay seconds from now
//	GetDelayedCalls() []*DelayedCall                // the calls scheduled and not yet run or cancelled
//
// (It is declared in an internal leaf package so that package deferred can
// name it without importing this one.)
type IReactorTime = timers.IReactorTime

// A DelayedCall is a call scheduled by CallLater (Twisted's
// twisted.internet.base.DelayedCall, the IDelayedCall interface): it can be
// cancelled, delayed or reset until it runs. Its methods:
//
//	GetTime() float64           // when it will run
//	Cancel() error              // unschedule it
//	Reset(secondsFromNow) error // reschedule it secondsFromNow from now
//	Delay(secondsLater) error   // reschedule it secondsLater after its time
//	Active() bool               // not yet run nor cancelled
//	Called() bool, Cancelled() bool, String() string
//
// They are safe to call from any goroutine. Once the call has run or been
// cancelled, Cancel, Delay and Reset return an AlreadyCalled or
// AlreadyCancelled error and change nothing.
type DelayedCall = timers.DelayedCall

// IReactorCore is the loop itself (twisted.internet.interfaces.IReactorCore).
type IReactorCore interface {
	// Run runs the loop in the calling goroutine until Stop is called.
	Run() error
	// Stop ends Run after the current iteration. It returns
	// ReactorNotRunning if the reactor is not running.
	Stop() error
	// CallWhenRunning calls f once the reactor runs (at once if it already
	// does).
	CallWhenRunning(f func())
	// Running reports whether Run is in progress.
	Running() bool
	// Iterate runs one iteration of the loop, for code that drives the
	// reactor itself: the calls that are due, then a wait of at most delay
	// seconds for work from another goroutine (Twisted's runUntilCurrent
	// then doIteration(delay)).
	Iterate(delay float64)
}

// IReactorThreads is the part of a reactor that deals with other threads
// (goroutines): twisted.internet.interfaces.IReactorThreads and
// IReactorFromThreads.
type IReactorThreads interface {
	// CallFromThread schedules f to run on the reactor goroutine. It is
	// safe from any goroutine and wakes the loop.
	CallFromThread(f func())
	// CallInThread runs f on the reactor's bounded pool of goroutines.
	CallInThread(f func())
	// SuggestThreadPoolSize sets the most goroutines CallInThread uses.
	SuggestThreadPoolSize(size int)
}
