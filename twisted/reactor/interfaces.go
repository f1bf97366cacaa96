package reactor

// IReactorTime is the time part of a reactor (twisted.internet.interfaces.
// IReactorTime): the clock and the scheduling of calls. Both the real
// Reactor and the deterministic Clock provide it; code that only schedules
// should ask for this interface, so that tests can hand it a Clock.
type IReactorTime interface {
	// Seconds returns the reactor's current time in seconds.
	Seconds() float64
	// CallLater calls f delay seconds from now and returns a handle that
	// can cancel, delay or reset the call.
	CallLater(delay float64, f func()) *DelayedCall
	// GetDelayedCalls returns the calls scheduled and not yet run or
	// cancelled.
	GetDelayedCalls() []*DelayedCall
}

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
