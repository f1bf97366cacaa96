package flow_test

import (
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/protocol"
	"github.com/twistedflow/twistedflow/twisted/protohelpers"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// A flow protocol runs a chain of LineBreak, Filter and Map stages over
// its connection (and a generator controller) in push mode: the data goes
// up the chain by calls. It must make every call the pull protocol makes,
// in the same order, and write the same things at the same moments, also
// when its transport pauses it. Each flow below runs once as it is (push
// mode) and once behind a wrapper that hides its push mode (pull mode),
// on a traceTransport fed the same events; the two logs must be equal.

// pulled hides a stage's push mode: the protocol pulls it.
type pulled struct{ flow.Stage }

// traceTransport is a StringTransport that logs the writes and the
// closing to l and, as the reactor's TCP transport does past 64 KiB,
// pauses its producer once more than limit bytes are unsent (limit 0:
// never), until the test drains it.
type traceTransport struct {
	protohelpers.StringTransport
	l       *logger
	limit   int
	pending int
	full    bool
	// peak is the most that was ever unsent.
	peak int
}

func (t *traceTransport) Write(b []byte) {
	t.l.log("write %q", b)
	t.check(b)
	t.StringTransport.Write(b)
	t.filled(len(b))
}

func (t *traceTransport) WriteSequence(seq [][]byte) {
	t.l.log("writeSequence %q", seq)
	n := 0
	for _, b := range seq {
		t.check(b)
	}
	for _, b := range seq {
		t.StringTransport.Write(b)
		n += len(b)
	}
	t.filled(n)
}

func (t *traceTransport) LoseConnection() {
	t.l.log("loseConnection")
	t.StringTransport.LoseConnection()
}

// check panics on data that begins with "PANIC": a transport whose
// write panics.
func (t *traceTransport) check(b []byte) {
	if strings.HasPrefix(string(b), "PANIC") {
		panic(twisted.KeyError.New("transport"))
	}
}

func (t *traceTransport) filled(n int) {
	t.pending += n
	t.peak = max(t.peak, t.pending)
	if t.limit > 0 && !t.full && t.pending > t.limit && t.Producer != nil {
		t.full = true
		t.l.log("transport full")
		t.Producer.(protocol.IPushProducer).PauseProducing()
	}
}

// drain sends what was written: a paused producer is resumed.
func (t *traceTransport) drain() {
	t.l.log("drain")
	t.pending = 0
	if t.full {
		t.full = false
		if t.Producer != nil {
			t.Producer.(protocol.IPushProducer).ResumeProducing()
		}
	}
}

// lose loses the connection as the reactor's TCP transport does: the
// producer is stopped and forgotten, then p's ConnectionLost called.
func (t *traceTransport) lose(p protocol.IProtocol, reason *twisted.Failure) {
	if producer := t.Producer; producer != nil {
		t.Producer = nil
		producer.StopProducing()
	}
	p.ConnectionLost(reason)
}

// A protoEvent is what happens to the connection: data arrives ("data"),
// the clock advances ("advance"), the transport sends what it holds
// ("drain"), the connection is lost ("done", "lost", "other": with
// ConnectionDone, ConnectionLost or a ValueError), the peer half-closes
// ("halfclose": ReadConnectionLost, held with the data while the
// transport does not read, as TCP holds it; "halfclose-now": at once).
type protoEvent struct {
	kind  string
	data  string
	delay float64
}

func data(s string) protoEvent { return protoEvent{kind: "data", data: s} }

func advance(d float64) protoEvent { return protoEvent{kind: "advance", delay: d} }

var drainEvent = protoEvent{kind: "drain"}

// runProtocolFlow runs the flow that build makes over a traceTransport
// on a Clock, feeding it events: data arriving while the transport does
// not read (its producer paused it) is held until it reads again, as TCP
// holds it. Unless an event loses it, the connection is lost at the end
// (ConnectionDone), and the clock advanced until nothing is pending.
func runProtocolFlow(l *logger, build func(l *logger, conn *flow.Protocol) any, events []protoEvent, limit int, pull bool, options ...flow.ProtocolOption) {
	defer slog.SetDefault(slog.Default())
	slog.SetDefault(slog.New(unhandledLog{&l.lines}))
	clock := reactor.NewClock()
	controller := func(conn *flow.Protocol) any {
		s := build(l, conn)
		if pull {
			return pulled{flow.Wrap(s)}
		}
		return s
	}
	p := flow.MakeProtocolOn(clock, controller, options...)()
	tr := &traceTransport{l: l, limit: limit}
	var held []string
	halfClosed := false // the peer's half-close, held after the data
	halfClose := func() {
		l.log("half-close")
		p.(protocol.IHalfCloseableProtocol).ReadConnectionLost()
	}
	deliver := func() {
		for len(held) > 0 && tr.ProducerState() != protohelpers.Paused {
			chunk := held[0]
			held = held[1:]
			l.log("data %q", chunk)
			p.DataReceived([]byte(chunk))
		}
		if halfClosed && len(held) == 0 && tr.ProducerState() != protohelpers.Paused {
			halfClosed = false
			halfClose()
		}
	}
	protocol.MakeConnection(p, tr)
	lost := false
	for _, ev := range events {
		if lost {
			break
		}
		switch ev.kind {
		case "data":
			held = append(held, ev.data)
			deliver()
		case "advance":
			l.log("advance %v", ev.delay)
			clock.Advance(ev.delay)
		case "drain":
			tr.drain()
			deliver()
		case "halfclose":
			halfClosed = true
			deliver()
		case "halfclose-now":
			halfClose()
		default:
			lost = true
			reason := reactor.ConnectionDoneFailure()
			switch ev.kind {
			case "lost":
				reason = reactor.ConnectionLostFailure(nil)
			case "other":
				reason = twisted.NewFailure(twisted.ValueError.New("other"))
			}
			l.log("connection lost: %s", reason.Type.Name())
			tr.lose(p, reason)
		}
	}
	if !lost {
		l.log("connection lost")
		tr.lose(p, reactor.ConnectionDoneFailure())
	}
	for i := 0; i < 100 && len(clock.GetDelayedCalls()) > 0; i++ {
		clock.Advance(1)
	}
	l.log("done")
}

// echo is a Map function over lines: "13" fails, "99" panics, "bad"
// returns a result that is not a string (the protocol cannot write it),
// "w" writes to the connection itself; any other line comes back marked.
func (l *logger) echo(conn *flow.Protocol) func(args ...any) (any, error) {
	return func(args ...any) (any, error) {
		s := twisted.Str(args[0])
		l.log("echo %q", s)
		switch s {
		case "13":
			return nil, twisted.ValueError.New("thirteen")
		case "99":
			panic(twisted.KeyError.New("k"))
		case "bad":
			return 5, nil
		case "w":
			conn.Write("[w]")
		}
		return s + ";", nil
	}
}

// keep is a Filter function: "skip" is dropped, "boom" fails.
func (l *logger) keep(v any) (bool, error) {
	s := twisted.Str(v)
	l.log("keep %q", s)
	switch s {
	case "skip":
		return false, nil
	case "boom":
		return false, twisted.IOError.New("boom")
	}
	return true, nil
}

// lineGen is a generator controller over src (a stage of lines): it
// yields each line back as a result; "coop" makes it Cooperate first,
// "wait" wait on a Deferred the clock fires, "spanic" yield a stage that
// panics, "w" write to the connection itself, "raise" fail, "panic" panic,
// "quit" end.
func (l *logger) lineGen(conn *flow.Protocol, src flow.Stage) flow.Generator {
	return func(yield func(any) bool) error {
		defer l.log("gen: closed")
		for yield(src) {
			v, err := src.Next()
			if err != nil {
				l.log("gen: %s", twisted.ClassOf(err).Name())
				return err
			}
			line := twisted.Str(v)
			l.log("gen: line %q", line)
			switch line {
			case "coop":
				if !yield(flow.Cooperate(0.5)) {
					return nil
				}
			case "wait":
				d := deferred.New()
				conn.Reactor.CallLater(0.5, func() { d.Callback("fired") })
				if !yield(d) {
					return nil
				}
				l.log("gen: waited %s", twisted.Repr(d.Result()))
			case "spanic":
				st := &panicky{} // Cooperate(0), then a panic
				for yield(st) {
					l.log("gen: stage %s", twisted.Repr(st.Results))
				}
			case "w":
				conn.Write("[gen]")
			case "raise":
				return twisted.IOError.New("raised")
			case "panic":
				panic(twisted.KeyError.New("gen"))
			case "quit":
				return nil
			}
			if !yield(line + "!") {
				l.log("gen: stopped")
				return nil
			}
		}
		return nil
	}
}

// endless is a generator controller that writes without reading: n
// results (a Cooperate after each tenth), and its own writes.
func (l *logger) endless(conn *flow.Protocol, n int) flow.Generator {
	return func(yield func(any) bool) error {
		defer l.log("endless: closed")
		for i := range n {
			l.log("endless: step %d", i)
			if i%7 == 3 {
				conn.Write(fmt.Sprintf("<%d>", i))
			}
			if !yield(fmt.Sprintf("%d;", i)) {
				return nil
			}
			if i%10 == 9 && !yield(flow.Cooperate(1)) {
				return nil
			}
		}
		return nil
	}
}

func lines(conn *flow.Protocol, trailer bool) *flow.LineBreakStage {
	return flow.LineBreak(conn, flow.LineBreakOptions{Delimiter: "\n", Trailer: trailer})
}

var protocolFlows = map[string]func(l *logger, conn *flow.Protocol) any{
	"map-linebreak": func(l *logger, conn *flow.Protocol) any {
		return flow.Map(l.echo(conn), lines(conn, false))
	},
	"filter-map-linebreak": func(l *logger, conn *flow.Protocol) any {
		return flow.Filter(l.keep, flow.Map(l.echo(conn), lines(conn, true)))
	},
	"map-filter-linebreak": func(l *logger, conn *flow.Protocol) any {
		return flow.Map(l.echo(conn), flow.Filter(l.keep, lines(conn, true)))
	},
	"linebreak": func(l *logger, conn *flow.Protocol) any { return lines(conn, true) },
	"map-chunks": func(l *logger, conn *flow.Protocol) any {
		return flow.Map(l.echo(conn), conn)
	},
	"linebreak-filter-chunks": func(l *logger, conn *flow.Protocol) any {
		return flow.LineBreak(flow.Filter(l.keep, conn), flow.LineBreakOptions{Delimiter: "\n"})
	},
	"gen-lines": func(l *logger, conn *flow.Protocol) any { return l.lineGen(conn, lines(conn, true)) },
	"gen-chain": func(l *logger, conn *flow.Protocol) any {
		return l.lineGen(conn, flow.Map(l.echo(conn), lines(conn, false)))
	},
	"map-gen": func(l *logger, conn *flow.Protocol) any {
		return flow.Map(l.echo(conn), l.lineGen(conn, lines(conn, true)))
	},
	"endless": func(l *logger, conn *flow.Protocol) any { return l.endless(conn, 45) },
}

var protocolEvents = map[string][]protoEvent{
	"lines":        {data("a\nb"), data("\nw\nc"), advance(1), data("oop\nskip\nd\n"), data("tail")},
	"fails":        {data("a\n13\nb\n")},
	"panics":       {data("a\n99\nb\n")},
	"bad-result":   {data("a\nbad\nb\n")},
	"filter-fails": {data("a\nboom\nb\n")},
	"gen-raises":   {data("a\nraise\nb\n")},
	"gen-panics":   {data("a\npanic\n")},
	"stage-panics": {data("a\nspanic\nb\n"), advance(1), data("c\n")},
	"gen-quits":    {data("a\nquit\nb\n")},
	"write-panics": {data("a\nPANIC\nb\n")},
	"cooperate":    {data("coop\ncoop\n"), advance(0.25), data("x\n"), advance(1), data("y\n")},
	"wait":         {data("wait\nx\n"), advance(0.25), data("y\nwait\n"), advance(1), data("z\n")},
	"lost":         {data("a\nb"), {kind: "lost"}},
	"other":        {data("a\n"), {kind: "other"}},
	"drains":       {data("a\nb\nc\nd\n"), drainEvent, data("e\nf\n"), advance(1), drainEvent, data("g\n"), drainEvent, advance(1), drainEvent, drainEvent},
}

func TestProtocolPushEqualsPull(t *testing.T) {
	for fname, build := range protocolFlows {
		for ename, events := range protocolEvents {
			for _, limit := range []int{0, 1, 6} {
				for _, opts := range [][]flow.ProtocolOption{nil, {flow.FinishOnConnectionLost(false), flow.Trap(reactor.ConnectionLost)}} {
					push, pull := &logger{}, &logger{}
					runProtocolFlow(push, build, events, limit, false, opts...)
					runProtocolFlow(pull, build, events, limit, true, opts...)
					got, want := strings.Join(push.lines, "\n"), strings.Join(pull.lines, "\n")
					if got != want {
						t.Errorf("%s, %s (limit %d, %d options): push and pull differ:\n%s", fname, ename, limit, len(opts), lineDiff(want, got))
					}
				}
			}
		}
	}
}

// TestProtocolPushMode checks which flow protocols run their data up a
// chain by calls: there a Map's function runs on the chain's coroutine,
// not on the goroutine delivering the data.
func TestProtocolPushMode(t *testing.T) {
	for _, c := range []struct {
		name  string
		push  bool
		build func(conn *flow.Protocol, fn func(...any) (any, error)) any
	}{
		{"map-linebreak", true, func(conn *flow.Protocol, fn func(...any) (any, error)) any {
			return flow.Map(fn, lines(conn, false))
		}},
		{"filter-map-chunks", true, func(conn *flow.Protocol, fn func(...any) (any, error)) any {
			return flow.Filter(nil, flow.Map(fn, conn))
		}},
		{"pulled", false, func(conn *flow.Protocol, fn func(...any) (any, error)) any {
			return pulled{flow.Map(fn, lines(conn, false))}
		}},
		{"zip", false, func(conn *flow.Protocol, fn func(...any) (any, error)) any {
			return flow.Map(fn, flow.Zip(conn, []any{1}))
		}},
		{"other-protocol", false, func(conn *flow.Protocol, fn func(...any) (any, error)) any {
			other := flow.NewProtocol() // not this flow's connection
			other.Result("a\n")
			other.Finish()
			return flow.Map(fn, lines(other, false))
		}},
	} {
		var in string
		fn := func(args ...any) (any, error) {
			in = goid()
			return "x", nil
		}
		p := flow.MakeProtocolOn(reactor.NewClock(), func(conn *flow.Protocol) any { return c.build(conn, fn) })()
		tr := &protohelpers.StringTransport{}
		protocol.MakeConnection(p, tr)
		p.DataReceived([]byte("a\n"))
		p.ConnectionLost(reactor.ConnectionDoneFailure())
		if in == "" {
			t.Errorf("%s: the function was not called", c.name)
		}
		if push := in != goid(); push != c.push {
			t.Errorf("%s: push mode %v, want %v", c.name, push, c.push)
		}
	}
}
