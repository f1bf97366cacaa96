package deferred

import (
	"fmt"
	"strings"
	"testing"

	"github.com/twistedflow/twistedflow/twisted"
	"gotest.tools/v3/assert"
)

// Issue 15, defect 3: the repr of a Deferred whose result holds it was a
// fatal stack overflow. The expected forms are Twisted 22.4's (Python 3.11):
//
//	d = Deferred(); d.callback([d]); repr(d)
//	<Deferred at 0x7f… current result: [<Deferred at 0x7f… current result: [...]>]>
func TestDeferredReprContainingItself(t *testing.T) {
	d := New()
	d.Callback([]any{d})
	at := fmt.Sprintf("%p", d)
	want := "<Deferred at " + at + " current result: [<Deferred at " + at + " current result: [...]>]>"
	assert.Equal(t, d.String(), want)
	assert.Equal(t, twisted.Repr(d), want)
	assert.Equal(t, twisted.Str(d), want)

	// x = {}; x['k'] = d; d.callback(x)
	d = New()
	d.Callback(map[string]any{"k": d})
	at = fmt.Sprintf("%p", d)
	assert.Equal(t, d.String(), "<Deferred at "+at+" current result: {'k': <Deferred at "+at+" current result: {...}>}>")

	// l = []; t = (l,); l.append(d); d.callback(t)
	d = New()
	l := []any{nil}
	tu := twisted.Tuple{l}
	l[0] = d
	d.Callback(tu)
	at = fmt.Sprintf("%p", d)
	assert.Equal(t, d.String(), "<Deferred at "+at+" current result: ([<Deferred at "+at+" current result: (...)>],)>")

	// Two Deferreds holding each other through lists.
	a, b := New(), New()
	a.Callback([]any{b})
	b.Callback([]any{a})
	pa, pb := fmt.Sprintf("%p", a), fmt.Sprintf("%p", b)
	assert.Equal(t, a.String(), "<Deferred at "+pa+" current result: [<Deferred at "+pb+" current result: [<Deferred at "+pa+" current result: [...]>]>]>")
}

// d.Callback(d): Twisted 22.4 asserts the result is not a Deferred; this
// port takes it, as Twisted 24 does, whose repr then raises RecursionError.
// Repr writes the Deferred reached again inside its own repr as "...", as
// reprlib.recursive_repr does (a PORTING deviation).
func TestDeferredReprResultIsItself(t *testing.T) {
	d := New()
	d.Callback(d)
	at := fmt.Sprintf("%p", d)
	assert.Equal(t, d.String(), "<Deferred at "+at+" current result: ...>")
	assert.Equal(t, twisted.Repr([]any{d}), "[<Deferred at "+at+" current result: ...>]")
}

// A failure whose exception holds the Deferred that carries it: Twisted's
// repr of a Failure shows the message, and overflows into RecursionError;
// this port's writes "..." where the Deferred comes round again.
func TestDeferredReprFailureHoldingIt(t *testing.T) {
	d := New()
	d.Errback(twisted.ValueError.New(d))
	assert.Assert(t, strings.HasSuffix(d.String(), "current result: <twisted.python.failure.Failure builtins.ValueError: ...>>"), d.String())
	assert.Assert(t, strings.Contains(twisted.Str(d.Result()), "ValueError"))
	d.AddErrback(func(*twisted.Failure) (any, error) { return nil, nil })
}

// A FirstError whose sub-failure holds the DeferredList's own Deferred.
func TestFirstErrorReprCycle(t *testing.T) {
	d := New()
	fe := &FirstErrorValue{Index: 0}
	fe.SubFailure = twisted.NewFailure(twisted.ValueError.New(fe))
	d.Callback([]any{fe})
	// Python 2's repr of an exception writes its args tuple, which is
	// (...) where it comes round again.
	want := "FirstError[#0, ValueError(FirstError[#0, ValueError(...)],)]"
	assert.Equal(t, twisted.Repr(fe), want)
	assert.Assert(t, strings.Contains(d.String(), "["+want+"]"), d.String())
	got := fe.Error() // str(subFailure) holds str(fe) again: "..."
	assert.Assert(t, strings.HasPrefix(got, "FirstError[#0, [Failure instance: Traceback: <class 'ValueError'>: FirstError[#0, ...]\n"), got)
}
