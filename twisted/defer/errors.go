package deferred

import "github.com/twistedflow/twistedflow/twisted"

// Exception classes of twisted.internet.defer. Each is a *twisted.Class:
// trap them with f.Trap(deferred.CancelledError), test them with
// errors.Is(err, deferred.CancelledError), make one with
// deferred.TimeoutError.New(args...).
var (
	// AlreadyCalledError is raised (panicked with, as a *twisted.Error) by
	// Callback and Errback when the Deferred has already been fired: firing
	// twice is a programmer error. With SetDebugging(true) its single
	// argument holds the stacks where the Deferred was created and first
	// fired.
	AlreadyCalledError = twisted.NewClass("twisted.internet.defer.AlreadyCalledError", twisted.Exception)

	// CancelledError is the failure a Deferred errbacks with when it is
	// cancelled and its canceller did not fire it.
	CancelledError = twisted.NewClass("twisted.internet.defer.CancelledError", twisted.Exception)

	// TimeoutError is the failure a Deferred errbacks with when it times
	// out (AddTimeout): TimeoutError(timeout, "Deferred").
	TimeoutError = twisted.NewClass("twisted.internet.defer.TimeoutError", twisted.Exception)

	// QueueOverflow is returned by DeferredQueue.Put when the queue
	// already holds Size objects.
	QueueOverflow = twisted.NewClass("twisted.internet.defer.QueueOverflow", twisted.Exception)

	// QueueUnderflow is returned by DeferredQueue.Get when Backlog gets are
	// already waiting.
	QueueUnderflow = twisted.NewClass("twisted.internet.defer.QueueUnderflow", twisted.Exception)
)

// circularMessage is the warning Twisted gives when a callback returns the
// Deferred it was attached to.
const circularMessage = "Callback returned the Deferred it was attached to; " +
	"this breaks the callback chain and will raise an exception in the future."
