package reactor

import (
	"errors"
	"testing"

	"github.com/twistedflow/twistedflow/internal/leakcheck"
	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/protocol"
)

// mustPanicWith runs f and fails t unless it panics with an error of
// class.
func mustPanicWith(t *testing.T, class *twisted.Class, f func()) {
	t.Helper()
	defer func() {
		t.Helper()
		if err, _ := recover().(error); !errors.Is(err, class) {
			t.Errorf("recovered %v, want a %s", err, class.Name())
		}
	}()
	f()
}

// TestListenTCPDoStartPanics: a factory whose DoStart panics makes
// ListenTCP panic, as Python's listenTCP raises, and leaves no socket and
// nothing for the reactor's stop to wait on: Run returns.
func TestListenTCPDoStartPanics(t *testing.T) {
	leakcheck.Check(t)
	r := New()
	f := serverFactory(func() protocol.IProtocol { return &echo{} })
	f.OnStart = func() { panic(twisted.KeyError.New("boom")) }
	mustPanicWith(t, twisted.KeyError, func() { _, _ = r.ListenTCP(0, f, Interface("127.0.0.1")) })
	r.CallWhenRunning(func() { stop(r) })
	run(t, r)
}

// TestNilFactory: ListenTCP and ConnectTCP without a factory panic with a
// TypeError saying so, rather than a nil dereference later.
func TestNilFactory(t *testing.T) {
	r := New()
	mustPanicWith(t, twisted.TypeError, func() { _, _ = r.ListenTCP(0, nil, Interface("127.0.0.1")) })
	mustPanicWith(t, twisted.TypeError, func() { r.ConnectTCP("127.0.0.1", 9, nil, 1) })
	// A nil option, too, is refused before anything listens.
	f := serverFactory(func() protocol.IProtocol { return &echo{} })
	mustPanicWith(t, twisted.TypeError, func() { _, _ = r.ListenTCP(0, f, Interface("127.0.0.1"), nil) })
}

// TestConnectorAfterStop: a connector made once the reactor has stopped
// never connects (as in Twisted); StopConnecting fails its attempt with
// UserError instead of dereferencing its missing timer.
func TestConnectorAfterStop(t *testing.T) {
	leakcheck.Check(t)
	r := New()
	r.CallWhenRunning(func() { stop(r) })
	run(t, r)
	cf := newClientFactory(func() protocol.IProtocol { return &echo{} })
	c := r.ConnectTCP("127.0.0.1", 9, cf, 1)
	c.StopConnecting()
	want := "failed UserError: User aborted connection."
	if len(cf.events) == 0 || cf.events[len(cf.events)-2] != want {
		t.Errorf("events %q, want %q before the factory stops", cf.events, want)
	}
}

// TestStartListeningWhileStopping: until StopListening's Deferred fires,
// StartListening says the port cannot listen, rather than reporting
// success and leaving it closed.
func TestStartListeningWhileStopping(t *testing.T) {
	leakcheck.Check(t)
	r := New()
	p := listen(t, r, serverFactory(func() protocol.IProtocol { return &echo{} }))
	port := p.(*Port)
	var during, after error
	r.CallWhenRunning(func() {
		d := port.StopListening()
		during = port.StartListening()
		d.AddCallback(func(any) (any, error) {
			after = port.StartListening()
			return nil, r.Stop()
		})
	})
	run(t, r)
	if !errors.Is(during, CannotListenError) {
		t.Errorf("StartListening while stopping: %v, want a CannotListenError", during)
	}
	if after != nil {
		t.Errorf("StartListening once stopped: %v", after)
	}
}

// TestPoolSizeAfterStop: work queued while the pool's size is 0 does not
// start when the size is raised after the reactor stopped.
func TestPoolSizeAfterStop(t *testing.T) {
	leakcheck.Check(t)
	r := New()
	r.SuggestThreadPoolSize(0)
	ran := make(chan struct{}, 1)
	r.CallInThread(func() { ran <- struct{}{} })
	r.CallWhenRunning(func() { stop(r) })
	run(t, r)
	r.SuggestThreadPoolSize(1)
	r.pool.wg.Wait()
	select {
	case <-ran:
		t.Error("work ran on a stopped reactor")
	default:
	}
}
