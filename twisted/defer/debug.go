package deferred

import (
	"fmt"
	"log/slog"
	"runtime"
	"strings"
	"sync/atomic"

	"github.com/twistedflow/twistedflow/twisted"
)

var (
	// debugging is Twisted's Deferred.debug class attribute.
	debugging atomic.Bool
	// logger receives unhandled errors; nil means slog.Default().
	logger atomic.Pointer[slog.Logger]
)

// SetDebugging turns Deferred debugging on or off: setDebugging(on). While
// it is on, each new Deferred records the stack that created it and the
// stack that first fired it, and AlreadyCalledError and the unhandled-error
// log show both. It costs a stack capture per Deferred.
func SetDebugging(on bool) { debugging.Store(on) }

// GetDebugging reports whether Deferred debugging is on: getDebugging().
func GetDebugging() bool { return debugging.Load() }

// SetLogger sets the logger that unhandled errors in Deferreds go to, and
// returns the previous one; nil restores slog.Default(). It is safe to
// call from any goroutine.
func SetLogger(l *slog.Logger) (previous *slog.Logger) {
	return logger.Swap(l)
}

func currentLogger() *slog.Logger {
	if l := logger.Load(); l != nil {
		return l
	}
	return slog.Default()
}

// debugInfo is Twisted's DebugInfo: what a Deferred knows for debugging,
// and the failure it ended with, reported when the Deferred is collected.
//
// The Deferred points to its debugInfo and not the reverse, so that a
// cleanup attached to the Deferred (runtime.AddCleanup) can read it after
// the Deferred is gone. The cleanup runs on another goroutine, hence the
// atomics.
type debugInfo struct {
	failResult atomic.Pointer[twisted.Failure]
	creator    atomic.Pointer[string]
	invoker    atomic.Pointer[string]
}

// debugInfo returns d's debugInfo, making it (and arranging for the
// unhandled-error report) on first use.
func (d *Deferred) debugInfo() *debugInfo {
	if d.debug == nil {
		d.debug = new(debugInfo)
		runtime.AddCleanup(d, reportUnhandled, d.debug)
	}
	return d.debug
}

func (di *debugInfo) setFailure(f *twisted.Failure) { di.failResult.Store(f) }
func (di *debugInfo) clearFailure()                 { di.failResult.Store(nil) }

// setCreator records the stack of New's caller.
func (di *debugInfo) setCreator() {
	s := formatStack(4)
	di.creator.Store(&s)
}

// setInvoker records the stack of Callback's or Errback's caller.
func (di *debugInfo) setInvoker() {
	s := formatStack(5)
	di.invoker.Store(&s)
}

// tracebacks formats the recorded stacks as Twisted's
// DebugInfo._getDebugTracebacks: each line prefixed " C:" (creation) or
// " I:" (first invocation).
func (di *debugInfo) tracebacks() string {
	var b strings.Builder
	if c := di.creator.Load(); c != nil {
		b.WriteString(" C: Deferred was created:\n C:")
		b.WriteString(strings.ReplaceAll(strings.TrimRight(*c, " \t\r\n"), "\n", "\n C:"))
		b.WriteString("\n")
	}
	if i := di.invoker.Load(); i != nil {
		b.WriteString(" I: First Invoker was:\n I:")
		b.WriteString(strings.ReplaceAll(strings.TrimRight(*i, " \t\r\n"), "\n", "\n I:"))
		b.WriteString("\n")
	}
	return b.String()
}

// reportUnhandled is DebugInfo.__del__: if the Deferred's chain ended on a
// failure, log it. As Twisted, it logs two records: "Unhandled error in
// Deferred:", then the failure under the message "" or, with debug info,
// "(debug: <info>)" (Twisted's log.failure format). Both carry the failure
// (attribute "failure"), the second its traceback and debug info too.
func reportUnhandled(di *debugInfo) {
	f := di.failResult.Load()
	if f == nil {
		return
	}
	l := currentLogger()
	l.Error("Unhandled error in Deferred:", slog.Any("failure", f))
	msg := ""
	attrs := []any{slog.Any("failure", f), slog.String("traceback", f.GetTraceback())}
	if info := di.tracebacks(); info != "" {
		msg = "(debug: " + info + ")"
		attrs = append(attrs, slog.String("debugInfo", info))
	}
	l.Error(msg, attrs...)
}

// formatStack formats the caller's stack as Python's traceback.format_stack
// joined: one `  File "path", line N, in function` line per frame, oldest
// first, skipping skip frames (as runtime.Callers counts them).
func formatStack(skip int) string {
	var pcs [64]uintptr
	n := runtime.Callers(skip, pcs[:])
	frames := runtime.CallersFrames(pcs[:n])
	var lines []string
	for {
		fr, more := frames.Next()
		if fr.Function != "" && !strings.HasPrefix(fr.Function, "runtime.") && !strings.HasPrefix(fr.Function, "testing.") {
			lines = append(lines, fmt.Sprintf("  File %q, line %d, in %s\n", fr.File, fr.Line, fr.Function))
		}
		if !more {
			break
		}
	}
	var b strings.Builder
	for i := len(lines) - 1; i >= 0; i-- {
		b.WriteString(lines[i])
	}
	return b.String()
}

// logFailure logs f at error level with its traceback.
func logFailure(msg string, f *twisted.Failure) {
	currentLogger().Error(msg, slog.Any("failure", f), slog.String("traceback", f.GetTraceback()))
}

// LogError logs f as Twisted's log.failure("", f) does (an error record
// with the message "", Twisted's observers print it as "Unhandled Error"
// and the traceback) and returns it, so that it goes on down the chain:
// logError, usable as an errback,
//
//	d.AddErrback(deferred.LogError)
//
// If it is the last errback and the Deferred is then collected, the
// failure is logged again as unhandled, as in Twisted.
func LogError(f *twisted.Failure) (any, error) {
	logFailure("", f)
	return nil, f
}

// SetDebug turns debugging on or off for d alone, whatever SetDebugging
// says: Twisted's d.debug = True, an instance attribute shadowing the class
// one. From then on, firing d records the stack that fires it, for
// AlreadyCalledError and the unhandled-error log (the creation stack is
// recorded only by New in debug mode, as in Twisted).
func (d *Deferred) SetDebug(on bool) {
	d.flags &^= flagDebugOn | flagDebugOff
	if on {
		d.flags |= flagDebugOn
	} else {
		d.flags |= flagDebugOff
	}
}

// debugOn reports whether d is in debug mode: its own setting if SetDebug
// was called, SetDebugging's otherwise.
func (d *Deferred) debugOn() bool {
	return d.flags&flagDebugOn != 0 || d.flags&flagDebugOff == 0 && debugging.Load()
}
