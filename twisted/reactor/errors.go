package reactor

import (
	"github.com/twistedflow/twistedflow/internal/timers"
	"github.com/twistedflow/twistedflow/twisted"
)

// The exception classes of twisted.internet.error that the reactor raises.
var (
	// AlreadyCalled is raised by Cancel, Delay and Reset on a DelayedCall
	// that has already run: "Tried to cancel an already-called event."
	AlreadyCalled = timers.AlreadyCalled
	// AlreadyCancelled is raised by Cancel, Delay and Reset on a
	// DelayedCall that has been cancelled: "Tried to cancel an
	// already-cancelled event."
	AlreadyCancelled = timers.AlreadyCancelled
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
