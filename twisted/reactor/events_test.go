package reactor

import (
	"errors"
	"log/slog"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
)

// note returns a trigger that appends s to *log.
func note(log *[]string, s string) func() any {
	return func() any { *log = append(*log, s); return nil }
}

// Run fires startup and Stop fires shutdown, each phase in order, with the
// reactor's own work between the phases.
func TestStartupShutdownPhases(t *testing.T) {
	r := New()
	r.NoSignalHandlers = true
	var got []string
	state := func(phase string) func() any {
		return func() any {
			got = append(got, phase+" running="+twisted.Repr(r.Running()))
			return nil
		}
	}
	for _, ev := range []string{"startup", "shutdown"} {
		for _, ph := range []string{"after", "during", "before"} {
			r.AddSystemEventTrigger(ph, ev, state(ph+" "+ev))
		}
	}
	r.CallWhenRunning(func() { got = append(got, "whenRunning"); mustStop(t, r) })
	run(t, r)
	want := []string{
		"before startup running=False",
		"during startup running=True", // the reactor's own trigger, added by New, ran first
		"after startup running=True",
		"whenRunning",
		"before shutdown running=True",
		"during shutdown running=False",
		"after shutdown running=False",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("triggers (-want +got):\n%s", diff)
	}
	select {
	case <-r.Done():
	default:
		t.Error("Done is not closed after Run returned")
	}
}

// A Deferred returned by a before-shutdown trigger delays the rest of the
// shutdown: the reactor keeps running calls until it fires.
func TestBeforeShutdownDeferredDelaysShutdown(t *testing.T) {
	r := New()
	r.NoSignalHandlers = true
	var got []string
	r.AddSystemEventTrigger("before", "shutdown", func() any {
		d := deferred.New()
		r.CallLater(0, func() {
			got = append(got, "still running="+twisted.Repr(r.Running()))
			r.CallLater(0, func() { got = append(got, "firing"); d.Callback(nil) })
		})
		return d
	})
	r.AddSystemEventTrigger("during", "shutdown", note(&got, "during"))
	r.AddSystemEventTrigger("after", "shutdown", note(&got, "after"))
	r.CallWhenRunning(func() { mustStop(t, r) })
	run(t, r)
	want := []string{"still running=True", "firing", "during", "after"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// A panicking trigger is logged; the others still run, and the reactor
// still stops.
func TestTriggerPanics(t *testing.T) {
	r := New()
	r.NoSignalHandlers = true
	h := &recorder{}
	r.Logger = slog.New(h)
	var got []string
	r.AddSystemEventTrigger("before", "shutdown", func() any { panic(twisted.KeyError.New("before")) })
	r.AddSystemEventTrigger("before", "shutdown", note(&got, "before"))
	r.AddSystemEventTrigger("during", "shutdown", func() any { panic(twisted.KeyError.New("during")) })
	r.AddSystemEventTrigger("during", "shutdown", note(&got, "during"))
	r.AddSystemEventTrigger("after", "shutdown", func() any { panic(twisted.KeyError.New("after")) })
	r.AddSystemEventTrigger("after", "shutdown", note(&got, "after"))
	r.CallWhenRunning(func() { mustStop(t, r) })
	run(t, r)
	if diff := cmp.Diff([]string{"before", "during", "after"}, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	var logged []string
	for _, f := range h.failures(t) {
		logged = append(logged, f.Error())
	}
	if diff := cmp.Diff([]string{"KeyError: 'before'", "KeyError: 'during'", "KeyError: 'after'"}, logged); diff != "" {
		t.Errorf("logged (-want +got):\n%s", diff)
	}
}

// Triggers that add and remove triggers while the event fires: an added
// trigger of the phase running, or of a later phase, runs; a removed one
// that has not run does not.
func TestTriggersChangeTriggersWhileFiring(t *testing.T) {
	r := New()
	var got []string
	var later TriggerID
	r.AddSystemEventTrigger("before", "test", func() any {
		got = append(got, "first")
		r.AddSystemEventTrigger("before", "test", note(&got, "added before"))
		r.AddSystemEventTrigger("after", "test", note(&got, "added after"))
		if err := r.RemoveSystemEventTrigger(later); err != nil {
			t.Errorf("removing a pending trigger: %v", err)
		}
		return nil
	})
	later = r.AddSystemEventTrigger("during", "test", note(&got, "removed"))
	r.AddSystemEventTrigger("during", "test", func() any {
		got = append(got, "during")
		r.AddSystemEventTrigger("during", "test", note(&got, "added during"))
		return nil
	})
	r.FireSystemEvent("test")
	want := []string{"first", "added before", "during", "added during", "added after"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	// Each trigger ran once: firing again runs nothing.
	got = nil
	r.FireSystemEvent("test")
	if len(got) != 0 {
		t.Errorf("second fire ran %v", got)
	}
}

// Stop from a trigger, and Stop twice: the second Stop, and a Stop during
// the shutdown, return ReactorNotRunning; the shutdown runs once.
func TestStopFromTriggerAndTwice(t *testing.T) {
	r := New()
	r.NoSignalHandlers = true
	var got []string
	r.AddSystemEventTrigger("after", "startup", func() any {
		mustStop(t, r)
		if err := r.Stop(); !errors.Is(err, ReactorNotRunning) {
			t.Errorf("second Stop() = %v, want ReactorNotRunning", err)
		}
		return nil
	})
	r.AddSystemEventTrigger("before", "shutdown", func() any {
		got = append(got, "before")
		if err := r.Stop(); !errors.Is(err, ReactorNotRunning) {
			t.Errorf("Stop() in a shutdown trigger = %v, want ReactorNotRunning", err)
		}
		return nil
	})
	r.AddSystemEventTrigger("during", "shutdown", note(&got, "during"))
	run(t, r)
	if diff := cmp.Diff([]string{"before", "during"}, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// RemoveSystemEventTrigger's errors, as Twisted's.
func TestRemoveSystemEventTriggerErrors(t *testing.T) {
	r := New()
	id := r.AddSystemEventTrigger("during", "test", func() any { return nil })
	if err := r.RemoveSystemEventTrigger(id); err != nil {
		t.Fatalf("Remove() = %v", err)
	}
	for _, c := range []struct {
		id    TriggerID
		class *twisted.Class
	}{
		{TriggerID{}, twisted.TypeError},
		{id, twisted.ValueError},
		{TriggerID{EventType: "other", Phase: "during", trigger: id.trigger}, twisted.KeyError},
		{TriggerID{EventType: "test", Phase: "xxx", trigger: id.trigger}, twisted.KeyError},
	} {
		if err := r.RemoveSystemEventTrigger(c.id); !errors.Is(err, c.class) {
			t.Errorf("Remove(%+v) = %v, want %s", c.id, err, c.class.Name())
		}
	}
	for _, bad := range []func(){
		func() { r.AddSystemEventTrigger("xxx", "test", func() any { return nil }) },
		func() { r.AddSystemEventTrigger("before", "test", nil) },
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Error("no panic")
				}
			}()
			bad()
		}()
	}
}

// A before-startup trigger's Deferred delays the reactor's running, and
// so the CallWhenRunning calls.
func TestBeforeStartupDeferred(t *testing.T) {
	r := New()
	r.NoSignalHandlers = true
	var got []string
	r.AddSystemEventTrigger("before", "startup", func() any {
		d := deferred.New()
		r.CallLater(0, func() { got = append(got, "firing running="+twisted.Repr(r.Running())); d.Callback(nil) })
		return d
	})
	r.CallWhenRunning(func() { got = append(got, "running"); mustStop(t, r) })
	run(t, r)
	if diff := cmp.Diff([]string{"firing running=False", "running"}, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// Work given to CallInThread before Run starts no goroutine until the
// reactor runs (test_threads.py's StartupBehaviorTests, which a Python
// child process checks), then runs.
func TestCallInThreadWaitsForRun(t *testing.T) {
	r := New()
	r.NoSignalHandlers = true
	ran := make(chan struct{})
	r.CallInThread(func() { close(ran) })
	r.q.Mu.Lock()
	workers := r.pool.workers
	r.q.Mu.Unlock()
	if workers != 0 {
		t.Fatalf("%d pool goroutines started before Run", workers)
	}
	r.CallWhenRunning(func() {
		r.CallInThread(func() {
			select { // at runBound, run stops the reactor
			case <-ran:
				r.CallFromThread(func() { mustStop(t, r) })
			case <-r.Done():
			}
		})
	})
	run(t, r)
}

// A "shutdown" fired by FireSystemEvent stops the reactor as Stop does,
// for good: Run returns, Stop then says it is not running, and Run again
// is refused.
func TestFireShutdownStops(t *testing.T) {
	r := New()
	r.NoSignalHandlers = true
	var got []string
	r.AddSystemEventTrigger("after", "shutdown", note(&got, "after"))
	r.CallWhenRunning(func() { r.FireSystemEvent("shutdown") })
	run(t, r)
	if diff := cmp.Diff([]string{"after"}, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if err := r.Stop(); !errors.Is(err, ReactorNotRunning) {
		t.Errorf("Stop() = %v, want ReactorNotRunning", err)
	}
	if err := r.Run(); !errors.Is(err, ReactorNotRestartable) {
		t.Errorf("Run() again = %v, want ReactorNotRestartable", err)
	}
}

// While a before-startup trigger's Deferred is pending, the loop waits for
// calls as usual (Twisted busy-polls), and work from another goroutine
// still arrives.
func TestBeforeStartupDeferredFromThread(t *testing.T) {
	r := New()
	r.NoSignalHandlers = true
	d := deferred.New()
	r.AddSystemEventTrigger("before", "startup", func() any {
		go r.CallFromThread(func() { d.Callback(nil) })
		return d
	})
	ran := false
	r.CallWhenRunning(func() { ran = true; mustStop(t, r) })
	run(t, r)
	if !ran {
		t.Error("CallWhenRunning did not run")
	}
}

// Stopped while a before-startup trigger's Deferred is pending, the
// reactor shuts down without ever running; the Deferred firing afterwards
// does not make it running, nor install signal handlers that no Run would
// remove (Twisted sets running to True there). Nor does a "startup" fired
// by hand before Run or after it.
func TestStartupAfterStopDoesNotRun(t *testing.T) {
	r := New()
	d := deferred.New()
	r.AddSystemEventTrigger("before", "startup", func() any { return d })
	r.CallLater(0, func() { mustStop(t, r) })
	run(t, r)
	d.Callback(nil)
	r.FireSystemEvent("startup")
	if r.Running() {
		t.Error("Running() is true after Run returned")
	}
	r.signals.mu.Lock()
	installed := r.signals.ch != nil
	r.signals.mu.Unlock()
	if installed {
		r.removeSignalHandlers()
		t.Error("signal handlers installed after Run returned")
	}

	r = New()
	r.NoSignalHandlers = true
	r.FireSystemEvent("startup")
	if r.Running() {
		t.Error("Running() is true after a startup fired before Run")
	}
}
