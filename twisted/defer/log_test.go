package deferred

import (
	"context"
	"log/slog"
	"runtime"
	"strings"
	"testing"

	"github.com/twistedflow/twistedflow/twisted"
)

// capture is a slog.Handler that sends the unhandled-error records whose
// failure message contains marker.
type capture struct {
	marker  string
	records chan slog.Record
}

func (c *capture) Enabled(context.Context, slog.Level) bool { return true }
func (c *capture) WithAttrs([]slog.Attr) slog.Handler       { return c }
func (c *capture) WithGroup(string) slog.Handler            { return c }
func (c *capture) Handle(_ context.Context, r slog.Record) error {
	match := false
	r.Attrs(func(a slog.Attr) bool {
		if a.Key == "failure" {
			if f, ok := a.Value.Any().(*twisted.Failure); ok && strings.Contains(f.GetErrorMessage(), c.marker) {
				match = true
			}
		}
		return true
	})
	if match {
		c.records <- r
	}
	return nil
}

// captureUnhandled routes the package logger to a capture for the test.
func captureUnhandled(t *testing.T, marker string) *capture {
	c := &capture{marker: marker, records: make(chan slog.Record, 10)}
	prev := SetLogger(slog.New(c))
	t.Cleanup(func() { SetLogger(prev) })
	return c
}

// collect runs the garbage collector until a record arrives. Cleanups run
// on their own goroutine after a collection finds the Deferred unreachable;
// no sleeping is needed, only collections until it has run.
func (c *capture) collect(t *testing.T) slog.Record {
	t.Helper()
	for range 1000 {
		runtime.GC()
		select {
		case r := <-c.records:
			return r
		default:
			runtime.Gosched()
		}
	}
	t.Fatal("no unhandled error logged")
	return slog.Record{}
}

// none checks that nothing matching was logged after the Deferreds that
// might have logged are collected: a last Deferred with a marked failure,
// made after them, is logged, and nothing came before it.
func (c *capture) none(t *testing.T) {
	t.Helper()
	sentinel := func() { Fail(twisted.Exception.New(c.marker + " sentinel")) }
	sentinel()
	for {
		r := c.collect(t)
		var msg string
		r.Attrs(func(a slog.Attr) bool {
			if a.Key == "failure" {
				msg = a.Value.Any().(*twisted.Failure).GetErrorMessage()
			}
			return true
		})
		if strings.HasSuffix(msg, "sentinel") {
			return
		}
		t.Fatalf("logged %q", msg)
	}
}

//go:noinline
func dropFailingDeferred(marker string) {
	New().AddCallback(func(any) (any, error) { return nil, twisted.ZeroDivisionError.New(marker) }).Callback(1)
}

// attr returns the string value of r's attribute key.
func attr(r slog.Record, key string) string {
	var v string
	r.Attrs(func(a slog.Attr) bool {
		if a.Key == key {
			v = a.Value.String()
		}
		return true
	})
	return v
}

func TestUnhandledErrorLogged(t *testing.T) {
	c := captureUnhandled(t, "errorLog")
	dropFailingDeferred("errorLog")
	first := c.collect(t)
	if first.Message != "Unhandled error in Deferred:" || first.Level != slog.LevelError {
		t.Fatalf("record %q %v", first.Message, first.Level)
	}
	second := <-c.records // logged right after the first
	if second.Message != "" || second.Level != slog.LevelError {
		t.Fatalf("record %q %v", second.Message, second.Level)
	}
	tb := attr(second, "traceback")
	if !strings.HasPrefix(tb, "Traceback (most recent call last):\n") ||
		!strings.HasSuffix(tb, "builtins.ZeroDivisionError: errorLog\n") {
		t.Fatalf("traceback %q", tb)
	}
}

func TestUnhandledErrorDebugInfo(t *testing.T) {
	c := captureUnhandled(t, "debugLog")
	SetDebugging(true)
	dropFailingDeferred("debugLog")
	SetDebugging(false)
	c.collect(t)
	second := <-c.records
	debug := attr(second, "debugInfo")
	if !strings.HasPrefix(debug, " C: Deferred was created:\n") || !strings.Contains(debug, " I: First Invoker was:\n") ||
		!strings.Contains(debug, "dropFailingDeferred") || second.Message != "(debug: "+debug+")" {
		t.Fatalf("message %q debug %q", second.Message, debug)
	}
}

//go:noinline
func dropDebugDeferred(marker string) {
	d := New()
	d.SetDebug(true)
	d.AddCallback(func(any) (any, error) { return nil, twisted.ZeroDivisionError.New(marker) })
	d.Callback(1)
}

func TestUnhandledErrorInstanceDebug(t *testing.T) {
	// d.debug = True on the instance: the invoker only, as in Twisted.
	c := captureUnhandled(t, "instanceDebug")
	dropDebugDeferred("instanceDebug")
	c.collect(t)
	second := <-c.records
	if !strings.HasPrefix(second.Message, "(debug:  I: First Invoker was:\n") {
		t.Fatalf("message %q", second.Message)
	}
}

func TestSetDebugOff(t *testing.T) {
	SetDebugging(true)
	d := New()
	d.SetDebug(false)
	SetDebugging(false)
	d.Callback(1)
	SetDebugging(true)
	defer SetDebugging(false)
	e := mustPanicClass(t, AlreadyCalledError, func() { d.Callback(2) })
	if len(e.Args) != 0 {
		t.Fatalf("args %v for a Deferred with debugging off", e.Args)
	}
	d = New()
	d.SetDebug(true)
	d.Callback(1)
	SetDebugging(false)
	e = mustPanicClass(t, AlreadyCalledError, func() { d.Callback(2) })
	if len(e.Args) != 1 {
		t.Fatalf("args %v for a Deferred with debugging on", e.Args)
	}
}

func TestHandledErrorNotLogged(t *testing.T) {
	c := captureUnhandled(t, "handled")
	func() {
		// Consumed by an errback.
		Fail(twisted.Exception.New("handled")).AddErrback(func(*twisted.Failure) (any, error) { return nil, nil })
		// Chained into another Deferred: the first keeps None, and the
		// second's errback consumes the failure.
		d := New()
		d.AddCallback(func(any) (any, error) { return Fail(twisted.RuntimeError.New("handled zoop")), nil })
		d.Callback(nil)
		d.AddErrback(func(*twisted.Failure) (any, error) { return nil, nil })
		// A failure turned into a wait on a Deferred that never fires.
		bad := Fail(twisted.Exception.New("handled oh no"))
		good := New()
		bad.AddErrback(func(*twisted.Failure) (any, error) { return good, nil })
		// Paused with a failure: not reported, as in Twisted.
		p := New()
		p.Pause()
		p.Errback(twisted.Exception.New("handled paused"))
	}()
	c.none(t)
}
