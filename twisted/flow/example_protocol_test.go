package flow_test

import (
	"fmt"
	"strings"

	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/protocol"
	"github.com/twistedflow/twistedflow/twisted/protocols/loopback"
	"github.com/twistedflow/twistedflow/twisted/protohelpers"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// The makeProtocol docstring's echo server and client, connected in
// memory (the docstring's runs them over TCP: see the flow docs
// conformance scenario protocol.makeProtocol). The output is the
// original's.
func ExampleMakeProtocol() {
	echoServer := func(conn *flow.Protocol) flow.Generator {
		return func(yield func(any) bool) error {
			if !yield(conn) {
				return nil
			}
			for {
				data, err := conn.Next()
				if err != nil {
					return err // StopIteration: the connection was closed
				}
				conn.Write(data)
				if !yield(conn) {
					return nil
				}
			}
		}
	}

	echoClient := func(conn *flow.Protocol) flow.Generator {
		return func(yield func(any) bool) error {
			conn.Write("hello, world!")
			if !yield(conn) {
				return nil
			}
			data, err := conn.Next()
			if err != nil {
				return err
			}
			fmt.Println("server said: ", data)
			return nil // the flow ends: the connection is closed
		}
	}

	clock := reactor.NewClock()
	server := flow.MakeProtocolOn(clock, echoServer)()
	client := flow.MakeProtocolOn(clock, echoClient)()
	d := loopback.LoopbackAsyncOn(clock, server, client)
	d.AddCallback(func(any) (any, error) {
		fmt.Println("connection closed")
		return nil, nil
	})
	for !d.Called() {
		clock.Advance(0)
	}
	// Output:
	// server said:  hello, world!
	// connection closed
}

// flow.Protocol() with its controller set afterwards, as testProtocol
// does, and a flow that reads the connection line by line (LineBreak).
func ExampleNewProtocol() {
	lineServer := func(conn *flow.Protocol) flow.Generator {
		return func(yield func(any) bool) error {
			lines := flow.LineBreak(conn, flow.LineBreakOptions{Delimiter: "\n"})
			for {
				if !yield(lines) {
					return nil
				}
				line, err := lines.Next()
				if err != nil {
					return err
				}
				if !yield(fmt.Sprintf("<%s>\n", line)) {
					return nil
				}
			}
		}
	}
	client := func(conn *flow.Protocol) flow.Generator {
		return func(yield func(any) bool) error {
			if !yield("one\ntw") || !yield("o\nthree\n") {
				return nil
			}
			replies := flow.LineBreak(conn, flow.LineBreakOptions{Delimiter: "\n"})
			for range 3 {
				if !yield(replies) {
					return nil
				}
				reply, err := replies.Next()
				if err != nil {
					return err
				}
				fmt.Println(reply)
			}
			return nil // the flow ends: the connection is closed
		}
	}

	clock := reactor.NewClock()
	server := flow.NewProtocol()
	server.Controller = lineServer
	server.Reactor = clock
	d := loopback.LoopbackAsyncOn(clock, server, flow.MakeProtocolOn(clock, client)())
	for !d.Called() {
		clock.Advance(0)
	}
	// Output:
	// <one>
	// <two>
	// <three>
}

// A line protocol as a chain of stages over the connection: LineBreak
// cuts the data into lines, Filter drops the empty ones, Map makes each
// reply, and the protocol writes the chain's results. The data goes up
// the chain by calls, with no coroutine switch per line (push mode).
// Here the data comes from a test transport, in two chunks.
func ExampleMakeProtocol_chain() {
	upperServer := func(conn *flow.Protocol) any {
		lines := flow.LineBreak(conn, flow.LineBreakOptions{Delimiter: "\n"})
		return flow.Map(func(args ...any) (any, error) {
			return strings.ToUpper(args[0].(string)) + "\n", nil
		}, flow.Filter(nil, lines))
	}

	server := flow.MakeProtocolOn(reactor.NewClock(), upperServer)()
	tr := &protohelpers.StringTransport{}
	protocol.MakeConnection(server, tr)
	server.DataReceived([]byte("one\n\ntw"))
	server.DataReceived([]byte("o\nthree\n"))
	fmt.Print(string(tr.Value()))
	server.ConnectionLost(reactor.ConnectionDoneFailure())
	// Output:
	// ONE
	// TWO
	// THREE
}
