package flow_test

import (
	"fmt"
	"io"
	"net"
	"strings"

	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/protocol"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// A flow that answers once its peer has said everything: it reads the
// connection to the end of its input, which a half-closeable protocol's
// peer gives by shutting down its sending side (as nc -N does), and then
// writes its answer; its end closes the connection, once the answer has
// been sent. Without the option, the half-close would lose the connection
// before the flow has written anything.
func ExampleHalfCloseable() {
	upcaser := func(conn *flow.Protocol) flow.Generator {
		return func(yield func(any) bool) error {
			var got strings.Builder
			for yield(conn) {
				data, err := conn.Next()
				if twisted.ClassOf(err) == twisted.StopIteration {
					break // the peer has stopped sending
				} else if err != nil {
					return err
				}
				got.WriteString(data.(string))
			}
			yield(strings.ToUpper(got.String()))
			return nil // the flow ends: the connection is closed
		}
	}

	r := reactor.New()
	factory := &protocol.ServerFactory{Protocol: flow.MakeProtocolOn(r, upcaser, flow.HalfCloseable())}
	port, err := r.ListenTCP(0, factory, reactor.Interface("127.0.0.1"))
	if err != nil {
		panic(err)
	}
	go func() {
		c, err := net.DialTCP("tcp", nil, port.GetHost())
		if err != nil {
			panic(err)
		}
		c.Write([]byte("hello, "))
		c.Write([]byte("world"))
		c.CloseWrite()
		answer, _ := io.ReadAll(c)
		c.Close()
		fmt.Printf("%s\n", answer)
		r.CallFromThread(func() { r.Stop() })
	}()
	r.Run()
	// Output: HELLO, WORLD
}
