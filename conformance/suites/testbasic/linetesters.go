package testbasic

import (
	"bytes"
	"strconv"

	"github.com/twistedflow/twistedflow/twisted/protocol"
	"github.com/twistedflow/twistedflow/twisted/protocols/basic"
	"github.com/twistedflow/twistedflow/twisted/task"
)

// FlippingLineTester is a line receiver that flips between line and raw
// data modes after one byte.
type FlippingLineTester struct {
	basic.LineReceiver
	lines received
}

func newFlippingLineTester() *FlippingLineTester {
	self := &FlippingLineTester{}
	self.Delimiter = b("\n")
	self.lines = received{}
	return self
}

// LineReceived sets the mode to raw.
func (self *FlippingLineTester) LineReceived(line []byte) {
	self.lines = append(self.lines, line)
	self.SetRawMode()
}

// RawDataReceived sets the mode back to line.
func (self *FlippingLineTester) RawDataReceived(data []byte) {
	self.SetLineMode(data[1:])
}

// LineTester is a line receiver that parses data received and makes
// actions on some tokens: pause, rawpause, stop, len, produce, unproduce.
// Give it a clock to use the pause/rawpause functionalities.
type LineTester struct {
	basic.LineReceiver
	clock    *task.Clock
	received received
	length   int
}

func newLineTester(clock *task.Clock) *LineTester {
	self := &LineTester{clock: clock}
	self.Delimiter = b("\n")
	self.MaxLength = 64
	return self
}

// ConnectionMade creates/cleans data received on connection.
func (self *LineTester) ConnectionMade() {
	self.received = received{}
}

func (self *LineTester) LineReceived(line []byte) {
	self.received = append(self.received, line)
	switch {
	case string(line) == "":
		self.SetRawMode()
	case string(line) == "pause":
		self.PauseProducing()
		self.clock.CallLater(0, self.ResumeProducing)
	case string(line) == "rawpause":
		self.PauseProducing()
		self.SetRawMode()
		self.received = append(self.received, b(""))
		self.clock.CallLater(0, self.ResumeProducing)
	case string(line) == "stop":
		self.StopProducing()
	case string(slice(line, 0, 4)) == "len ":
		self.length, _ = strconv.Atoi(string(line[4:]))
	case bytes.HasPrefix(line, b("produce")):
		self.Transport.(protocol.IConsumer).RegisterProducer(self, false)
	case bytes.HasPrefix(line, b("unproduce")):
		self.Transport.(protocol.IConsumer).UnregisterProducer()
	}
}

// RawDataReceived reads raw data, until the quantity specified by a
// previous 'len' line is reached.
func (self *LineTester) RawDataReceived(data []byte) {
	data, rest := slice(data, 0, self.length), slice(data, self.length, len(data))
	self.length = self.length - len(data)
	self.received[len(self.received)-1] = cat(self.received[len(self.received)-1], data)
	if self.length == 0 {
		self.SetLineMode(rest)
	}
}

// LineLengthExceeded adjusts line mode when long lines are received.
func (self *LineTester) LineLengthExceeded(line []byte) {
	if len(line) > self.MaxLength+1 {
		self.SetLineMode(slice(line, self.MaxLength+1, len(line)))
	}
}

// LineOnlyTester is a buffering line only receiver.
type LineOnlyTester struct {
	basic.LineOnlyReceiver
	received received
}

func newLineOnlyTester() *LineOnlyTester {
	self := &LineOnlyTester{}
	self.Delimiter = b("\n")
	self.MaxLength = 64
	return self
}

// ConnectionMade creates/cleans data received on connection.
func (self *LineOnlyTester) ConnectionMade() {
	self.received = received{}
}

// LineReceived saves received data.
func (self *LineOnlyTester) LineReceived(line []byte) {
	self.received = append(self.received, line)
}

// ExcessivelyLargeLineCatcher is the helper of
// LineReceiverLineLengthExceededTests: longLines are the values
// LineLengthExceeded has been called with.
type ExcessivelyLargeLineCatcher struct {
	basic.LineReceiver
	longLines received
}

func (self *ExcessivelyLargeLineCatcher) ConnectionMade() {
	self.longLines = received{}
}

// LineReceived disregards any received lines.
func (self *ExcessivelyLargeLineCatcher) LineReceived(line []byte) {}

// LineLengthExceeded records any data that exceeds the line length
// limits.
func (self *ExcessivelyLargeLineCatcher) LineLengthExceeded(data []byte) {
	self.longLines = append(self.longLines, data)
}
