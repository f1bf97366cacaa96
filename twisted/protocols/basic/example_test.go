package basic_test

import (
	"fmt"

	"github.com/twistedflow/twistedflow/twisted/protocol"
	"github.com/twistedflow/twistedflow/twisted/protocols/basic"
	"github.com/twistedflow/twistedflow/twisted/protohelpers"
)

// Upper answers each line with the line in upper case, and says goodbye
// to "quit".
type Upper struct {
	basic.LineReceiver
}

func (u *Upper) LineReceived(line []byte) {
	if string(line) == "quit" {
		u.SendLine([]byte("bye"))
		u.Transport.LoseConnection()
		return
	}
	out := make([]byte, len(line))
	for i, c := range line {
		if 'a' <= c && c <= 'z' {
			c -= 'a' - 'A'
		}
		out[i] = c
	}
	u.SendLine(out)
}

func ExampleLineReceiver() {
	u := &Upper{}
	t := &protohelpers.StringTransport{}
	protocol.MakeConnection(u, t) // u's LineReceiver now calls u.LineReceived
	u.DataReceived([]byte("hello\r\nwor"))
	u.DataReceived([]byte("ld\r\nquit\r\nignored\r\n"))
	fmt.Printf("%q %v\n", t.Value(), t.Disconnecting)
	// Output: "HELLO\r\nWORLD\r\nbye\r\n" true
}

type Strings struct {
	basic.NetstringReceiver
}

func (s *Strings) StringReceived(b []byte) { fmt.Printf("%q\n", b) }

func ExampleNetstringReceiver() {
	s := &Strings{}
	t := &protohelpers.StringTransport{}
	protocol.MakeConnection(s, t)
	s.DataReceived([]byte("5:hello,0:,4:1:a,,9999999999:"))
	fmt.Println("broken:", s.BrokenPeer, t.Disconnecting)
	// Output:
	// "hello"
	// ""
	// "1:a,"
	// broken: true true
}
