package reactor

import (
	"errors"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/twistedflow/twistedflow/twisted"
)

func TestClockSeconds(t *testing.T) {
	c := NewClock()
	if got := c.Seconds(); got != 0 {
		t.Errorf("Seconds() = %v, want 0", got)
	}
	c.Advance(1.5)
	if got := c.Seconds(); got != 1.5 {
		t.Errorf("Seconds() after Advance(1.5) = %v, want 1.5", got)
	}
}

func TestClockCallLater(t *testing.T) {
	c := NewClock()
	call := c.CallLater(1, func() {})
	if got := call.GetTime(); got != 1 {
		t.Errorf("GetTime() = %v, want 1", got)
	}
	if !call.Active() || call.Called() || call.Cancelled() {
		t.Errorf("new call: Active=%v Called=%v Cancelled=%v, want true false false", call.Active(), call.Called(), call.Cancelled())
	}
	if other := c.CallLater(1, func() {}); other == call {
		t.Error("CallLater returned a DelayedCall previously created")
	}
}

func TestClockAdvance(t *testing.T) {
	var events []string
	c := NewClock()
	call := c.CallLater(2, func() { events = append(events, "fired") })
	c.Advance(1)
	if len(events) != 0 {
		t.Fatalf("call ran after 1s of 2: %v", events)
	}
	c.Advance(1)
	if diff := cmp.Diff([]string{"fired"}, events); diff != "" {
		t.Fatalf("events (-want +got):\n%s", diff)
	}
	if call.Active() || !call.Called() {
		t.Errorf("after running: Active=%v Called=%v, want false true", call.Active(), call.Called())
	}
}

func TestClockCancel(t *testing.T) {
	c := NewClock()
	ran := false
	call := c.CallLater(1, func() { ran = true })
	if err := call.Cancel(); err != nil {
		t.Fatalf("Cancel() = %v", err)
	}
	if call.Active() || !call.Cancelled() {
		t.Errorf("after Cancel: Active=%v Cancelled=%v, want false true", call.Active(), call.Cancelled())
	}
	if n := len(c.GetDelayedCalls()); n != 0 {
		t.Errorf("GetDelayedCalls has %d calls after Cancel, want 0", n)
	}
	c.Advance(10)
	if ran {
		t.Error("cancelled call ran")
	}
}

// The errors carry Twisted's classes and messages: str(AlreadyCalled())
// is "Tried to cancel an already-called event." in
// twisted/internet/error.py.
func TestDelayedCallErrors(t *testing.T) {
	c := NewClock()
	cancelled := c.CallLater(1, func() {})
	if err := cancelled.Cancel(); err != nil {
		t.Fatal(err)
	}
	called := c.CallLater(1, func() {})
	c.Advance(1)

	tests := []struct {
		name  string
		err   error
		class *twisted.Class
		msg   string
	}{
		{"Cancel cancelled", cancelled.Cancel(), AlreadyCancelled, "Tried to cancel an already-cancelled event."},
		{"Reset cancelled", cancelled.Reset(1), AlreadyCancelled, "Tried to cancel an already-cancelled event."},
		{"Delay cancelled", cancelled.Delay(1), AlreadyCancelled, "Tried to cancel an already-cancelled event."},
		{"Cancel called", called.Cancel(), AlreadyCalled, "Tried to cancel an already-called event."},
		{"Reset called", called.Reset(1), AlreadyCalled, "Tried to cancel an already-called event."},
		{"Delay called", called.Delay(1), AlreadyCalled, "Tried to cancel an already-called event."},
	}
	for _, tt := range tests {
		var e *twisted.Error
		if !errors.As(tt.err, &e) || e.Class != tt.class {
			t.Errorf("%s: error %#v, want a %v", tt.name, tt.err, tt.class)
			continue
		}
		if !errors.Is(tt.err, twisted.ValueError) {
			t.Errorf("%s: %v is not a ValueError", tt.name, tt.err)
		}
		if got := tt.err.Error(); got != tt.msg {
			t.Errorf("%s: Error() = %q, want %q", tt.name, got, tt.msg)
		}
		// Raised without arguments, as in Python.
		if got, want := twisted.Repr(tt.err), tt.class.Name()+"()"; got != want {
			t.Errorf("%s: Repr = %s, want %s", tt.name, got, want)
		}
	}
}

// str(AlreadyCalled("a", "b")) is "Tried to cancel an already-called
// event: a b." in Twisted.
func TestAlreadyCalledWithArgs(t *testing.T) {
	if got, want := AlreadyCalled.New("a", "b").Error(), "Tried to cancel an already-called event: a b."; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	f := twisted.NewFailure(AlreadyCancelled.New())
	if got, want := f.Error(), "AlreadyCancelled: Tried to cancel an already-cancelled event."; got != want {
		t.Errorf("Failure.Error() = %q, want %q", got, want)
	}
}

func TestErrorClasses(t *testing.T) {
	tests := []struct {
		class, parent *twisted.Class
		repr          string
	}{
		{AlreadyCalled, twisted.ValueError, "<class 'twisted.internet.error.AlreadyCalled'>"},
		{AlreadyCancelled, twisted.ValueError, "<class 'twisted.internet.error.AlreadyCancelled'>"},
		{ReactorNotRunning, twisted.RuntimeError, "<class 'twisted.internet.error.ReactorNotRunning'>"},
		{ReactorAlreadyRunning, twisted.RuntimeError, "<class 'twisted.internet.error.ReactorAlreadyRunning'>"},
		{ReactorNotRestartable, twisted.RuntimeError, "<class 'twisted.internet.error.ReactorNotRestartable'>"},
	}
	for _, tt := range tests {
		if tt.class.Parent() != tt.parent {
			t.Errorf("%v derives from %v, want %v", tt.class, tt.class.Parent(), tt.parent)
		}
		if got := twisted.Repr(tt.class); got != tt.repr {
			t.Errorf("Repr = %s, want %s", got, tt.repr)
		}
	}
}

// testAdvanceCancel: a call that cancels itself while it runs gets
// AlreadyCalled, because it is marked called before it runs.
func TestClockCancelInsideCall(t *testing.T) {
	c := NewClock()
	var call *DelayedCall
	var err error
	call = c.CallLater(1, func() { err = call.Cancel() })
	c.Advance(1)
	if !errors.Is(err, AlreadyCalled) {
		t.Errorf("Cancel inside the call = %v, want AlreadyCalled", err)
	}
}

func TestClockDelayAndReset(t *testing.T) {
	c := NewClock()
	var events []float64
	record := func() { events = append(events, c.Seconds()) }

	delayed := c.CallLater(1, record)
	if err := delayed.Delay(1); err != nil {
		t.Fatal(err)
	}
	if got := delayed.GetTime(); got != 2 {
		t.Errorf("GetTime after Delay(1) = %v, want 2", got)
	}
	later := c.CallLater(2, record)
	c.Advance(1)
	if err := later.Reset(3); err != nil { // now 1: due at 4
		t.Fatal(err)
	}
	if got := later.GetTime(); got != 4 {
		t.Errorf("GetTime after Reset(3) at 1 = %v, want 4", got)
	}
	sooner := c.CallLater(4, record) // due at 5
	if err := sooner.Reset(2); err != nil {
		t.Fatal(err)
	}
	if got := sooner.GetTime(); got != 3 {
		t.Errorf("GetTime after Reset(2) at 1 = %v, want 3", got)
	}
	back := c.CallLater(10, record) // due at 11
	if err := back.Delay(-8.5); err != nil {
		t.Fatal(err)
	}
	c.Pump([]float64{0.5, 0.5, 0.5, 0.5, 0.5, 0.5})
	if diff := cmp.Diff([]float64{2, 2.5, 3, 4}, events); diff != "" {
		t.Errorf("times the calls ran (-want +got):\n%s", diff)
	}
}

// A call scheduled by a running call and already due runs in the same
// Advance, after the calls due before it.
func TestClockCallScheduledDuringAdvance(t *testing.T) {
	c := NewClock()
	var got []string
	c.CallLater(1, func() {
		got = append(got, "a")
		c.CallLater(0, func() { got = append(got, "a+0") })
		c.CallLater(-1, func() { got = append(got, "a-1") })
		c.CallLater(0.5, func() { got = append(got, "a+0.5") })
	})
	c.CallLater(1, func() { got = append(got, "b") })
	c.CallLater(2, func() { got = append(got, "c") })
	c.Advance(1)
	want := []string{"a", "a-1", "b", "a+0"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("order (-want +got):\n%s", diff)
	}
	c.Advance(1)
	want = append(want, "a+0.5", "c")
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("order (-want +got):\n%s", diff)
	}
}

// A call may advance the clock itself: the nested Advance runs what falls
// due, and the outer one goes on with what is left.
func TestClockReentrantAdvance(t *testing.T) {
	c := NewClock()
	var got []float64
	record := func() { got = append(got, c.Seconds()) }
	c.CallLater(1, func() { record(); c.Advance(1) })
	c.CallLater(2, record)
	c.CallLater(3, record)
	c.Advance(1)
	if diff := cmp.Diff([]float64{1, 2}, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	c.Advance(1)
	if diff := cmp.Diff([]float64{1, 2, 3}, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// A panic in a call propagates out of Advance, as the exception does in
// Twisted; the clock is left usable and the other calls stay scheduled.
func TestClockPanicPropagates(t *testing.T) {
	c := NewClock()
	boom := c.CallLater(1, func() { panic("boom") })
	ran := false
	c.CallLater(1, func() { ran = true })
	func() {
		defer func() {
			if v := recover(); v != "boom" {
				t.Errorf("recovered %v, want boom", v)
			}
		}()
		c.Advance(1)
	}()
	if !boom.Called() || ran {
		t.Fatalf("after the panic: first Called=%v, second ran=%v; want true false", boom.Called(), ran)
	}
	c.Advance(0)
	if !ran {
		t.Error("the call after the panicking one did not run on the next Advance")
	}
}

func TestClockGetDelayedCalls(t *testing.T) {
	c := NewClock()
	if got := c.GetDelayedCalls(); got == nil || len(got) != 0 {
		t.Errorf("GetDelayedCalls() on a new clock = %#v, want an empty list", got)
	}
	a := c.CallLater(2, func() {})
	b := c.CallLater(1, func() {})
	d := c.CallLater(2, func() {})
	if got := c.GetDelayedCalls(); !slices.Equal(got, []*DelayedCall{b, a, d}) {
		t.Errorf("GetDelayedCalls() = %v, want [b a d] = %v", got, []*DelayedCall{b, a, d})
	}
}

func TestDelayedCallString(t *testing.T) {
	c := NewClock()
	call := c.CallLater(4.5, tick)
	s := call.String()
	if !strings.HasPrefix(s, "<DelayedCall 0x") || !strings.HasSuffix(s, " [4.5s] called=0 cancelled=0 github.com/twistedflow/twistedflow/twisted/reactor.tick()>") {
		t.Errorf("String() = %q", s)
	}
	call.Cancel()
	if s := call.String(); !strings.HasSuffix(s, " [4.5s] called=0 cancelled=1>") {
		t.Errorf("String() after Cancel = %q", s)
	}
}

func tick() {}

// Misuse from several goroutines does not race (go test -race): every call
// is either run once or cancelled.
func TestClockConcurrentUse(t *testing.T) {
	c := NewClock()
	const goroutines, each = 8, 200
	var mu sync.Mutex
	ran := map[int]int{}
	cancelled := map[int]bool{}
	var wg sync.WaitGroup
	for g := range goroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				id := g*each + i
				call := c.CallLater(float64(i%7), func() { mu.Lock(); ran[id]++; mu.Unlock() })
				switch i % 4 {
				case 0:
					if call.Cancel() == nil {
						mu.Lock()
						cancelled[id] = true
						mu.Unlock()
					}
				case 1:
					call.Reset(float64(i % 3))
				case 2:
					call.Delay(1)
				}
				if i%50 == 0 {
					c.Advance(0.5)
				}
			}
		}()
	}
	wg.Wait()
	c.Advance(100)
	for id := range goroutines * each {
		if ran[id]+b2i(cancelled[id]) != 1 {
			t.Fatalf("call %d: ran %d times, cancelled %v", id, ran[id], cancelled[id])
		}
	}
}

// Calls reset or cancelled over and over leave no garbage in the queue.
func TestClockHeapStaysSmall(t *testing.T) {
	c := NewClock()
	ran := 0
	call := c.CallLater(1, func() { ran++ })
	size := func() int {
		c.q.Mu.Lock()
		defer c.q.Mu.Unlock()
		return c.q.Len()
	}
	for i := range 10000 {
		call.Reset(float64(i%7 + 1))
		c.Advance(0) // settles the reset, as Twisted sorts
	}
	if n := size(); n > 200 {
		t.Errorf("after resets, the heap holds %d entries for 1 pending call", n)
	}
	for range 10000 {
		c.CallLater(5, func() {}).Cancel()
	}
	if n := size(); n > 200 {
		t.Errorf("after cancels, the heap holds %d entries for 1 pending call", n)
	}
	c.Advance(10)
	if ran != 1 {
		t.Errorf("the call ran %d times, want 1", ran)
	}
}
