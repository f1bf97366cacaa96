package flowbase

import (
	"fmt"

	"github.com/twistedflow/twistedflow/conformance/pyunit"
	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/protocol"
	"github.com/twistedflow/twistedflow/twisted/protocols/basic"
	"github.com/twistedflow/twistedflow/twisted/protocols/loopback"
)

// LineClient writes each of chunks as one write, then collects the lines
// it receives; once it has expected of them, it closes the connection.
type LineClient struct {
	basic.LineReceiver
	chunks   []string
	expected int
	lines    []any
}

func newLineClient(chunks []string, expected int) *LineClient {
	return &LineClient{chunks: chunks, expected: expected, lines: []any{}}
}

func (self *LineClient) ConnectionMade() {
	for _, chunk := range self.chunks {
		self.Transport.Write([]byte(chunk))
	}
}

func (self *LineClient) LineReceived(line []byte) {
	self.lines = append(self.lines, string(line))
	if len(self.lines) == self.expected {
		self.Transport.LoseConnection()
	}
}

// lineFeeder is makeProtocol's class over basic.LineReceiver with the
// callback 'lineReceived': each line is a result of the flow's stage.
type lineFeeder struct {
	basic.LineReceiver
	conn *flow.Protocol
}

func (self *lineFeeder) LineReceived(line []byte) { self.conn.Result(string(line)) }

// generator is a controller written as Python's generator function.
func generator(body func(conn *flow.Protocol, yield func(any) bool) error) func(*flow.Protocol) flow.Generator {
	return func(conn *flow.Protocol) flow.Generator {
		return func(yield func(any) bool) error { return body(conn, yield) }
	}
}

// for line in conn: ... yield conn
func each(conn *flow.Protocol, yield func(any) bool, body func(item any) bool) error {
	if !yield(conn) {
		return nil
	}
	for {
		item, err := conn.Next()
		if err != nil {
			return err // StopIteration ends the loop, and the generator
		}
		if !body(item) || !yield(conn) {
			return nil
		}
	}
}

var echoLines = generator(func(conn *flow.Protocol, yield func(any) bool) error {
	return each(conn, yield, func(line any) bool {
		return yield(upper(line.(string)) + "\r\n")
	})
})

type LineReceiverBase struct{ pyunit.TestCase }

func (self *LineReceiverBase) test_echoLines() any {
	server := flow.MakeProtocolWithBaseOn(self.Reactor(), echoLines, func(conn *flow.Protocol) protocol.IProtocol {
		return &lineFeeder{conn: conn}
	})()
	client := newLineClient([]string{"one\r\ntw", "o\r\nthree\r", "\n"}, 3)
	d := loopback.LoopbackAsyncOn(self.Reactor(), server, client)
	d.AddCallback(func(any) (any, error) {
		self.AssertEqual(client.lines, []any{"ONE", "TWO", "THREE"})
		return nil, nil
	})
	return d
}

// ShortLines is the LineReceiver subclass with its own delimiter and
// MAX_LENGTH: as a base of makeProtocol, lineFeeder with them.
func newShortLines(conn *flow.Protocol) protocol.IProtocol {
	base := &lineFeeder{conn: conn}
	base.Delimiter = []byte("\n")
	base.MaxLength = 5
	return base
}

func (self *LineReceiverBase) test_subclassAttributes() any {
	countLines := generator(func(conn *flow.Protocol, yield func(any) bool) error {
		n := 0
		err := each(conn, yield, func(line any) bool {
			n += 1
			return yield(fmt.Sprintf("%d %s\n", n, line))
		})
		if err != nil && !isStopIteration(err) {
			return err
		}
		self.T().Print("flow done after", n)
		return err
	})
	server := flow.MakeProtocolWithBaseOn(self.Reactor(), countLines, newShortLines)()
	client := newLineClient([]string{"ab\n", "cd\ntoo long for it\nef\n"}, 99)
	client.Delimiter = []byte("\n")
	d := loopback.LoopbackAsyncOn(self.Reactor(), server, client)
	d.AddCallback(func(any) (any, error) {
		self.AssertEqual(client.lines, []any{"1 ab", "2 cd"})
		return nil, nil
	})
	return d
}

// stringFeeder is makeProtocol's class over basic.NetstringReceiver with
// the callback 'stringReceived'.
type stringFeeder struct {
	basic.NetstringReceiver
	conn *flow.Protocol
}

func (self *stringFeeder) StringReceived(s []byte) { self.conn.Result(string(s)) }

var shout = generator(func(conn *flow.Protocol, yield func(any) bool) error {
	return each(conn, yield, func(s any) bool {
		return yield(fmt.Sprintf("%d:%s,", len(s.(string)), upper(s.(string))))
	})
})

type StringClient struct {
	basic.NetstringReceiver
	strings []any
}

func (self *StringClient) ConnectionMade() {
	self.strings = []any{}
	self.Transport.Write([]byte("5:hello,3:a"))
	self.Transport.Write([]byte("bc,0:,"))
}

func (self *StringClient) StringReceived(s []byte) {
	self.strings = append(self.strings, string(s))
	if len(self.strings) == 3 {
		self.Transport.LoseConnection()
	}
}

type NetstringReceiverBase struct{ pyunit.TestCase }

func (self *NetstringReceiverBase) test_echoStrings() any {
	server := flow.MakeProtocolWithBaseOn(self.Reactor(), shout, func(conn *flow.Protocol) protocol.IProtocol {
		return &stringFeeder{conn: conn}
	})()
	client := &StringClient{}
	d := loopback.LoopbackAsyncOn(self.Reactor(), server, client)
	d.AddCallback(func(any) (any, error) {
		self.AssertEqual(client.strings, []any{"HELLO", "ABC", ""})
		return nil, nil
	})
	return d
}

func init() {
	addTest("LineReceiverBase", "echoLines", func() *LineReceiverBase { return &LineReceiverBase{} }, (*LineReceiverBase).test_echoLines)
	addTest("LineReceiverBase", "subclassAttributes", func() *LineReceiverBase { return &LineReceiverBase{} }, (*LineReceiverBase).test_subclassAttributes)
	addTest("NetstringReceiverBase", "echoStrings", func() *NetstringReceiverBase { return &NetstringReceiverBase{} }, (*NetstringReceiverBase).test_echoStrings)
}
