package deferred

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/twistedflow/twistedflow/twisted"
)

// unprintableClass is the class of the test's exceptions whose Python str
// raises: safe_str's text names it, so that the unhandled-error capture
// finds their records by it.
var unprintableClass = twisted.NewClass("Unprintable", twisted.Exception)

// reprRaises is a value whose repr raises KeyError('boom').
type reprRaises struct{}

func (reprRaises) PyRepr() string { panic(twisted.KeyError.New("boom")) }

// errorRaises is a user's Go error of class Unprintable whose Error and
// PyStr both panic.
type errorRaises struct{}

func (*errorRaises) Error() string               { panic(twisted.KeyError.New("boom")) }
func (*errorRaises) PyStr() string               { panic(twisted.KeyError.New("boom")) }
func (*errorRaises) PythonClass() *twisted.Class { return unprintableClass }

// unprintables are exceptions whose str raises: a plain *Error (its
// argument's repr raises) and a user's error type.
func unprintables() map[string]error {
	return map[string]error{
		"plain *Error": unprintableClass.New(reprRaises{}),
		"user's type":  &errorRaises{},
	}
}

// safeStrText matches safe_str's text for an Unprintable exception whose
// str raised KeyError('boom').
var safeStrText = regexp.MustCompile(`<Unprintable instance at 0x[0-9a-f]+ with str error:\n Traceback \(most recent call last\):\n(?s:.*)\nKeyError: 'boom'\n>`)

// printRecord formats r with slog's text and JSON handlers, as a program's
// logger would: neither must panic.
func printRecord(t *testing.T, r slog.Record) {
	t.Helper()
	for _, h := range []func(*bytes.Buffer) slog.Handler{
		func(b *bytes.Buffer) slog.Handler { return slog.NewTextHandler(b, nil) },
		func(b *bytes.Buffer) slog.Handler { return slog.NewJSONHandler(b, nil) },
	} {
		var b bytes.Buffer
		if err := h(&b).Handle(context.Background(), r); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), "Unprintable instance at 0x") {
			t.Errorf("the record prints as %s", b.String())
		}
	}
}

//go:noinline
func dropUnprintable(err error, debug bool) {
	d := New()
	d.SetDebug(debug)
	d.AddCallback(func(any) (any, error) { return nil, err })
	d.Callback(1)
}

// A Deferred collected with an unprintable failure is logged as Twisted
// logs it: the failure's message and traceback carry safe_str's text, and
// the records print with slog's handlers (the report runs on the
// runtime's cleanup goroutine, where a panic would end the program); with
// debugging, the debug info too.
func TestUnhandledUnprintableLogged(t *testing.T) {
	for name, err := range unprintables() {
		for _, debug := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s, debug %v", name, debug), func(t *testing.T) {
				c := captureUnhandled(t, "Unprintable instance at")
				dropUnprintable(err, debug)
				first := c.collect(t)
				second := <-c.records
				if first.Message != "Unhandled error in Deferred:" {
					t.Fatalf("record %q", first.Message)
				}
				tb := attr(second, "traceback")
				if !safeStrText.MatchString(tb) || !strings.HasPrefix(tb, "Traceback (most recent call last):\n") {
					t.Errorf("traceback %q", tb)
				}
				if debug != strings.HasPrefix(second.Message, "(debug:  I: First Invoker was:\n") {
					t.Errorf("message %q", second.Message)
				}
				printRecord(t, first)
				printRecord(t, second)
			})
		}
	}
}

// LogError logs an unprintable failure as it logs any other.
func TestLogErrorUnprintable(t *testing.T) {
	for name, err := range unprintables() {
		t.Run(name, func(t *testing.T) {
			f := twisted.NewFailure(err)
			var mu sync.Mutex
			var records []slog.Record
			prev := SetLogger(slog.New(recorder(func(r slog.Record) {
				// f's records alone: the runtime's cleanup goroutines may
				// log other tests' unhandled failures here meanwhile.
				if failureOf(r) == f {
					mu.Lock()
					records = append(records, r)
					mu.Unlock()
				}
			})))
			defer SetLogger(prev)
			if _, e := LogError(f); e != f {
				t.Fatalf("LogError returned %v", e)
			}
			mu.Lock()
			defer mu.Unlock()
			if len(records) != 1 || !safeStrText.MatchString(attr(records[0], "traceback")) {
				t.Fatalf("logged %v", records)
			}
			printRecord(t, records[0])
		})
	}
}

// failureOf returns the failure attribute of r, nil if it has none.
func failureOf(r slog.Record) *twisted.Failure {
	var f *twisted.Failure
	r.Attrs(func(a slog.Attr) bool {
		if a.Key == "failure" {
			f, _ = a.Value.Any().(*twisted.Failure)
		}
		return true
	})
	return f
}

// recorder is a slog.Handler that calls its function with each record.
type recorder func(slog.Record)

func (recorder) Enabled(context.Context, slog.Level) bool        { return true }
func (h recorder) WithAttrs([]slog.Attr) slog.Handler            { return h }
func (h recorder) WithGroup(string) slog.Handler                 { return h }
func (h recorder) Handle(_ context.Context, r slog.Record) error { h(r); return nil }

// FirstError's str is "FirstError[#index, str(subFailure)]", and the
// Failure's str prints an unprintable value as safe_str (Twisted 22.4:
// "FirstError[#3, [Failure instance: Traceback (failure with no frames):
// <class 'ValueError'>: <ValueError instance at 0x… with str error:…");
// its repr takes the repr of the value and raises with it, as Python's.
// A DeferredList's failure of it prints so too, and a Deferred holding it.
func TestFirstErrorOfUnprintable(t *testing.T) {
	for name, err := range unprintables() {
		t.Run(name, func(t *testing.T) {
			e := &FirstErrorValue{SubFailure: twisted.NewFailure(err), Index: 3}
			if s := e.Error(); !strings.HasPrefix(s, "FirstError[#3, [Failure instance: Traceback") || !safeStrText.MatchString(s) {
				t.Errorf("Error() = %q", s)
			}
			if _, ok := err.(*twisted.Error); ok {
				func() {
					defer func() {
						if v := recover(); v == nil || twisted.ClassOf(twisted.FailureFromPanic(v)) != twisted.KeyError {
							t.Errorf("PyRepr raised %v", v)
						}
					}()
					e.PyRepr()
				}()
			}
			d := DeferredList([]*Deferred{Fail(err)}, FireOnOneErrback, ConsumeErrors)
			var f *twisted.Failure
			d.AddErrback(func(g *twisted.Failure) (any, error) { f = g; return g, nil })
			if f == nil || f.Check(FirstError) == nil {
				t.Fatalf("the list fired with %v", f)
			}
			for _, s := range []string{f.GetErrorMessage(), f.Error(), twisted.Repr(f), f.GetTraceback(), twisted.Repr(d), d.String()} {
				if !safeStrText.MatchString(s) {
					t.Errorf("printed %q", s)
				}
			}
			d.AddErrback(func(*twisted.Failure) (any, error) { return nil, nil })
		})
	}
}
