package reactor

import "github.com/twistedflow/twistedflow/twisted"

// The exception classes of twisted.internet.error that the reactor raises.
var (
	// AlreadyCalled is raised by Cancel, Delay and Reset on a DelayedCall
	// that has already run.
	AlreadyCalled = twisted.NewClass("twisted.internet.error.AlreadyCalled", twisted.ValueError)
	// AlreadyCancelled is raised by Cancel, Delay and Reset on a
	// DelayedCall that has been cancelled.
	AlreadyCancelled = twisted.NewClass("twisted.internet.error.AlreadyCancelled", twisted.ValueError)
	// ReactorNotRunning is raised when trying to stop a reactor which is
	// not running.
	ReactorNotRunning = twisted.NewClass("twisted.internet.error.ReactorNotRunning", twisted.RuntimeError)
	// ReactorAlreadyRunning is raised when trying to start the reactor
	// multiple times.
	ReactorAlreadyRunning = twisted.NewClass("twisted.internet.error.ReactorAlreadyRunning", twisted.RuntimeError)
	// ReactorNotRestartable is raised when trying to run a reactor which
	// was stopped.
	ReactorNotRestartable = twisted.NewClass("twisted.internet.error.ReactorNotRestartable", twisted.RuntimeError)
)

// Twisted's AlreadyCalled and AlreadyCancelled are raised without
// arguments and print a fixed message; the message is carried here as the
// single argument so that Error() prints what Python's str() prints.
const (
	alreadyCalledMessage    = "Tried to cancel an already-called event."
	alreadyCancelledMessage = "Tried to cancel an already-cancelled event."
)

func errAlreadyCalled() error    { return AlreadyCalled.New(alreadyCalledMessage) }
func errAlreadyCancelled() error { return AlreadyCancelled.New(alreadyCancelledMessage) }
