package loopback

import (
	"errors"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/protocol"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// scripted records its events in ev and, on ConnectionMade and each
// DataReceived, performs the next step of its script: writes, a
// WriteSequence ([][]byte), or "lose".
type scripted struct {
	protocol.Protocol
	name   string
	script [][]any
	ev     *[]string
}

func (p *scripted) ConnectionMade() {
	*p.ev = append(*p.ev, fmt.Sprintf("%s made %s", p.name, p.Transport.GetHost()))
	p.step()
}

func (p *scripted) DataReceived(data []byte) {
	*p.ev = append(*p.ev, fmt.Sprintf("%s data %s", p.name, data))
	p.step()
}

func (p *scripted) step() {
	if len(p.script) == 0 {
		return
	}
	acts := p.script[0]
	p.script = p.script[1:]
	for _, a := range acts {
		switch a := a.(type) {
		case string:
			*p.ev = append(*p.ev, p.name+" lose")
			p.Transport.LoseConnection()
		case [][]byte:
			p.Transport.WriteSequence(a)
		case []byte:
			p.Transport.Write(a)
		}
	}
}

func (p *scripted) ConnectionLost(reason *twisted.Failure) {
	p.Protocol.ConnectionLost(reason)
	*p.ev = append(*p.ev, fmt.Sprintf("%s lost %s %s", p.name, reason.Type.Name(), reason.Value))
}

func b(s string) []byte { return []byte(s) }

// TestDeliveryOrder runs a script whose trace was recorded from
// Twisted's 2009 loopbackAsync (twisted-flow checkout, python2.7): the
// order of deliveries, rounds and the disconnect.
func TestDeliveryOrder(t *testing.T) {
	var ev []string
	server := &scripted{name: "server", ev: &ev, script: [][]any{
		{b("hello"), b(""), b("world")}, {b("s1")}, {b("s2"), "lose", b("after")},
	}}
	client := &scripted{name: "client", ev: &ev, script: [][]any{
		{b("c0")}, {b("c1")}, {b("c2")}, {b("c3")}, {b("c4")}, {b("c5")},
	}}
	clock := reactor.NewClock()
	d := LoopbackAsyncOn(clock, server, client)
	ev = append(ev, fmt.Sprintf("returned %v", d.Called()))
	d.AddBoth(func(r any) (any, error) {
		ev = append(ev, fmt.Sprintf("done %v", twisted.Repr(r)))
		return nil, nil
	})
	// Recorded from the 2009 checkout's loopbackAsync (Python 2.7).
	want := []string{
		"server made loopback",
		"client made loopback",
		"client data hello",
		"client data world",
		"server data c0",
		"server data c1",
		"server lose",
		"server data c2",
		"client data s1",
		"client data s2",
		"client data after",
		"server lost ConnectionDone Connection was closed cleanly: Connection done.",
		"client lost ConnectionDone Connection was closed cleanly: Connection done.",
		"returned true",
		"done None",
	}
	if diff := cmp.Diff(want, ev); diff != "" {
		t.Errorf("events (-want +got):\n%s", diff)
	}
	if server.Connected || client.Connected {
		t.Errorf("Connected after ConnectionLost: server %v, client %v", server.Connected, client.Connected)
	}
	if n := len(clock.GetDelayedCalls()); n != 0 {
		t.Errorf("%d calls left scheduled", n)
	}
}

// greetee collects what it receives.
type greetee struct {
	protocol.Protocol
	got  []byte
	lost *twisted.Failure
}

func (p *greetee) DataReceived(data []byte)               { p.got = append(p.got, data...) }
func (p *greetee) ConnectionLost(reason *twisted.Failure) { p.lost = reason }

// TestWriteNotReentrant is test_loopback.py's test_writeNotReentrant: a
// write made outside the protocol's own callbacks is delivered on a later
// reactor turn, never from inside Write.
func TestWriteNotReentrant(t *testing.T) {
	clock := reactor.NewClock()
	server := &greetee{}
	client := &greetee{}
	d := LoopbackAsyncOn(clock, server, client)
	client.Transport.Write(b("foo"))
	if len(server.got) != 0 {
		t.Fatalf("delivered from inside Write: %q", server.got)
	}
	if n := len(clock.GetDelayedCalls()); n != 1 {
		t.Fatalf("%d calls scheduled after a write, want 1", n)
	}
	client.Transport.Write(b("bar")) // joins the round already scheduled
	if n := len(clock.GetDelayedCalls()); n != 1 {
		t.Fatalf("%d calls scheduled after a second write, want 1", n)
	}
	clock.Advance(0)
	if string(server.got) != "foobar" {
		t.Fatalf("server got %q, want foobar", server.got)
	}
	server.Transport.LoseConnection()
	if d.Called() {
		t.Fatal("Deferred fired before the disconnect was delivered")
	}
	clock.Advance(0)
	if !d.Called() {
		t.Fatal("Deferred not fired after the disconnect round")
	}
	for _, p := range []*greetee{server, client} {
		if p.lost == nil || p.lost.Check(reactor.ConnectionDone) == nil {
			t.Errorf("ConnectionLost reason %v, want ConnectionDone", p.lost)
		}
	}
}

// TestAbortIsLose: AbortConnection on a loopback transport is
// LoseConnection, as in Twisted: queued data still arrives, and the
// reason is ConnectionDone.
func TestAbortIsLose(t *testing.T) {
	clock := reactor.NewClock()
	server, client := &greetee{}, &greetee{}
	d := LoopbackAsyncOn(clock, server, client)
	client.Transport.Write(b("last"))
	client.Transport.AbortConnection()
	clock.Advance(0)
	if !d.Called() || string(server.got) != "last" || server.lost.Check(reactor.ConnectionDone) == nil {
		t.Fatalf("called %v, server got %q, lost %v", d.Called(), server.got, server.lost)
	}
}

// greeter writes its greeting on ConnectionMade, with Write or
// WriteSequence.
type greeter struct {
	protocol.Protocol
	sequence bool
}

func (p *greeter) ConnectionMade() {
	if p.sequence {
		p.Transport.WriteSequence([][]byte{b("byt"), b("es")})
	} else {
		p.Transport.Write(b("bytes"))
	}
}

// TestGreeting is test_loopback.py's _greetingtest, both ways round and
// with both writes. Data written in ConnectionMade is delivered before
// LoopbackAsyncOn returns.
func TestGreeting(t *testing.T) {
	for _, serverSpeaks := range []bool{true, false} {
		for _, sequence := range []bool{false, true} {
			g, e := &greeter{sequence: sequence}, &greetee{}
			if serverSpeaks {
				LoopbackAsyncOn(reactor.NewClock(), g, e)
			} else {
				LoopbackAsyncOn(reactor.NewClock(), e, g)
			}
			if string(e.got) != "bytes" {
				t.Errorf("server speaks %v, sequence %v: got %q", serverSpeaks, sequence, e.got)
			}
		}
	}
}

// TestWriteCopies: the transport keeps its own copy of written data.
func TestWriteCopies(t *testing.T) {
	clock := reactor.NewClock()
	server, client := &greetee{}, &greetee{}
	LoopbackAsyncOn(clock, server, client)
	buf := b("abc")
	client.Transport.Write(buf)
	copy(buf, "xyz")
	clock.Advance(0)
	if string(server.got) != "abc" {
		t.Fatalf("got %q, want abc", server.got)
	}
}

// producing registers a producer on ConnectionMade.
type producing struct {
	protocol.Protocol
	start func(protocol.IConsumer)
}

func (p *producing) ConnectionMade() { p.start(p.Transport.(protocol.IConsumer)) }

// pullProducer is test_pullProducer's PullProducer.
type pullProducer struct {
	toProduce []string
	consumer  protocol.IConsumer
}

func (p *pullProducer) ResumeProducing() {
	p.consumer.Write(b(p.toProduce[0]))
	p.toProduce = p.toProduce[1:]
	if len(p.toProduce) == 0 {
		p.consumer.UnregisterProducer()
	}
}
func (p *pullProducer) StopProducing() {}

// pushProducer is test_pushProducer's PushProducer.
type pushProducer struct {
	toProduce []string
	consumer  protocol.IConsumer
	clock     *reactor.Clock
	resumed   bool
}

func (p *pushProducer) ResumeProducing() { p.resumed = true }
func (p *pushProducer) PauseProducing()  {}
func (p *pushProducer) StopProducing()   {}
func (p *pushProducer) produceAndSchedule() {
	if len(p.toProduce) > 0 {
		p.consumer.Write(b(p.toProduce[0]))
		p.toProduce = p.toProduce[1:]
		p.clock.CallLater(0, p.produceAndSchedule)
	} else {
		p.consumer.UnregisterProducer()
	}
}

func digits() []string {
	var s []string
	for i := range 10 {
		s = append(s, fmt.Sprint(i))
	}
	return s
}

// TestPullProducer is test_loopback.py's test_pullProducer: the loopback
// asks a pull producer for a chunk each time the last one was delivered.
func TestPullProducer(t *testing.T) {
	clock := reactor.NewClock()
	pp := &pullProducer{toProduce: digits()}
	server := &producing{start: func(c protocol.IConsumer) {
		pp.consumer = c
		c.RegisterProducer(pp, false)
	}}
	client := &greetee{}
	LoopbackAsyncOn(clock, server, client)
	for range 20 {
		clock.Advance(0)
	}
	if string(client.got) != "0123456789" {
		t.Fatalf("got %q", client.got)
	}
}

// TestPushProducer is test_loopback.py's test_pushProducer: a streaming
// producer is never resumed by the loopback.
func TestPushProducer(t *testing.T) {
	clock := reactor.NewClock()
	pp := &pushProducer{toProduce: digits(), clock: clock}
	server := &producing{start: func(c protocol.IConsumer) {
		pp.consumer = c
		c.RegisterProducer(pp, true)
		pp.produceAndSchedule()
	}}
	client := &greetee{}
	LoopbackAsyncOn(clock, server, client)
	for range 20 {
		clock.Advance(0)
	}
	if string(client.got) != "0123456789" {
		t.Fatalf("got %q", client.got)
	}
	if pp.resumed {
		t.Error("streaming producer should not have been resumed")
	}
}

// TestRegisterTwice: a second producer is an AssertionError.
func TestRegisterTwice(t *testing.T) {
	server, client := &greetee{}, &greetee{}
	LoopbackAsyncOn(reactor.NewClock(), server, client)
	c := server.Transport.(protocol.IConsumer)
	c.RegisterProducer(&pushProducer{}, true)
	defer func() {
		if err, _ := recover().(error); !errors.Is(err, twisted.AssertionError) {
			t.Errorf("recovered %v, want AssertionError", err)
		}
	}()
	c.RegisterProducer(&pushProducer{}, true)
}

// panicky panics in DataReceived.
type panicky struct{ protocol.Protocol }

func (p *panicky) DataReceived([]byte) { panic(twisted.ValueError.New("doom")) }

// TestPanicFailsDeferred: a panic in a protocol ends the loopback and
// fails its Deferred; no further round is scheduled.
func TestPanicFailsDeferred(t *testing.T) {
	clock := reactor.NewClock()
	server, client := &panicky{}, &greetee{}
	d := LoopbackAsyncOn(clock, server, client)
	client.Transport.Write(b("x"))
	clock.Advance(0)
	var failure *twisted.Failure
	d.AddErrback(func(f *twisted.Failure) (any, error) { failure = f; return nil, nil })
	if failure == nil || failure.Check(twisted.ValueError) == nil {
		t.Fatalf("failure %v, want ValueError", failure)
	}
	client.Transport.Write(b("y"))
	if n := len(clock.GetDelayedCalls()); n != 0 {
		t.Fatalf("%d calls scheduled after the failure", n)
	}
}
