package hardening

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"testing"

	"gotest.tools/v3/assert"

	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/protocol"
	"github.com/twistedflow/twistedflow/twisted/reactor"
	"github.com/twistedflow/twistedflow/twisted/task"
)

// unprintableClass is the class of the exceptions below whose Python str
// raises.
var unprintableClass = twisted.NewClass("Unprintable", twisted.Exception)

// reprRaises is a value whose repr raises boom.
type reprRaises struct{}

func (reprRaises) PyRepr() string { panic(boom) }

// errorRaises is a user's Go error whose Error and PyStr panic, of the
// class given.
type errorRaises struct{ class *twisted.Class }

func (*errorRaises) Error() string                 { panic(boom) }
func (*errorRaises) PyStr() string                 { panic(boom) }
func (e *errorRaises) PythonClass() *twisted.Class { return e.class }

// unprintables are exceptions of class Unprintable whose str raises: a
// plain *Error (its argument's repr raises) and a user's error type.
func unprintables() map[string]error {
	return map[string]error{
		"plain *Error": unprintableClass.New(reprRaises{}),
		"user's type":  &errorRaises{unprintableClass},
	}
}

// loggedUnprintable reports whether log holds, as slog's text and JSON
// handlers both quote them, the failure and the traceback of an
// Unprintable whose str raised boom (KeyError('boom')), each printing it
// as Twisted's safe_str.
func loggedUnprintable(log string) bool {
	return strings.Count(log, `<Unprintable instance at 0x`) == 4 &&
		strings.Count(log, ` with str error:\n Traceback (most recent call last):\n`) == 4 &&
		strings.Count(log, `\nKeyError: 'boom'\n>`) == 4
}

// jsonAndText returns a logger writing each record both as slog's text
// and JSON handlers print it, into one buffer.
func jsonAndText(b *bytes.Buffer) *slog.Logger {
	return slog.New(both{slog.NewTextHandler(b, nil), slog.NewJSONHandler(b, nil)})
}

type both [2]slog.Handler

func (h both) Enabled(ctx context.Context, l slog.Level) bool { return h[0].Enabled(ctx, l) }
func (h both) WithAttrs(a []slog.Attr) slog.Handler {
	return both{h[0].WithAttrs(a), h[1].WithAttrs(a)}
}
func (h both) WithGroup(g string) slog.Handler { return both{h[0].WithGroup(g), h[1].WithGroup(g)} }
func (h both) Handle(ctx context.Context, r slog.Record) error {
	if err := h[0].Handle(ctx, r); err != nil {
		return err
	}
	return h[1].Handle(ctx, r)
}

// A failure whose exception cannot be printed (its str raises) is logged
// where any other is, with Twisted's safe_str text, and the program goes
// on: a panic in a reactor's call, a flow that fails under flow.Deferred
// with no errback and under a flow Protocol, React's main.
func TestUnprintableFailuresAreLogged(t *testing.T) {
	for name, err := range unprintables() {
		t.Run(name+": reactor call", func(t *testing.T) {
			var log bytes.Buffer
			r := reactor.New()
			r.Logger = jsonAndText(&log)
			ran := false
			r.CallLater(0, func() { panic(err) })
			r.CallLater(0, func() { ran = true; _ = r.Stop() })
			assert.NilError(t, r.Run())
			assert.Assert(t, ran, "the loop did not go on")
			assert.Assert(t, loggedUnprintable(log.String()), log.String())
		})
		t.Run(name+": flow Protocol", func(t *testing.T) {
			var log bytes.Buffer
			r := reactor.New()
			r.Logger = jsonAndText(&log)
			p := flow.MakeProtocolOn(r, func(*flow.Protocol) any {
				return flow.Generator(func(yield func(any) bool) error { return err })
			})()
			tr := &closingTransport{}
			protocol.MakeConnection(p, tr)
			assert.Assert(t, tr.lost, "the connection is left open")
			assert.Assert(t, loggedUnprintable(log.String()), log.String())
		})
		t.Run(name+": React", func(t *testing.T) {
			var log bytes.Buffer
			r := reactor.New()
			r.Logger = jsonAndText(&log)
			code := task.React(func(task.Reactor) *deferred.Deferred { return deferred.Fail(err) }, r)
			assert.Equal(t, code, 1)
			assert.Assert(t, loggedUnprintable(log.String()), log.String())
		})
	}
	// sys.exit's code is SystemExit's argument: Twisted's react takes
	// e.code, never str(e). A user's SystemExit whose Error panics has
	// none but its message: the status of a message, 1.
	t.Run("React, SystemExit", func(t *testing.T) {
		var log bytes.Buffer
		r := reactor.New()
		r.Logger = jsonAndText(&log)
		// A watchdog, for the failure this test is about: React's stop
		// panicking, and so never stopping the reactor.
		r.CallLater(60, func() { t.Error("React did not stop the reactor"); _ = r.Stop() })
		code := task.React(func(task.Reactor) *deferred.Deferred {
			return deferred.Fail(&errorRaises{twisted.SystemExit})
		}, r)
		assert.Equal(t, code, 1)
		assert.Equal(t, log.String(), "") // sys.exit's failure is not logged
	})
	// A Failure of SystemExit made without a value is SystemExit(): 0.
	t.Run("React, SystemExit without a value", func(t *testing.T) {
		r := reactor.New()
		r.CallLater(60, func() { t.Error("React did not stop the reactor"); _ = r.Stop() })
		code := task.React(func(task.Reactor) *deferred.Deferred {
			return deferred.Fail(&twisted.Failure{Type: twisted.SystemExit})
		}, r)
		assert.Equal(t, code, 0)
	})
}
