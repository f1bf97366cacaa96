package timers

// IReactorTime is the time part of a reactor (twisted.internet.interfaces.
// IReactorTime): the clock and the scheduling of calls. Package reactor
// re-exports it; see reactor.IReactorTime.
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
