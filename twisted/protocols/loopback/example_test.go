package loopback_test

import (
	"fmt"

	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/protocol"
	"github.com/twistedflow/twistedflow/twisted/protocols/loopback"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// Echo writes back what it receives.
type Echo struct{ protocol.Protocol }

func (e *Echo) DataReceived(data []byte) { e.Transport.Write(data) }

// Greeter sends a greeting, prints the answer and hangs up.
type Greeter struct{ protocol.Protocol }

func (g *Greeter) ConnectionMade() { g.Transport.Write([]byte("hello")) }

func (g *Greeter) DataReceived(data []byte) {
	fmt.Printf("client got %s\n", data)
	g.Transport.LoseConnection()
}

func (g *Greeter) ConnectionLost(reason *twisted.Failure) {
	fmt.Println("client lost:", reason.Value)
}

func Example() {
	clock := reactor.NewClock()
	d := loopback.LoopbackAsyncOn(clock, &Echo{}, &Greeter{})
	d.AddCallback(func(any) (any, error) {
		fmt.Println("both sides closed")
		return nil, nil
	})
	// Output:
	// client got hello
	// client lost: Connection was closed cleanly: Connection done.
	// both sides closed
}
