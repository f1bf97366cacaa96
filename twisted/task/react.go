package task

import (
	"errors"
	"log/slog"
	"reflect"

	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// A Reactor is what React runs: the loop and its clock. *reactor.Reactor
// is one.
type Reactor interface {
	reactor.IReactorCore
	reactor.IReactorTime
}

// SystemEventTriggers is implemented by reactors that run triggers around
// their shutdown, as Twisted's addSystemEventTrigger (phase "before",
// "during" or "after"; event "shutdown"): *reactor.Reactor is one. React
// uses it, when the reactor has it, to know that the reactor is already
// shutting down.
type SystemEventTriggers interface {
	AddSystemEventTrigger(phase, eventType string, f func() any) reactor.TriggerID
}

// ErrorLogger is implemented by reactors that log failures themselves.
// React logs the failure of main there; otherwise to the *reactor.Reactor's
// Logger, or slog.Default().
type ErrorLogger interface {
	LogError(f *twisted.Failure, why string)
}

// React calls main with the reactor and runs the reactor until the
// Deferred main returns fires, then stops it, and returns the exit status
// (Twisted's react, which passes it to sys.exit: call
// os.Exit(task.React(main, nil))).
//
// It is the way to start up a program with a well-defined completion
// condition, such as a client or a one-off asynchronous operation. Prefer
// it to calling Run directly: React
//   - takes care to stop the reactor once and only once, and at the right
//     time;
//   - logs a failure of the Deferred main returns ("main function
//     encountered error");
//   - returns 0 on success and 1 on failure, or the code of a
//     twisted.SystemExit failure (SystemExit.New(code)).
//
// A nil r means reactor.Default(). If the reactor stops before the
// Deferred fires, React returns 0. main must return a Deferred: a nil one
// panics with a TypeError.
func React(main func(r Reactor) *deferred.Deferred, r Reactor) int {
	if main == nil {
		panic(twisted.TypeError.New("React's main is None: 'NoneType' object is not callable"))
	}
	if r == nil {
		r = reactor.Default()
	}
	finished := main(r)
	if finished == nil {
		panic(twisted.TypeError.New("React's main must return a Deferred, not None"))
	}
	code := 0
	stopping := false
	if t, ok := r.(SystemEventTriggers); ok {
		t.AddSystemEventTrigger("before", "shutdown", func() any { stopping = true; return nil })
	}
	stop := func(result any, stopReactor bool) {
		// The exit status is settled first: a reactor's Stop or logger
		// that panics (the user's) must not turn main's failure into a
		// success, as it does in Twisted's react (which exits 0 then).
		f, failed := result.(*twisted.Failure)
		if failed {
			code = 1
			if f.Check(twisted.SystemExit) != nil {
				code = exitCode(f.Value)
			}
		}
		if stopReactor {
			if err := r.Stop(); err != nil && !errors.Is(err, reactor.ReactorNotRunning) {
				panic(err)
			}
		}
		if failed && f.Check(twisted.SystemExit) == nil {
			logError(r, f, "main function encountered error")
		}
	}
	finished.AddBoth(func(result any) (any, error) {
		if stopping {
			stop(result, false)
			return nil, nil
		}
		called := false
		defer func() {
			if v := recover(); v != nil {
				if !called {
					// The reactor's CallWhenRunning panicked (a reactor of
					// the user's): the panic goes on into main's Deferred,
					// as in Twisted, but the reactor is stopped all the
					// same, where Twisted's react would wait for ever.
					r.CallLater(0, func() { stop(result, true) })
				}
				panic(v)
			}
		}()
		r.CallWhenRunning(func() { called = true; stop(result, true) })
		return nil, nil
	})
	if err := r.Run(); err != nil {
		panic(err)
	}
	return code
}

// exitCode is the status sys.exit gives for a SystemExit: its argument if
// it is an integer (a bool is one, as in Python: False is 0; so is a Go
// integer of any type), 0 for none (or None), 1 for anything else. The
// argument of a Go error of the class that is no *twisted.Error is its
// message (see twisted.AsError): 1, without a call of its Error method,
// which may panic, as Twisted's react reads e.code and never str(e).
func exitCode(err error) int {
	var e *twisted.Error
	switch x := err.(type) {
	case nil, *twisted.Class: // SystemExit without an argument
		return 0
	case *twisted.Failure:
		return exitCode(x.Value)
	}
	if !errors.As(err, &e) {
		return 1
	}
	if len(e.Args) == 0 || e.Args[0] == nil || e.Args[0] == any(twisted.None) {
		return 0
	}
	switch v := reflect.ValueOf(e.Args[0]); v.Kind() {
	case reflect.Bool:
		if v.Bool() {
			return 1
		}
		return 0
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return int(v.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return int(v.Uint())
	}
	return 1
}

func logError(r Reactor, f *twisted.Failure, why string) {
	if l, ok := r.(ErrorLogger); ok {
		l.LogError(f, why)
		return
	}
	logger := slog.Default()
	if rr, ok := r.(*reactor.Reactor); ok && rr.Logger != nil {
		logger = rr.Logger
	}
	logger.Error(why, slog.Any("failure", f), slog.String("traceback", f.GetTraceback()))
}
