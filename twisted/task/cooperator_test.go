package task

import (
	"errors"
	"fmt"
	"iter"
	"strings"
	"testing"

	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// fakeScheduler holds the Cooperator's steps until pump runs them.
type fakeScheduler struct{ work []*fakeCall }

type fakeCall struct {
	f         func()
	cancelled bool
}

func (c *fakeCall) Cancel() error { c.cancelled = true; return nil }

func (s *fakeScheduler) schedule(f func()) Cancellable {
	c := &fakeCall{f: f}
	s.work = append(s.work, c)
	return c
}

func (s *fakeScheduler) pump() {
	work := s.work
	s.work = nil
	for _, c := range work {
		if !c.cancelled {
			c.f()
		}
	}
}

// stepEvery ends a step after n units of work.
func stepEvery(n int) Option {
	return WithTerminationPredicateFactory(func() func() bool {
		i := 0
		return func() bool { i++; return i >= n }
	})
}

// letters yields name+"0", name+"1", ... n of them, noting each in log.
func letters(log *[]string, name string, n int) iter.Seq[any] {
	return func(yield func(any) bool) {
		for i := range n {
			*log = append(*log, fmt.Sprint(name, i))
			if !yield(i) {
				*log = append(*log, name+" stopped")
				return
			}
		}
	}
}

func TestCooperatorRoundRobin(t *testing.T) {
	var s fakeScheduler
	c := NewCooperator(WithScheduler(s.schedule), stepEvery(4))
	var log []string
	var done []string
	for _, name := range []string{"a", "b", "c"} {
		c.Coiterate(FromSeq(letters(&log, name, 2))).AddCallback(func(any) (any, error) {
			done = append(done, name)
			return nil, nil
		})
	}
	s.pump()
	// Python's list iterator skips the task after one that finished and
	// removed itself: a's end makes c's turn come before b's.
	if got := strings.Join(log, " "); got != "a0 b0 c0 a1" {
		t.Fatalf("first step ran %q", got)
	}
	for len(s.work) > 0 {
		s.pump()
	}
	if got := strings.Join(log, " "); got != "a0 b0 c0 a1 b1 c1" {
		t.Fatalf("ran %q", got)
	}
	if got := strings.Join(done, " "); got != "a c b" {
		t.Fatalf("done %q", got)
	}
}

func TestCooperatorWaitsOnDeferred(t *testing.T) {
	var s fakeScheduler
	c := NewCooperator(WithScheduler(s.schedule), stepEvery(1))
	gate := deferred.New()
	steps := 0
	task := c.Cooperate(IteratorFunc(func() (any, error) {
		steps++
		switch steps {
		case 1:
			return gate, nil
		case 2:
			return "x", nil
		}
		return nil, twisted.StopIteration.New()
	}))
	done := watchDone(task)
	s.pump()
	s.pump()
	if steps != 1 || len(s.work) != 0 {
		t.Fatalf("%d steps, %d scheduled while waiting", steps, len(s.work))
	}
	gate.Callback(nil)
	s.pump()
	s.pump()
	s.pump()
	if steps != 3 || len(*done) != 1 {
		t.Fatalf("%d steps, done %v", steps, *done)
	}
}

func watchDone(task *CooperativeTask) *[]any {
	got := new([]any)
	task.WhenDone().AddBoth(func(r any) (any, error) { *got = append(*got, r); return nil, nil })
	return got
}

func TestCooperatorFailures(t *testing.T) {
	for name, it := range map[string]Iterator{
		"error":    IteratorFunc(func() (any, error) { return nil, errBoom.New() }),
		"panic":    IteratorFunc(func() (any, error) { panic(errBoom.New()) }),
		"seq":      FromSeq(func(yield func(any) bool) { panic(errBoom.New()) }),
		"deferred": FromSeq(func(yield func(any) bool) { yield(deferred.Fail(errBoom.New())) }),
	} {
		t.Run(name, func(t *testing.T) {
			var s fakeScheduler
			c := NewCooperator(WithScheduler(s.schedule))
			task := c.Cooperate(it)
			done := watchDone(task)
			s.pump()
			if f, ok := (*done)[0].(*twisted.Failure); !ok || !errors.Is(f, errBoom) {
				t.Fatalf("WhenDone gave %v", *done)
			}
			if err := task.Stop(); !errors.Is(err, TaskFailed) {
				t.Fatalf("Stop after failure: %v", err)
			}
		})
	}
}

// TestCooperatorStopFailsEveryTask is the deviation from Twisted: its stop
// leaves every other task's Deferreds unfired.
func TestCooperatorStopFailsEveryTask(t *testing.T) {
	var s fakeScheduler
	c := NewCooperator(WithScheduler(s.schedule), stepEvery(1))
	var log []string
	var dones []*[]any
	for _, name := range []string{"a", "b", "c", "d"} {
		dones = append(dones, watchDone(c.Cooperate(FromSeq(letters(&log, name, 3)))))
	}
	s.pump()
	c.Stop()
	for i, done := range dones {
		if f, ok := (*done)[0].(*twisted.Failure); !ok || f.Check(SchedulerStopped) == nil {
			t.Fatalf("task %d: %v", i, *done)
		}
	}
	// The generator suspended at a yield was stopped; the others had not
	// started.
	if n := strings.Count(strings.Join(log, " "), "stopped"); n != 1 {
		t.Fatalf("%d generators stopped: %v", n, log)
	}
	if len(s.work) > 0 && !s.work[len(s.work)-1].cancelled {
		t.Fatal("step still scheduled after Stop")
	}
	// A task added to a stopped Cooperator fails at once.
	if got := *watchDone(c.Cooperate(FromSeq(letters(&log, "e", 1)))); len(got) != 1 {
		t.Fatalf("task added after Stop: %v", got)
	}
	c.Start()
	if !c.Running() {
		t.Fatal("not running after Start")
	}
}

func TestCooperativeTaskPauseResume(t *testing.T) {
	var s fakeScheduler
	c := NewCooperator(WithScheduler(s.schedule), WithStarted(false), stepEvery(1))
	var log []string
	task := c.Cooperate(FromSeq(letters(&log, "a", 3)))
	s.pump()
	if len(log) != 0 || c.Running() {
		t.Fatal("worked before Start")
	}
	c.Start()
	s.pump()
	if err := task.Pause(); err != nil {
		t.Fatal(err)
	}
	if err := task.Pause(); err != nil {
		t.Fatal(err)
	}
	s.pump()
	if err := task.Resume(); err != nil {
		t.Fatal(err)
	}
	s.pump()
	if len(log) != 1 {
		t.Fatalf("worked while paused: %v", log)
	}
	if err := task.Resume(); err != nil {
		t.Fatal(err)
	}
	if err := task.Resume(); !errors.Is(err, NotPaused) {
		t.Fatalf("Resume of a running task: %v", err)
	}
	for len(s.work) > 0 {
		s.pump()
	}
	if err := task.Pause(); !errors.Is(err, TaskDone) {
		t.Fatalf("Pause after the end: %v", err)
	}
	if got := *watchDone(task); len(got) != 1 || got[0] != any(task.iterator) {
		t.Fatalf("WhenDone after the end: %v", got)
	}
}

func TestDefaultTimerSlice(t *testing.T) {
	done := timer()
	if done() {
		t.Fatal("a fresh time slice is already over")
	}
}

// TestCooperatorYieldsToReactor runs an endless task on a real reactor
// with the default time slices: the reactor must get its turn between
// slices, or the call that stops the task would never run.
func TestCooperatorYieldsToReactor(t *testing.T) {
	r := reactor.New()
	c := NewCooperator(WithClock(r))
	steps := 0
	task := c.Cooperate(IteratorFunc(func() (any, error) { steps++; return nil, nil }))
	r.CallWhenRunning(func() {
		r.CallLater(0, func() { _ = task.Stop() })
	})
	task.WhenDone().AddBoth(func(result any) (any, error) {
		if f, ok := result.(*twisted.Failure); !ok || f.Check(TaskStopped) == nil {
			t.Errorf("WhenDone gave %v", result)
		}
		return nil, r.Stop()
	})
	if err := r.Run(); err != nil {
		t.Fatal(err)
	}
	if steps == 0 {
		t.Fatal("the task never ran")
	}
	if len(r.GetDelayedCalls()) != 0 {
		t.Fatal("a step is still scheduled after the last task stopped")
	}
}

// A task waiting on a Deferred when its Cooperator stops is not failed by
// Stop; it fails with SchedulerStopped once the Deferred fires.
func TestCooperatorStopPausedTask(t *testing.T) {
	var s fakeScheduler
	c := NewCooperator(WithScheduler(s.schedule))
	gate := deferred.New()
	task := c.Cooperate(IteratorFunc(func() (any, error) { return gate, nil }))
	done := watchDone(task)
	s.pump()
	c.Stop()
	if len(*done) != 0 {
		t.Fatalf("paused task done at Stop: %v", *done)
	}
	gate.Callback(nil)
	if f, ok := (*done)[0].(*twisted.Failure); len(*done) != 1 || !ok || f.Check(SchedulerStopped) == nil {
		t.Fatalf("WhenDone gave %v, want a SchedulerStopped failure", *done)
	}
}
