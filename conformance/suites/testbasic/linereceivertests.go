package testbasic

import (
	"github.com/twistedflow/twistedflow/conformance/pyunit"
	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/protocol"
	"github.com/twistedflow/twistedflow/twisted/protocols/basic"
	"github.com/twistedflow/twistedflow/twisted/task"
)

// LineReceiverTests tests basic.LineReceiver, using the LineTester
// wrapper.
type LineReceiverTests struct {
	pyunit.TestCase
}

var lineReceiverTestsBuffer = b(`len 10

0123456789len 5

1234
len 20
foo 123

0123456789
012345678len 0
foo 5

1234567890123456789012345678901234567890123456789012345678901234567890
len 1

a`)

var lineReceiverTestsOutput = received{
	b("len 10"),
	b("0123456789"),
	b("len 5"),
	b("1234\n"),
	b("len 20"),
	b("foo 123"),
	b("0123456789\n012345678"),
	b("len 0"),
	b("foo 5"),
	b(""),
	b("67890"),
	b("len 1"),
	b("a"),
}

// test_buffer: buffering for different packet sizes, checking received
// matches expected data.
func (self *LineReceiverTests) test_buffer() any {
	for packet_size := 1; packet_size < 10; packet_size++ {
		t := fileWrapper()
		a := newLineTester(nil)
		protocol.MakeConnection(a, t)
		for i := range len(lineReceiverTestsBuffer)/packet_size + 1 {
			s := slice(lineReceiverTestsBuffer, i*packet_size, (i+1)*packet_size)
			a.DataReceived(s)
		}
		self.AssertEqual(lineReceiverTestsOutput, a.received)
	}
	return nil
}

var (
	pauseBuf     = b("twiddle1\ntwiddle2\npause\ntwiddle3\n")
	pauseOutput1 = received{b("twiddle1"), b("twiddle2"), b("pause")}
	pauseOutput2 = append(append(received{}, pauseOutput1...), b("twiddle3"))
)

// test_pausing: pause inside data receiving, with a fake clock to see if
// pausing/resuming work.
func (self *LineReceiverTests) test_pausing() any {
	for packet_size := 1; packet_size < 10; packet_size++ {
		t := fileWrapper()
		clock := task.NewClock()
		a := newLineTester(clock)
		protocol.MakeConnection(a, t)
		for i := range len(pauseBuf)/packet_size + 1 {
			s := slice(pauseBuf, i*packet_size, (i+1)*packet_size)
			a.DataReceived(s)
		}
		self.AssertEqual(pauseOutput1, a.received)
		clock.Advance(0)
		self.AssertEqual(pauseOutput2, a.received)
	}
	return nil
}

var (
	rawpauseBuf     = b("twiddle1\ntwiddle2\nlen 5\nrawpause\n12345twiddle3\n")
	rawpauseOutput1 = received{b("twiddle1"), b("twiddle2"), b("len 5"), b("rawpause"), b("")}
	rawpauseOutput2 = received{
		b("twiddle1"),
		b("twiddle2"),
		b("len 5"),
		b("rawpause"),
		b("12345"),
		b("twiddle3"),
	}
)

// test_rawPausing: pause inside raw data receiving.
func (self *LineReceiverTests) test_rawPausing() any {
	for packet_size := 1; packet_size < 10; packet_size++ {
		t := fileWrapper()
		clock := task.NewClock()
		a := newLineTester(clock)
		protocol.MakeConnection(a, t)
		for i := range len(rawpauseBuf)/packet_size + 1 {
			s := slice(rawpauseBuf, i*packet_size, (i+1)*packet_size)
			a.DataReceived(s)
		}
		self.AssertEqual(rawpauseOutput1, a.received)
		clock.Advance(0)
		self.AssertEqual(rawpauseOutput2, a.received)
	}
	return nil
}

var (
	stop_buf    = b("twiddle1\ntwiddle2\nstop\nmore\nstuff\n")
	stop_output = received{b("twiddle1"), b("twiddle2"), b("stop")}
)

// test_stopProducing: stop inside producing.
func (self *LineReceiverTests) test_stopProducing() any {
	for packet_size := 1; packet_size < 10; packet_size++ {
		t := fileWrapper()
		a := newLineTester(nil)
		protocol.MakeConnection(a, t)
		for i := range len(stop_buf)/packet_size + 1 {
			s := slice(stop_buf, i*packet_size, (i+1)*packet_size)
			a.DataReceived(s)
		}
		self.AssertEqual(stop_output, a.received)
	}
	return nil
}

// test_lineReceiverAsProducer: produce/unproduce in receiving.
func (self *LineReceiverTests) test_lineReceiverAsProducer() any {
	a := newLineTester(nil)
	t := fileWrapper()
	protocol.MakeConnection(a, t)
	a.DataReceived(b("produce\nhello world\nunproduce\ngoodbye\n"))
	self.AssertEqual(
		a.received, received{b("produce"), b("hello world"), b("unproduce"), b("goodbye")},
	)
	return nil
}

// ClearingReceiver is test_clearLineBuffer's.
type ClearingReceiver struct {
	basic.LineReceiver
	line, rest []byte
}

func (self *ClearingReceiver) LineReceived(line []byte) {
	self.line = line
	self.rest = self.ClearLineBuffer()
}

// test_clearLineBuffer: ClearLineBuffer removes all buffered data and
// returns it as bytes, and can be called from beneath DataReceived.
func (self *LineReceiverTests) test_clearLineBuffer() any {
	protocol := &ClearingReceiver{}
	protocol.SetSelf(protocol) // Python's self, as the protocol is never connected
	protocol.DataReceived(b("foo\r\nbar\r\nbaz"))
	self.AssertEqual(protocol.line, b("foo"))
	self.AssertEqual(protocol.rest, b("bar\r\nbaz"))

	// Deliver another line to make sure the previously buffered data is
	// really gone.
	protocol.DataReceived(b("quux\r\n"))
	self.AssertEqual(protocol.line, b("quux"))
	self.AssertEqual(protocol.rest, b(""))
	return nil
}

// recursionLimit is sys.getrecursionlimit() under CPython (its default).
const recursionLimit = 1000

// test_stackRecursion: switching modes many times on the same data.
func (self *LineReceiverTests) test_stackRecursion() any {
	proto := newFlippingLineTester()
	transport := fileWrapper()
	protocol.MakeConnection(proto, transport)
	limit := recursionLimit
	proto.DataReceived(times("x\nx", limit))
	self.AssertEqual(times("x", limit), cat(proto.lines...))
	return nil
}

// test_maximumLineLength: LineReceiver disconnects the transport if it
// receives a line longer than its MAX_LENGTH.
func (self *LineReceiverTests) test_maximumLineLength() any {
	proto := &basic.LineReceiver{}
	transport := stringTransport()
	protocol.MakeConnection(proto, transport)
	proto.DataReceived(cat(times("x", basic.DefaultMaxLineLength+1), b("\r\nr")))
	self.AssertTrue(transport.Disconnecting)
	return nil
}

// test_maximumLineLengthPartialDelimiter: LineReceiver doesn't disconnect
// the transport when it receives a finished line as long as its
// MAX_LENGTH, when the second-to-last packet ended with a pattern that
// could have been -- and turns out to have been -- the start of a
// delimiter, and that packet causes the total input to exceed MAX_LENGTH
// + len(delimiter).
func (self *LineReceiverTests) test_maximumLineLengthPartialDelimiter() any {
	proto := newLineTester(nil)
	proto.MaxLength = 4
	t := stringTransport()
	protocol.MakeConnection(proto, t)

	line := times("x", proto.MaxLength-1)
	proto.DataReceived(line)
	proto.DataReceived(slice(proto.Delimiter, 0, len(proto.Delimiter)-1))
	proto.DataReceived(cat(slice(proto.Delimiter, len(proto.Delimiter)-1, len(proto.Delimiter)), line))
	self.AssertFalse(t.Disconnecting)
	self.AssertEqual(len(proto.received), 1)
	self.AssertEqual(line, proto.received[0])
	return nil
}

// test_notQuiteMaximumLineLengthUnfinished: LineReceiver doesn't
// disconnect the transport if it receives a non-finished line whose
// length, counting the delimiter, is longer than its MAX_LENGTH but
// shorter than its MAX_LENGTH + len(delimiter).
func (self *LineReceiverTests) test_notQuiteMaximumLineLengthUnfinished() any {
	proto := &basic.LineReceiver{}
	// '\r\n' is the default, but we set it just to be explicit in
	// this test.
	proto.Delimiter = b("\r\n")
	transport := stringTransport()
	protocol.MakeConnection(proto, transport)
	proto.DataReceived(
		cat(times("x", basic.DefaultMaxLineLength), slice(proto.Delimiter, 0, len(proto.Delimiter)-1)),
	)
	self.AssertFalse(transport.Disconnecting)
	return nil
}

// test_rawDataReceivedNotImplemented: when RawDataReceived is not
// overridden, calling it raises NotImplementedError.
func (self *LineReceiverTests) test_rawDataReceivedNotImplemented() any {
	proto := &basic.LineReceiver{}
	self.AssertRaises(twisted.NotImplementedError, func() error { proto.RawDataReceived(b("foo")); return nil })
	return nil
}

// test_lineReceivedNotImplemented: when LineReceived is not overridden,
// calling it raises NotImplementedError.
func (self *LineReceiverTests) test_lineReceivedNotImplemented() any {
	proto := &basic.LineReceiver{}
	self.AssertRaises(twisted.NotImplementedError, func() error { proto.LineReceived(b("foo")); return nil })
	return nil
}

func init() {
	for name, test := range map[string]func(*LineReceiverTests) any{
		"test_buffer":                              (*LineReceiverTests).test_buffer,
		"test_pausing":                             (*LineReceiverTests).test_pausing,
		"test_rawPausing":                          (*LineReceiverTests).test_rawPausing,
		"test_stopProducing":                       (*LineReceiverTests).test_stopProducing,
		"test_lineReceiverAsProducer":              (*LineReceiverTests).test_lineReceiverAsProducer,
		"test_clearLineBuffer":                     (*LineReceiverTests).test_clearLineBuffer,
		"test_stackRecursion":                      (*LineReceiverTests).test_stackRecursion,
		"test_maximumLineLength":                   (*LineReceiverTests).test_maximumLineLength,
		"test_maximumLineLengthPartialDelimiter":   (*LineReceiverTests).test_maximumLineLengthPartialDelimiter,
		"test_notQuiteMaximumLineLengthUnfinished": (*LineReceiverTests).test_notQuiteMaximumLineLengthUnfinished,
		"test_rawDataReceivedNotImplemented":       (*LineReceiverTests).test_rawDataReceivedNotImplemented,
		"test_lineReceivedNotImplemented":          (*LineReceiverTests).test_lineReceivedNotImplemented,
	} {
		addTest("LineReceiverTests", name, func() *LineReceiverTests { return &LineReceiverTests{} }, test)
	}
}
