package reactor

import (
	"context"
	"testing"
)

func TestRunContext(t *testing.T) {
	r := New()
	r.NoSignalHandlers = true
	ctx, cancel := context.WithCancel(context.Background())
	shutdown := false
	r.AddSystemEventTrigger("before", "shutdown", func() any { shutdown = true; return nil })
	r.CallLater(0, cancel)
	if err := r.RunContext(ctx); err != nil {
		t.Fatal(err)
	}
	if !shutdown || r.Running() {
		t.Errorf("after RunContext: shutdown triggers ran %v, running %v", shutdown, r.Running())
	}
}

// A context done before the reactor starts stops it once started.
func TestRunContextDoneBefore(t *testing.T) {
	r := New()
	r.NoSignalHandlers = true
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	started := false
	r.CallWhenRunning(func() { started = true })
	if err := r.RunContext(ctx); err != nil {
		t.Fatal(err)
	}
	if !started {
		t.Error("the reactor did not start")
	}
}

// Stopped by Stop, RunContext returns; the context's hook is removed.
func TestRunContextStop(t *testing.T) {
	r := New()
	r.NoSignalHandlers = true
	r.CallLater(0, func() { _ = r.Stop() })
	if err := r.RunContext(context.Background()); err != nil {
		t.Fatal(err)
	}
	if err := r.RunContext(context.Background()); err == nil {
		t.Error("a second RunContext ran")
	}
}
