package testbasic

import (
	"bytes"

	"github.com/twistedflow/twistedflow/conformance/pyunit"
	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/protocol"
	"github.com/twistedflow/twistedflow/twisted/protocols/basic"
	"github.com/twistedflow/twistedflow/twisted/protohelpers"
)

// LineReceiverLineLengthExceededTests tests
// LineReceiver.LineLengthExceeded.
type LineReceiverLineLengthExceededTests struct {
	pyunit.TestCase
	proto     *ExcessivelyLargeLineCatcher
	transport *protohelpers.StringTransport
}

func (self *LineReceiverLineLengthExceededTests) SetUp() {
	self.proto = &ExcessivelyLargeLineCatcher{}
	self.proto.MaxLength = 6
	self.transport = stringTransport()
	protocol.MakeConnection(self.proto, self.transport)
}

// test_longUnendedLine: if more bytes than MAX_LENGTH arrive containing no
// line delimiter, all of the bytes are passed as a single string to
// LineLengthExceeded.
func (self *LineReceiverLineLengthExceededTests) test_longUnendedLine() any {
	excessive := times("x", self.proto.MaxLength*2+2)
	self.proto.DataReceived(excessive)
	self.AssertEqual(received{excessive}, self.proto.longLines)
	return nil
}

// test_longLineAfterShortLine: a short line followed by bytes that exceed
// the length limit without a line delimiter: LineLengthExceeded is called
// with all of the bytes following the short line's delimiter.
func (self *LineReceiverLineLengthExceededTests) test_longLineAfterShortLine() any {
	excessive := times("x", self.proto.MaxLength*2+2)
	self.proto.DataReceived(cat(b("x"), delimiter(&self.proto.LineReceiver), excessive))
	self.AssertEqual(received{excessive}, self.proto.longLines)
	return nil
}

// test_longLineWithDelimiter: more than MAX_LENGTH bytes containing a line
// delimiter somewhere not in the first MAX_LENGTH bytes: the entire byte
// string is passed to LineLengthExceeded.
func (self *LineReceiverLineLengthExceededTests) test_longLineWithDelimiter() any {
	excessive := bytes.Join(
		[][]byte{times("x", self.proto.MaxLength*2+2), times("x", self.proto.MaxLength*2+2)}, delimiter(&self.proto.LineReceiver),
	)
	self.proto.DataReceived(excessive)
	self.AssertEqual(received{excessive}, self.proto.longLines)
	return nil
}

// test_multipleLongLines: more than MAX_LENGTH bytes containing multiple
// line delimiters somewhere not in the first MAX_LENGTH bytes: the entire
// byte string is passed to LineLengthExceeded.
func (self *LineReceiverLineLengthExceededTests) test_multipleLongLines() any {
	line := cat(times("x", self.proto.MaxLength*2+2), delimiter(&self.proto.LineReceiver))
	excessive := cat(line, line)
	self.proto.DataReceived(excessive)
	self.AssertEqual(received{excessive}, self.proto.longLines)
	return nil
}

// test_maximumLineLength: LineReceiver disconnects the transport if it
// receives a line longer than its MAX_LENGTH.
func (self *LineReceiverLineLengthExceededTests) test_maximumLineLength() any {
	proto := &basic.LineReceiver{}
	transport := stringTransport()
	protocol.MakeConnection(proto, transport)
	proto.DataReceived(cat(times("x", basic.DefaultMaxLineLength+1), b("\r\nr")))
	self.AssertTrue(transport.Disconnecting)
	return nil
}

// test_maximumLineLengthRemaining: LineReceiver disconnects the transport
// if it receives a non-finished line longer than its MAX_LENGTH.
func (self *LineReceiverLineLengthExceededTests) test_maximumLineLengthRemaining() any {
	proto := &basic.LineReceiver{}
	transport := stringTransport()
	protocol.MakeConnection(proto, transport)
	proto.DataReceived(times("x", basic.DefaultMaxLineLength+len(basic.DefaultDelimiter)))
	self.AssertTrue(transport.Disconnecting)
	return nil
}

// delimiter is proto.delimiter: the class's, Twisted's default.
func delimiter(proto *basic.LineReceiver) []byte {
	if len(proto.Delimiter) == 0 {
		return basic.DefaultDelimiter
	}
	return proto.Delimiter
}

// LineOnlyReceiverTests tests basic.LineOnlyReceiver.
type LineOnlyReceiverTests struct {
	pyunit.TestCase
}

var lineOnlyBuffer = b(`foo
    bleakness
    desolation
    plastic forks
    `)

// test_buffer: buffering over line protocol: data received should match
// buffer.
func (self *LineOnlyReceiverTests) test_buffer() any {
	t := stringTransport()
	a := newLineOnlyTester()
	protocol.MakeConnection(a, t)
	for _, c := range iterbytes(lineOnlyBuffer) {
		a.DataReceived(c)
	}
	lines := bytes.Split(lineOnlyBuffer, b("\n"))
	self.AssertEqual(a.received, received(lines[:len(lines)-1]))
	return nil
}

// test_greaterThanMaximumLineLength: LineOnlyReceiver disconnects the
// transport if it receives a line longer than its MAX_LENGTH +
// len(delimiter).
func (self *LineOnlyReceiverTests) test_greaterThanMaximumLineLength() any {
	proto := newLineOnlyTester()
	transport := stringTransport()
	protocol.MakeConnection(proto, transport)
	proto.DataReceived(
		cat(times("x", proto.MaxLength+len(proto.Delimiter)+1), b("\r\nr")),
	)
	self.AssertTrue(transport.Disconnecting)
	return nil
}

// test_lineReceivedNotImplemented: when LineReceived is not overridden,
// calling it raises NotImplementedError.
func (self *LineOnlyReceiverTests) test_lineReceivedNotImplemented() any {
	proto := &basic.LineOnlyReceiver{}
	self.AssertRaises(twisted.NotImplementedError, func() error { proto.LineReceived(b("foo")); return nil })
	return nil
}

func init() {
	for name, test := range map[string]func(*LineReceiverLineLengthExceededTests) any{
		"test_longUnendedLine":            (*LineReceiverLineLengthExceededTests).test_longUnendedLine,
		"test_longLineAfterShortLine":     (*LineReceiverLineLengthExceededTests).test_longLineAfterShortLine,
		"test_longLineWithDelimiter":      (*LineReceiverLineLengthExceededTests).test_longLineWithDelimiter,
		"test_multipleLongLines":          (*LineReceiverLineLengthExceededTests).test_multipleLongLines,
		"test_maximumLineLength":          (*LineReceiverLineLengthExceededTests).test_maximumLineLength,
		"test_maximumLineLengthRemaining": (*LineReceiverLineLengthExceededTests).test_maximumLineLengthRemaining,
	} {
		addTest("LineReceiverLineLengthExceededTests", name, func() *LineReceiverLineLengthExceededTests { return &LineReceiverLineLengthExceededTests{} }, test)
	}
	for name, test := range map[string]func(*LineOnlyReceiverTests) any{
		"test_buffer":                       (*LineOnlyReceiverTests).test_buffer,
		"test_greaterThanMaximumLineLength": (*LineOnlyReceiverTests).test_greaterThanMaximumLineLength,
		"test_lineReceivedNotImplemented":   (*LineOnlyReceiverTests).test_lineReceivedNotImplemented,
	} {
		addTest("LineOnlyReceiverTests", name, func() *LineOnlyReceiverTests { return &LineOnlyReceiverTests{} }, test)
	}
}
