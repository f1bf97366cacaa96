package flow_test

import (
	"fmt"
	"strings"

	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/protocol"
	"github.com/twistedflow/twistedflow/twisted/protocols/basic"
	"github.com/twistedflow/twistedflow/twisted/protocols/loopback"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// lineFeeder is the base of a flow protocol fed by lines: Python's
// makeProtocol(controller, basic.LineReceiver, 'lineReceived').
type lineFeeder struct {
	basic.LineReceiver
	conn *flow.Protocol
}

func (l *lineFeeder) LineReceived(line []byte) { l.conn.Result(string(line)) }

// lineClient sends its chunks and prints the lines it gets back.
type lineClient struct {
	basic.LineReceiver
	chunks []string
	want   int
}

func (c *lineClient) ConnectionMade() {
	for _, chunk := range c.chunks {
		c.Transport.Write([]byte(chunk))
	}
}

func (c *lineClient) LineReceived(line []byte) {
	fmt.Printf("client got %q\n", line)
	if c.want--; c.want == 0 {
		c.Transport.LoseConnection()
	}
}

// A flow protocol on a LineReceiver base: the flow reads whole lines,
// however the data is cut, and its results are written back.
func ExampleMakeProtocolWithBase() {
	echoLines := func(conn *flow.Protocol) flow.Generator {
		return func(yield func(any) bool) error {
			if !yield(conn) {
				return nil
			}
			for {
				line, err := conn.Next()
				if err != nil {
					return err // StopIteration: the connection was closed
				}
				if !yield(strings.ToUpper(line.(string))+"\r\n") || !yield(conn) {
					return nil
				}
			}
		}
	}
	clock := reactor.NewClock()
	server := flow.MakeProtocolWithBaseOn(clock, echoLines, func(conn *flow.Protocol) protocol.IProtocol {
		return &lineFeeder{conn: conn}
	})()
	client := &lineClient{chunks: []string{"one\r\ntw", "o\r\nthree\r", "\n"}, want: 3}
	loopback.LoopbackAsyncOn(clock, server, client)
	for range 10 {
		clock.Advance(0)
	}
	// Output:
	// client got "ONE"
	// client got "TWO"
	// client got "THREE"
}
