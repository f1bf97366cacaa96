package timers

import (
	"strings"

	"github.com/twistedflow/twistedflow/twisted"
)

// The exception classes of twisted.internet.error that a DelayedCall
// raises; package reactor re-exports them.
var (
	AlreadyCalled = twisted.NewClass("twisted.internet.error.AlreadyCalled", twisted.ValueError).
			WithStr(messageStr("Tried to cancel an already-called event"))
	AlreadyCancelled = twisted.NewClass("twisted.internet.error.AlreadyCancelled", twisted.ValueError).
				WithStr(messageStr("Tried to cancel an already-cancelled event"))
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
