package reactor_test

import (
	"bytes"
	"fmt"
	"io"
	"net"

	"github.com/twistedflow/twistedflow/twisted/protocol"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// upcaser answers once its peer has said everything: it reads until the
// peer half-closes, then writes what it read in upper case and closes.
type upcaser struct {
	protocol.Protocol
	got []byte
}

func (u *upcaser) DataReceived(data []byte) { u.got = append(u.got, data...) }

// ReadConnectionLost: the peer has stopped sending, and still reads.
func (u *upcaser) ReadConnectionLost() {
	u.Transport.Write(bytes.ToUpper(u.got))
	u.Transport.LoseConnection() // the protocol's job, once it has answered
}

func (u *upcaser) WriteConnectionLost() {}

// A protocol that implements IHalfCloseableProtocol is told when its peer
// shuts down its sending side (as nc -N does), and can still answer;
// another protocol would lose the connection there.
func Example_halfClose() {
	r := reactor.New()
	factory := &protocol.Factory{Protocol: func() protocol.IProtocol { return &upcaser{} }}
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
