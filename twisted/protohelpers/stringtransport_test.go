package protohelpers

import (
	"errors"
	"testing"

	"github.com/twistedflow/twistedflow/internal/leakcheck"
	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/protocol"
)

func TestMain(m *testing.M) { leakcheck.Main(m) }

type producer struct{}

func (producer) StopProducing() {}

func TestStringTransport(t *testing.T) {
	var tr StringTransport
	tr.Write([]byte("a"))
	tr.WriteSequence([][]byte{[]byte("b"), []byte("c")})
	v := tr.Value()
	v[0] = 'X' // Value is a copy
	if got := string(tr.Value()); got != "abc" {
		t.Fatal(got)
	}
	tr.Clear()
	if len(tr.Value()) != 0 || tr.GetPeer() != Address || tr.IsDisconnecting() {
		t.Fatal("not cleared")
	}
	tr.RegisterProducer(producer{}, true)
	mustPanic(t, twisted.RuntimeError, func() { tr.RegisterProducer(producer{}, false) })
	tr.UnregisterProducer()
	mustPanic(t, twisted.RuntimeError, tr.UnregisterProducer)
	tr.PauseProducing()
	if tr.ProducerState() != Paused {
		t.Fatal(tr.ProducerState())
	}
	tr.StopProducing()
	mustPanic(t, twisted.RuntimeError, tr.ResumeProducing)
	tr.AbortConnection()
	if !tr.Aborted || !tr.IsDisconnecting() {
		t.Fatal("not aborted")
	}
}

// A new StringTransport is producing, as Twisted's producerState starts
// as "producing", and a paused one producing again once resumed.
func TestStringTransportProducerState(t *testing.T) {
	var tr StringTransport
	if got := tr.ProducerState(); got != Producing {
		t.Fatalf("new transport: ProducerState() = %q, want %q", got, Producing)
	}
	tr.PauseProducing()
	tr.ResumeProducing()
	if got := tr.ProducerState(); got != Producing {
		t.Fatalf("resumed: ProducerState() = %q, want %q", got, Producing)
	}
	tr.StopProducing()
	if got := tr.ProducerState(); got != Stopped {
		t.Fatalf("stopped: ProducerState() = %q, want %q", got, Stopped)
	}
}

func mustPanic(t *testing.T, class *twisted.Class, f func()) {
	t.Helper()
	defer func() {
		t.Helper()
		if err, _ := recover().(error); !errors.Is(err, class) {
			t.Fatalf("recovered %v, want %s", err, class.Name())
		}
	}()
	f()
}

// TestStringTransportCannotHalfClose: Twisted 22.4's StringTransport has
// no loseWriteConnection (testing.py), so it is no ITCPTransport.
func TestStringTransportCannotHalfClose(t *testing.T) {
	if _, ok := any(&StringTransport{}).(protocol.ITCPTransport); ok {
		t.Error("StringTransport is an ITCPTransport")
	}
}
