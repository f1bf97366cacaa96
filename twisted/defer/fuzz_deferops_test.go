package deferred_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
)

// Operation sequences over up to three Deferreds, in the language of
// conformance/deferops (its testdata/deferops.py runs them under Twisted):
// an op is a verb, the index of the Deferred it acts on, and an argument:
// how a callback ends ("ret", "raise", "fail", "trap", "pass", or "dJ" to
// return Deferred J) or, for "chain", the target's index. Deferreds of odd
// index have a canceller that only prints. FuzzDeferredOps runs random
// sequences over package deferred and over fzD, a transcription of
// Twisted's Deferred; TestDeferredOpsModelMatchesTwisted checks the model
// against Twisted's recorded traces.

// fzOp is one operation.
type fzOp struct {
	verb string
	i    int
	how  string // callbacks: how they end
	j    int    // chain: the target
}

// fzProgram is a sequence of operations over n Deferreds.
type fzProgram struct {
	n   int
	ops []fzOp
}

// fzDecodeProgram reads a program from fuzz bytes: the first byte gives the
// number of Deferreds, then each op takes two bytes (verb and Deferred,
// then argument). Unlike conformance/deferops' generator, a callback may
// return the Deferred it is attached to (the model then runs as Twisted
// with warnings as errors, the port's documented behaviour); as there,
// nothing chains a Deferred to itself, and "trap" is only an errback's,
// as Failure.trap needs a failure.
func fzDecodeProgram(data []byte) fzProgram {
	if len(data) == 0 {
		return fzProgram{n: 1}
	}
	p := fzProgram{n: 1 + int(data[0])%3}
	data = data[1:]
	for len(data) >= 2 && len(p.ops) < 40 {
		a, b := data[0], data[1]
		data = data[2:]
		op := fzOp{i: int(a>>4) % p.n}
		other := (op.i + 1 + int(b>>4)%max(1, p.n-1)) % p.n // never op.i when n > 1
		hows := []string{"ret", "raise", "fail", "pass", "trap", "d", "d"}
		how := hows[int(b&15)%len(hows)]
		if how == "d" {
			how = fmt.Sprintf("d%d", other)
			if b&15 >= 12 { // the Deferred the callback is attached to
				how = fmt.Sprintf("d%d", op.i)
			}
		}
		switch a & 15 {
		case 0, 1, 2:
			op.verb = "cb"
		case 3, 4:
			op.verb = "eb"
		case 5:
			op.verb = "both"
		case 6, 7:
			op.verb = "pause"
		case 8, 9:
			op.verb = "unpause"
		case 10, 11:
			op.verb = "callback"
		case 12:
			op.verb = "errback"
		case 13, 14:
			op.verb, op.j = "chain", other
			if p.n == 1 { // a Deferred chained to itself: left out, as in deferops
				op.verb = "callback"
			}
		default:
			op.verb = "cancel"
		}
		if op.verb == "cb" || op.verb == "eb" || op.verb == "both" {
			op.how = how
			if how == "trap" && op.verb != "eb" {
				op.how = "pass"
			}
		}
		p.ops = append(p.ops, op)
	}
	return p
}

// fzLabel is the op's label in the traces: d<i>#<k>.
func fzLabel(op fzOp, k int) string { return fmt.Sprintf("d%d#%d", op.i, k) }

// fzRunPort runs the program over package deferred, as
// conformance/deferops/interp_test.go does, and prints a RecursionError
// as the model does: Cancel panics with one on a cycle of Deferreds
// waiting on each other, where Twisted's recursion runs out.
func fzRunPort(p fzProgram) []string {
	var out []string
	printf := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }
	var ds []*deferred.Deferred
	names := map[*deferred.Deferred]string{}
	show := func(x any) string {
		switch v := x.(type) {
		case nil:
			return "None"
		case *twisted.Failure:
			return fmt.Sprintf("Failure(%s: %s)", v.Type.Name(), v.GetErrorMessage())
		case *deferred.Deferred:
			return "<Deferred " + names[v] + ">"
		}
		return twisted.Repr(x)
	}
	callback := func(label, how string) func(any) (any, error) {
		return func(result any) (any, error) {
			printf("%s %s", label, show(result))
			switch how {
			case "ret":
				return label, nil
			case "raise":
				return nil, twisted.ValueError.New(label)
			case "fail":
				return twisted.NewFailure(twisted.KeyError.New(label)), nil
			case "trap":
				result.(*twisted.Failure).Trap(twisted.KeyError)
				return label + " trapped", nil
			case "pass":
				return result, nil
			}
			j, _ := strconv.Atoi(how[1:])
			return ds[j], nil
		}
	}
	for i := range p.n {
		name := fmt.Sprintf("d%d", i)
		d := deferred.New()
		if i%2 == 1 {
			d = deferred.NewWithCanceller(func(*deferred.Deferred) { printf("%s canceller", name) })
		}
		names[d] = name
		ds = append(ds, d)
	}
	for k, op := range p.ops {
		d, label := ds[op.i], fzLabel(op, k)
		func() {
			defer func() {
				if v := recover(); v != nil {
					class := twisted.FailureFromPanic(v).Check(deferred.AlreadyCalledError, twisted.RecursionError)
					if class == nil {
						panic(v)
					}
					printf("%s %s %s", label, op.verb, class.Name())
				}
			}()
			switch op.verb {
			case "cb":
				d.AddCallback(callback(label+".cb", op.how))
			case "eb":
				cb := callback(label+".eb", op.how)
				d.AddErrback(func(f *twisted.Failure) (any, error) { return cb(f) })
			case "both":
				d.AddBoth(callback(label+".both", op.how))
			case "pause":
				d.Pause()
			case "unpause":
				d.Unpause()
			case "callback":
				d.Callback(fmt.Sprintf("v%d", k))
			case "errback":
				d.Errback(twisted.ValueError.New(fmt.Sprintf("e%d", k)))
			case "chain":
				d.ChainDeferred(ds[op.j])
			case "cancel":
				d.Cancel()
			}
		}()
	}
	for i, d := range ds {
		printf("d%d called=%s paused=%d result=%s", i, fzPyBool(d.Called()), d.Paused(), show(d.Result()))
	}
	return out
}

func fzPyBool(b bool) string {
	if b {
		return "True"
	}
	return "False"
}

// fzFailure is a Failure in the model: its class name and message.
type fzFailure struct{ typ, msg string }

// fzRaise is a Python exception being raised through the model (a panic).
type fzRaise struct{ f *fzFailure }

// fzCall is one callback or errback of a pair; cont marks _CONTINUE, the
// pair a waiting Deferred leaves on the one it waits on.
type fzCall struct {
	fn   func(result any) any
	cont *fzD
}

// fzD is Twisted's Deferred (src/twisted/internet/defer.py at HEAD),
// reduced to what the programs use. result is nil (None), a string,
// a *fzFailure or a *fzD.
//
// When warningsAreErrors is set, a callback that returns the Deferred it
// is attached to raises DeprecationWarning (warnAboutFunction under
// python -W error::DeprecationWarning), which the port does by design;
// otherwise it only warns, and the Deferred waits on itself.
type fzD struct {
	warningsAreErrors     bool
	name                  string
	callbacks             [][2]fzCall
	called                bool
	paused                int
	result                any
	runningCallbacks      bool
	suppressAlreadyCalled bool
	canceller             func(*fzD)
}

func fzRaiseAlreadyCalled() { panic(fzRaise{&fzFailure{"AlreadyCalledError", ""}}) }

func (d *fzD) addCallbacks(cb, eb fzCall) {
	d.callbacks = append(d.callbacks, [2]fzCall{cb, eb})
	if d.called {
		d.runCallbacks()
	}
}

func (d *fzD) callback(result any) { d.startRunCallbacks(result) }

func (d *fzD) errback(f *fzFailure) { d.startRunCallbacks(f) }

func (d *fzD) chainDeferred(other *fzD) {
	d.addCallbacks(fzCall{fn: func(r any) any { other.callback(r); return nil }},
		fzCall{fn: func(r any) any { other.callback(r); return nil }}) // errback(failure) is callback(failure)
}

func (d *fzD) pause() { d.paused++ }

func (d *fzD) unpause() {
	d.paused--
	if d.paused != 0 {
		return
	}
	if d.called {
		d.runCallbacks()
	}
}

func (d *fzD) cancel() {
	if !d.called {
		if d.canceller != nil {
			d.canceller(d)
		} else {
			// Eat the callback that will eventually be fired, since
			// there was no real canceller.
			d.suppressAlreadyCalled = true
		}
		if !d.called {
			d.errback(&fzFailure{"CancelledError", ""})
		}
	} else if waited, ok := d.result.(*fzD); ok {
		waited.cancel()
	}
}

func (d *fzD) startRunCallbacks(result any) {
	if d.called {
		if d.suppressAlreadyCalled {
			d.suppressAlreadyCalled = false
			return
		}
		fzRaiseAlreadyCalled()
	}
	d.called = true
	d.canceller = nil
	d.result = result
	d.runCallbacks()
}

// runCallbacks is _runCallbacks: chained Deferreds are run by a loop over
// a stack, not by recursion.
func (d *fzD) runCallbacks() {
	if d.runningCallbacks {
		return
	}
	chain := []*fzD{d}
	for len(chain) > 0 {
		current := chain[len(chain)-1]
		if current.paused != 0 {
			return
		}
		finished := true
		for len(current.callbacks) > 0 {
			item := current.callbacks[0]
			current.callbacks = current.callbacks[1:]
			call := item[0]
			if _, failed := current.result.(*fzFailure); failed {
				call = item[1]
			}
			if call.cont != nil {
				chainee := call.cont
				chainee.result = current.result
				current.result = nil
				chainee.paused--
				chain = append(chain, chainee)
				finished = false
				break
			}
			if raised := current.call(call.fn); raised != nil {
				current.result = raised
				continue
			}
			waited, ok := current.result.(*fzD)
			if !ok {
				continue
			}
			if !waited.called || fzIsD(waited.result) || waited.paused != 0 {
				current.pause()
				waited.callbacks = append(waited.callbacks, [2]fzCall{{cont: current}, {cont: current}})
				break
			}
			current.result, waited.result = waited.result, nil
		}
		if finished {
			chain = chain[:len(chain)-1]
		}
	}
}

// call runs a callback with the current result and stores what it returns,
// or returns the failure it raised.
func (d *fzD) call(fn func(any) any) (raised *fzFailure) {
	defer func() {
		d.runningCallbacks = false
		if v := recover(); v != nil {
			r, ok := v.(fzRaise)
			if !ok {
				panic(v)
			}
			raised = r.f
		}
	}()
	d.runningCallbacks = true
	d.result = fn(d.result)
	if d.result == any(d) && d.warningsAreErrors {
		panic(fzRaise{&fzFailure{"DeprecationWarning", "Callback returned the Deferred it was attached to; " +
			"this breaks the callback chain and will raise an exception in the future."}})
	}
	return nil
}

func fzIsD(v any) bool { _, ok := v.(*fzD); return ok }

// cancelLoops reports whether cancel would recurse forever: d and the
// Deferreds it waits on lead to a cycle of Deferreds waiting on each other.
func (d *fzD) cancelLoops() bool {
	seen := map[*fzD]bool{}
	for d.called && !seen[d] {
		seen[d] = true
		next, ok := d.result.(*fzD)
		if !ok {
			return false
		}
		d = next
	}
	return d.called
}

// fzRunModel runs the program over the model, printing what
// deferops.py prints. A cancel that would recurse forever raises
// RecursionError in Twisted (and changes nothing); the model prints that
// as deferops.py prints an AlreadyCalledError.
func fzRunModel(p fzProgram, warningsAreErrors bool) (out []string) {
	printf := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }
	var ds []*fzD
	show := func(x any) string {
		switch v := x.(type) {
		case nil:
			return "None"
		case *fzFailure:
			return fmt.Sprintf("Failure(%s: %s)", v.typ, v.msg)
		case *fzD:
			return "<Deferred " + v.name + ">"
		}
		return twisted.Repr(x)
	}
	callback := func(label, how string) func(any) any {
		return func(result any) any {
			printf("%s %s", label, show(result))
			switch how {
			case "ret":
				return label
			case "raise":
				panic(fzRaise{&fzFailure{"ValueError", label}})
			case "fail":
				return &fzFailure{"KeyError", twisted.Repr(label)}
			case "trap":
				if f := result.(*fzFailure); f.typ != "KeyError" {
					panic(fzRaise{f})
				}
				return label + " trapped"
			case "pass":
				return result
			}
			j, _ := strconv.Atoi(how[1:])
			return ds[j]
		}
	}
	for i := range p.n {
		d := &fzD{name: fmt.Sprintf("d%d", i), warningsAreErrors: warningsAreErrors}
		if i%2 == 1 {
			d.canceller = func(d *fzD) { printf("%s canceller", d.name) }
		}
		ds = append(ds, d)
	}
	for k, op := range p.ops {
		d, label := ds[op.i], fzLabel(op, k)
		if op.verb == "cancel" && d.cancelLoops() {
			printf("%s %s RecursionError", label, op.verb)
			continue
		}
		func() {
			defer func() {
				if v := recover(); v != nil {
					if r, ok := v.(fzRaise); !ok || r.f.typ != "AlreadyCalledError" {
						panic(v)
					}
					printf("%s %s AlreadyCalledError", label, op.verb)
				}
			}()
			switch op.verb {
			case "cb":
				fn := callback(label+".cb", op.how)
				d.addCallbacks(fzCall{fn: fn}, fzCall{fn: func(r any) any { return r }})
			case "eb":
				fn := callback(label+".eb", op.how)
				d.addCallbacks(fzCall{fn: func(r any) any { return r }}, fzCall{fn: fn})
			case "both":
				fn := callback(label+".both", op.how)
				d.addCallbacks(fzCall{fn: fn}, fzCall{fn: fn})
			case "pause":
				d.pause()
			case "unpause":
				d.unpause()
			case "callback":
				d.callback(fmt.Sprintf("v%d", k))
			case "errback":
				d.errback(&fzFailure{"ValueError", fmt.Sprintf("e%d", k)})
			case "chain":
				d.chainDeferred(ds[op.j])
			case "cancel":
				d.cancel()
			}
		}()
	}
	for i, d := range ds {
		printf("d%d called=%s paused=%d result=%s", i, fzPyBool(d.called), d.paused, show(d.result))
	}
	return out
}

func fzQuietLog(tb testing.TB) {
	prev := deferred.SetLogger(slog.New(slog.NewTextHandler(io.Discard, nil)))
	tb.Cleanup(func() { deferred.SetLogger(prev) })
}

// fzDiff returns the first line where two traces differ, or "".
func fzDiff(want, got []string) string {
	for i := range max(len(want), len(got)) {
		var w, g string
		if i < len(want) {
			w = want[i]
		}
		if i < len(got) {
			g = got[i]
		}
		if w != g {
			return fmt.Sprintf("line %d: want %q, got %q\nwant:\n  %s\ngot:\n  %s",
				i+1, w, g, strings.Join(want, "\n  "), strings.Join(got, "\n  "))
		}
	}
	return ""
}

// TestDeferredOpsModelMatchesTwisted runs conformance/deferops' programs
// through the model and compares with the traces Twisted printed for
// them (testdata/traces.golden there, recorded with python3-twisted).
func TestDeferredOpsModelMatchesTwisted(t *testing.T) {
	const dir = "../../conformance/deferops/testdata/"
	b, err := os.ReadFile(dir + "programs.json")
	if err != nil {
		t.Fatal(err)
	}
	var programs []struct {
		ID  int     `json:"id"`
		N   int     `json:"n"`
		Ops [][]any `json:"ops"`
	}
	if err := json.Unmarshal(b, &programs); err != nil {
		t.Fatal(err)
	}
	golden, err := os.Open(dir + "traces.golden")
	if err != nil {
		t.Fatal(err)
	}
	defer golden.Close()
	traces := map[int][]string{}
	id := -1
	sc := bufio.NewScanner(golden)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "=== "); ok {
			if id, err = strconv.Atoi(rest); err != nil {
				t.Fatal(err)
			}
			traces[id] = []string{}
			continue
		}
		traces[id] = append(traces[id], sc.Text())
	}
	if len(programs) != 400 || len(traces) != 400 {
		t.Fatalf("%d programs, %d traces; want 400 of each", len(programs), len(traces))
	}
	for _, prog := range programs {
		p := fzProgram{n: prog.N}
		for _, o := range prog.Ops {
			op := fzOp{verb: o[0].(string), i: int(o[1].(float64))}
			switch arg := o[len(o)-1].(type) {
			case string:
				op.how = arg
			case float64:
				if op.verb == "chain" {
					op.j = int(arg)
				}
			}
			p.ops = append(p.ops, op)
		}
		if got := fzRunModel(p, false); fzDiff(traces[prog.ID], got) != "" {
			t.Errorf("program %d: the model differs from Twisted: %s", prog.ID, fzDiff(traces[prog.ID], got))
		}
	}
}

// TestDeferredOpsModelWarningsAsErrors checks the model's warnings-as-errors
// mode on programs whose callbacks return the Deferred they are attached
// to, directly or by a chain, against Twisted 22.4 run with
// /usr/bin/python3 -W error::DeprecationWarning
// conformance/deferops/testdata/deferops.py (traces recorded from it).
func TestDeferredOpsModelWarningsAsErrors(t *testing.T) {
	const warning = "Failure(DeprecationWarning: Callback returned the Deferred it was attached to; " +
		"this breaks the callback chain and will raise an exception in the future.)"
	cases := []struct {
		p      fzProgram
		python []string
	}{
		{fzProgram{2, []fzOp{{verb: "callback", i: 0}, {verb: "cb", i: 1, how: "d0"}, {verb: "cb", i: 0, how: "d1"},
			{verb: "eb", i: 0, how: "ret"}, {verb: "callback", i: 1}, {verb: "unpause", i: 1}}}, []string{
			"d0#2.cb 'v0'",
			"d1#1.cb 'v4'",
			"d0 called=True paused=0 result=None",
			"d1 called=True paused=-1 result=" + warning,
		}},
		{fzProgram{1, []fzOp{{verb: "cb", i: 0, how: "d0"}, {verb: "eb", i: 0, how: "ret"}, {verb: "callback", i: 0},
			{verb: "cb", i: 0, how: "pass"}}}, []string{
			"d0#0.cb 'v2'",
			"d0#1.eb " + warning,
			"d0#3.cb 'd0#1.eb'",
			"d0 called=True paused=0 result='d0#1.eb'",
		}},
		{fzProgram{2, []fzOp{{verb: "both", i: 1, how: "d1"}, {verb: "pause", i: 1}, {verb: "callback", i: 1},
			{verb: "both", i: 1, how: "ret"}, {verb: "unpause", i: 1}, {verb: "cancel", i: 1}}}, []string{
			"d1#0.both 'v2'",
			"d1#3.both " + warning,
			"d0 called=False paused=0 result=None",
			"d1 called=True paused=0 result='d1#3.both'",
		}},
	}
	for i, c := range cases {
		got := fzRunModel(c.p, true)
		if diff := fzDiff(c.python, got); diff != "" {
			t.Errorf("case %d: the model differs from Twisted: %s", i, diff)
		}
	}
}

// TestDeferredOpsModelRecursion checks the model and the port on cancels
// of cycles of Deferreds waiting on each other, against Twisted 22.4 run
// with /usr/bin/python3 conformance/deferops/testdata/deferops.py altered
// to print a RecursionError as it prints an AlreadyCalledError.
func TestDeferredOpsModelRecursion(t *testing.T) {
	fzQuietLog(t)
	cases := []struct {
		p      fzProgram
		python []string
	}{
		{fzProgram{2, []fzOp{{verb: "cb", i: 0, how: "d1"}, {verb: "cb", i: 1, how: "d0"}, {verb: "callback", i: 0},
			{verb: "callback", i: 1}, {verb: "cancel", i: 0}, {verb: "cancel", i: 1}}}, []string{
			"d0#0.cb 'v2'",
			"d1#1.cb 'v3'",
			"d0#4 cancel RecursionError",
			"d1#5 cancel RecursionError",
			"d0 called=True paused=1 result=<Deferred d1>",
			"d1 called=True paused=1 result=<Deferred d0>",
		}},
		{fzProgram{3, []fzOp{{verb: "cb", i: 1, how: "d2"}, {verb: "cb", i: 2, how: "d1"}, {verb: "cb", i: 0, how: "d1"},
			{verb: "callback", i: 1}, {verb: "callback", i: 2}, {verb: "callback", i: 0}, {verb: "cancel", i: 0}}}, []string{
			"d1#0.cb 'v3'",
			"d2#1.cb 'v4'",
			"d0#2.cb 'v5'",
			"d0#6 cancel RecursionError",
			"d0 called=True paused=1 result=<Deferred d1>",
			"d1 called=True paused=1 result=<Deferred d2>",
			"d2 called=True paused=1 result=<Deferred d1>",
		}},
	}
	for i, c := range cases {
		if diff := fzDiff(c.python, fzRunModel(c.p, false)); diff != "" {
			t.Errorf("case %d: the model differs from Twisted: %s", i, diff)
		}
		if diff := fzDiff(c.python, fzRunPort(c.p)); diff != "" {
			t.Errorf("case %d: package deferred differs from Twisted: %s", i, diff)
		}
	}
}

// FuzzDeferredOps runs random operation sequences over package deferred
// and over the model of Twisted's Deferred (warnings as errors): the traces
// must be equal.
func FuzzDeferredOps(f *testing.F) {
	fzQuietLog(f)
	f.Add([]byte{0, 0x0a, 0, 0x00, 0x00, 0x03, 0x04})          // callback, then cb ret, eb trap
	f.Add([]byte{1, 0x00, 0x05, 0x10, 0x00, 0x1a, 0, 0x0a, 0}) // d0 cb returns d1; fire d1 then d0
	f.Add([]byte{2, 0x06, 0, 0x0a, 0, 0x00, 0x01, 0x08, 0, 0x08, 0})
	f.Add([]byte{2, 0x0d, 0x00, 0x1f, 0x00, 0x0f, 0x00, 0x1a, 0x00}) // chain, cancel both, fire
	f.Add([]byte{1, 0x1f, 0, 0x1a, 0, 0x1c, 0, 0x0f, 0, 0x0a, 0})    // cancel without and with a canceller, fire again
	f.Add([]byte{2, 0x00, 0x15, 0x10, 0x05, 0x20, 0x05, 0x0a, 0, 0x1a, 0, 0x2a, 0})
	f.Add([]byte{1, 0x0a, 0, 0x10, 0x05, 0x00, 0x05, 0x03, 0, 0x1a, 0, 0x18, 0}) // d0 and d1 wait on each other, d0 on itself
	f.Add([]byte{0, 0x00, 0x0c, 0x03, 0, 0x0a, 0, 0x00, 0x03})                   // a callback returns its own Deferred
	// Cancel on a cycle of Deferreds waiting on each other: RecursionError
	// (the port's stack overflowed: a bug this target found).
	f.Add([]byte{1, 0x00, 0x05, 0x10, 0x05, 0x0a, 0, 0x1a, 0, 0x0f, 0, 0x1f, 0})
	f.Add([]byte{2, 0x10, 0x05, 0x20, 0x15, 0x00, 0x05, 0x1a, 0, 0x2a, 0, 0x0a, 0, 0x0f, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		p := fzDecodeProgram(data)
		want := fzRunModel(p, true)
		got := fzRunPort(p)
		if diff := fzDiff(want, got); diff != "" {
			t.Fatalf("program %+v: package deferred differs from the model of Twisted: %s", p, diff)
		}
	})
}
