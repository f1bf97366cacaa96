package reactor

import (
	"strings"

	"github.com/twistedflow/twistedflow/twisted"
)

// The exception classes of twisted.internet.error that the reactor raises.
var (
	// AlreadyCalled is raised by Cancel, Delay and Reset on a DelayedCall
	// that has already run: "Tried to cancel an already-called event."
	AlreadyCalled = twisted.NewClass("twisted.internet.error.AlreadyCalled", twisted.ValueError).
			WithStr(messageStr("Tried to cancel an already-called event"))
	// AlreadyCancelled is raised by Cancel, Delay and Reset on a
	// DelayedCall that has been cancelled: "Tried to cancel an
	// already-cancelled event."
	AlreadyCancelled = twisted.NewClass("twisted.internet.error.AlreadyCancelled", twisted.ValueError).
				WithStr(messageStr("Tried to cancel an already-cancelled event"))
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

// messageStr is the __str__ of Twisted's AlreadyCalled and
// AlreadyCancelled: the class's MESSAGE, then the arguments if any, then a
// full stop. They are raised without arguments, so repr shows
// AlreadyCalled() as in Python.
func messageStr(message string) func(*twisted.Error) string {
	return func(e *twisted.Error) string {
		s := message
		if len(e.Args) > 0 {
			args := make([]string, len(e.Args))
			for i, a := range e.Args {
				args[i] = twisted.Str(a)
			}
			s += ": " + strings.Join(args, " ")
		}
		return s + "."
	}
}

func errAlreadyCalled() error    { return AlreadyCalled.New() }
func errAlreadyCancelled() error { return AlreadyCancelled.New() }
