package task

import (
	"errors"
	"testing"

	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// TestGlobalCooperator runs tasks on the global Cooperator, driving the
// default reactor with Iterate (it can Run only once in a process).
func TestGlobalCooperator(t *testing.T) {
	var log []int
	step := func(name int) Iterator {
		return FromSeq(func(yield func(any) bool) {
			for i := range 3 {
				log = append(log, name*10+i)
				if !yield(i) {
					return
				}
			}
		})
	}
	done := false
	Coiterate(step(1)).AddCallback(func(any) (any, error) { done = true; return nil, nil })
	task := Cooperate(step(2))
	r := reactor.Default()
	for end := r.Seconds() + 10; !done && r.Seconds() < end; {
		r.Iterate(0.01)
	}
	if !done || len(log) != 6 {
		t.Fatalf("done %v, log %v", done, log)
	}
	if err := task.Stop(); err == nil {
		t.Fatal("the second task is still running")
	}
}

// TestDeferLaterDefaultReactor: a nil clock is the default reactor.
func TestDeferLaterDefaultReactor(t *testing.T) {
	d := DeferLater(nil, 0, func() (any, error) { return "later", nil })
	r := reactor.Default()
	for end := r.Seconds() + 10; !d.Called() && r.Seconds() < end; {
		r.Iterate(0.01)
	}
	if got := d.Result(); got != "later" {
		t.Fatalf("result %#v, want \"later\"", got)
	}
}

func TestExitCode(t *testing.T) {
	for _, tt := range []struct {
		err  error
		want int
	}{
		{twisted.SystemExit.New(), 0},
		{twisted.SystemExit.New(nil), 0},
		{twisted.SystemExit.New(twisted.None), 0},
		{twisted.SystemExit.New(3), 3},
		{twisted.SystemExit.New("bye"), 1},
		// Python's bool is an int: Twisted 22.4's react exits 0 for
		// SystemExit(False) and 1 for SystemExit(True); a Go integer of
		// another type is a Python int too.
		{twisted.SystemExit.New(false), 0},
		{twisted.SystemExit.New(true), 1},
		{twisted.SystemExit.New(int64(4)), 4},
		{twisted.SystemExit.New(uint8(5)), 5},
		{twisted.SystemExit.New(2.0), 1},
	} {
		if got := exitCode(tt.err); got != tt.want {
			t.Errorf("exitCode(%v) = %d, want %d", tt.err, got, tt.want)
		}
	}
}

// TestLoopingCallLateInTime: at a time so large that the rest of the
// interval is lost when added to it, the next call is a whole interval
// away, as Twisted's "effectively zero" check does.
func TestLoopingCallLateInTime(t *testing.T) {
	lc := &LoopingCall{Interval: 1e-9, starttime: 0}
	if got := lc.howLong(1e9); got != 1e-9 {
		t.Fatalf("howLong = %v, want the interval", got)
	}
	if got := pyMod(-1, 3); got != 2 {
		t.Fatalf("pyMod(-1, 3) = %v, want 2 as Python's -1 %% 3", got)
	}
}

// Nil functions and iterators fail as Python's None does where a callable
// or an iterator is expected.
func TestNilFunctions(t *testing.T) {
	clock := NewClock()
	c := NewCooperator(WithScheduler(func(f func()) Cancellable { return clock.CallLater(0, f) }))
	var got []string
	note := func(r any) (any, error) {
		got = append(got, twisted.Repr(r.(*twisted.Failure).Value))
		return nil, nil
	}
	c.Cooperate(nil).WhenDone().AddErrback(func(f *twisted.Failure) (any, error) { return note(f) })
	(&LoopingCall{Clock: clock}).Start(1, true).AddErrback(func(f *twisted.Failure) (any, error) { return note(f) })
	clock.Advance(0)
	want := []string{
		`TypeError("'NoneType' object is not callable",)`,
		`TypeError("'NoneType' object is not an iterator",)`,
	}
	if len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("got %q, want %q", got, want)
	}
	defer func() {
		if err, _ := recover().(error); !errors.Is(err, twisted.TypeError) {
			t.Errorf("React with a nil Deferred: recovered %v, want a TypeError", err)
		}
	}()
	React(func(Reactor) *deferred.Deferred { return nil }, reactor.New())
}
