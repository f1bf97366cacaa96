package protohelpers_test

import (
	"fmt"

	"github.com/twistedflow/twistedflow/twisted/protocol"
	"github.com/twistedflow/twistedflow/twisted/protohelpers"
)

// upper answers each chunk in capitals and hangs up on "bye".
type upper struct{ protocol.Protocol }

func (p *upper) DataReceived(data []byte) {
	if string(data) == "bye" {
		p.Transport.LoseConnection()
		return
	}
	out := make([]byte, len(data))
	for i, c := range data {
		if 'a' <= c && c <= 'z' {
			c -= 'a' - 'A'
		}
		out[i] = c
	}
	p.Transport.Write(out)
}

// A protocol tested without a network, as Twisted's tests do with
// proto_helpers.StringTransport: connect it, feed it data, read what it
// wrote.
func ExampleStringTransport() {
	p := &upper{}
	tr := &protohelpers.StringTransport{}
	protocol.MakeConnection(p, tr)

	p.DataReceived([]byte("hello"))
	fmt.Printf("%q %v\n", tr.Value(), tr.Disconnecting)
	tr.Clear()
	p.DataReceived([]byte("bye"))
	fmt.Printf("%q %v %s\n", tr.Value(), tr.Disconnecting, tr.ProducerState())
	// Output:
	// "HELLO" false
	// "" true producing
}
