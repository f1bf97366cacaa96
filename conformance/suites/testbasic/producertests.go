package testbasic

import (
	"bytes"
	"net"

	"github.com/twistedflow/twistedflow/conformance/pyunit"
	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/protocol"
	"github.com/twistedflow/twistedflow/twisted/protocols/basic"
)

// OnlyProducerTransport is a transport which isn't really a transport,
// just looks like one to someone not looking very hard. (Go's
// ITransport asks for the methods it lacks: they do nothing.)
type OnlyProducerTransport struct {
	paused bool
	data   received
}

func newOnlyProducerTransport() *OnlyProducerTransport {
	return &OnlyProducerTransport{data: received{}}
}

func (self *OnlyProducerTransport) PauseProducing()  { self.paused = true }
func (self *OnlyProducerTransport) ResumeProducing() { self.paused = false }
func (self *OnlyProducerTransport) Write(bytes []byte) {
	self.data = append(self.data, bytes)
}

func (self *OnlyProducerTransport) WriteSequence([][]byte) {}
func (self *OnlyProducerTransport) LoseConnection()        {}
func (self *OnlyProducerTransport) AbortConnection()       {}
func (self *OnlyProducerTransport) GetPeer() net.Addr      { return nil }
func (self *OnlyProducerTransport) GetHost() net.Addr      { return nil }

// ConsumingProtocol is a protocol that really, really doesn't want any
// more bytes.
type ConsumingProtocol struct {
	basic.LineReceiver
}

func (self *ConsumingProtocol) LineReceived(line []byte) {
	self.Transport.Write(line)
	self.PauseProducing()
}

// ProducerTests tests _PausableMixin and LineReceiver.paused.
type ProducerTests struct {
	pyunit.TestCase
}

// test_pauseResume: a paused LineReceiver doesn't deliver lines to
// LineReceived, and delivers them immediately upon being resumed.
// ConsumingProtocol pauses itself after every line, and writes that line
// to its transport.
func (self *ProducerTests) test_pauseResume() any {
	p := &ConsumingProtocol{}
	t := newOnlyProducerTransport()
	protocol.MakeConnection(p, t)

	// Deliver a partial line.
	// This doesn't trigger a pause and doesn't deliver a line.
	p.DataReceived(b("hello, "))
	self.AssertEqual(t.data, received{})
	self.AssertFalse(t.paused)
	self.AssertFalse(p.Paused)

	// Deliver the rest of the line.
	// This triggers the pause, and the line is echoed.
	p.DataReceived(b("world\r\n"))
	self.AssertEqual(t.data, received{b("hello, world")})
	self.AssertTrue(t.paused)
	self.AssertTrue(p.Paused)

	// Unpausing doesn't deliver more data, and the protocol is unpaused.
	p.ResumeProducing()
	self.AssertEqual(t.data, received{b("hello, world")})
	self.AssertFalse(t.paused)
	self.AssertFalse(p.Paused)

	// Deliver two lines at once.
	// The protocol is paused after receiving and echoing the first line.
	p.DataReceived(b("hello\r\nworld\r\n"))
	self.AssertEqual(t.data, received{b("hello, world"), b("hello")})
	self.AssertTrue(t.paused)
	self.AssertTrue(p.Paused)

	// Unpausing delivers the waiting line, and causes the protocol to
	// pause again.
	p.ResumeProducing()
	self.AssertEqual(t.data, received{b("hello, world"), b("hello"), b("world")})
	self.AssertTrue(t.paused)
	self.AssertTrue(p.Paused)

	// Deliver a line while paused.
	// This doesn't have a visible effect.
	p.DataReceived(b("goodbye\r\n"))
	self.AssertEqual(t.data, received{b("hello, world"), b("hello"), b("world")})
	self.AssertTrue(t.paused)
	self.AssertTrue(p.Paused)

	// Unpausing delivers the waiting line, and causes the protocol to
	// pause again.
	p.ResumeProducing()
	self.AssertEqual(t.data, received{b("hello, world"), b("hello"), b("world"), b("goodbye")})
	self.AssertTrue(t.paused)
	self.AssertTrue(p.Paused)

	// Unpausing doesn't deliver more data, and the protocol is unpaused.
	p.ResumeProducing()
	self.AssertEqual(t.data, received{b("hello, world"), b("hello"), b("world"), b("goodbye")})
	self.AssertFalse(t.paused)
	self.AssertFalse(p.Paused)
	return nil
}

// FileSenderTests tests basic.FileSender.
type FileSenderTests struct {
	pyunit.TestCase
}

// test_producerRegistered: BeginFileTransfer registers the sender with the
// consumer, as a non-streaming producer.
func (self *FileSenderTests) test_producerRegistered() any {
	source := bytes.NewReader(b("Test content"))
	consumer := stringTransport()
	sender := &basic.FileSender{}
	sender.BeginFileTransfer(source, consumer, nil)
	self.AssertEqual(consumer.Producer, sender)
	self.AssertFalse(consumer.Streaming)
	return nil
}

// test_transfer: FileSender sends the content of the file to the
// consumer; the Deferred fires with the last byte sent.
func (self *FileSenderTests) test_transfer() any {
	source := bytes.NewReader(b("Test content"))
	consumer := stringTransport()
	sender := &basic.FileSender{}
	d := sender.BeginFileTransfer(source, consumer, nil)
	sender.ResumeProducing()
	// resumeProducing only finishes after trying to read at eof
	sender.ResumeProducing()
	self.AssertIsNone(consumer.Producer)

	self.AssertEqual(b("t"), self.SuccessResultOf(d))
	self.AssertEqual(b("Test content"), consumer.Value())
	return nil
}

// test_transferMultipleChunks: FileSender reads at most CHUNK_SIZE every
// time it resumes producing.
func (self *FileSenderTests) test_transferMultipleChunks() any {
	source := bytes.NewReader(b("Test content"))
	consumer := stringTransport()
	sender := &basic.FileSender{}
	sender.ChunkSize = 4
	d := sender.BeginFileTransfer(source, consumer, nil)
	// Ideally we would assertNoResult(d) here, but <http://tm.tl/6291>
	sender.ResumeProducing()
	self.AssertEqual(b("Test"), consumer.Value())
	sender.ResumeProducing()
	self.AssertEqual(b("Test con"), consumer.Value())
	sender.ResumeProducing()
	self.AssertEqual(b("Test content"), consumer.Value())
	// resumeProducing only finishes after trying to read at eof
	sender.ResumeProducing()

	self.AssertEqual(b("t"), self.SuccessResultOf(d))
	self.AssertEqual(b("Test content"), consumer.Value())
	return nil
}

// test_transferWithTransform: BeginFileTransfer's transform manipulates
// the data on the fly.
func (self *FileSenderTests) test_transferWithTransform() any {
	transform := func(chunk []byte) []byte {
		return swapcase(chunk)
	}

	source := bytes.NewReader(b("Test content"))
	consumer := stringTransport()
	sender := &basic.FileSender{}
	d := sender.BeginFileTransfer(source, consumer, transform)
	sender.ResumeProducing()
	// resumeProducing only finishes after trying to read at eof
	sender.ResumeProducing()

	self.AssertEqual(b("T"), self.SuccessResultOf(d))
	self.AssertEqual(b("tEST CONTENT"), consumer.Value())
	return nil
}

// swapcase is bytes.swapcase.
func swapcase(s []byte) []byte {
	out := make([]byte, len(s))
	for i, c := range s {
		switch {
		case 'a' <= c && c <= 'z':
			c -= 'a' - 'A'
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		}
		out[i] = c
	}
	return out
}

// test_abortedTransfer: the Deferred fails with an Exception if
// StopProducing is called when the transfer is not complete.
func (self *FileSenderTests) test_abortedTransfer() any {
	source := bytes.NewReader(b("Test content"))
	consumer := stringTransport()
	sender := &basic.FileSender{}
	d := sender.BeginFileTransfer(source, consumer, nil)
	// Abort the transfer right away
	sender.StopProducing()

	failure := self.FailureResultOf(d)
	failure.Trap(twisted.Exception)
	self.AssertEqual("Consumer asked us to stop producing", twisted.Str(failure.Value))
	return nil
}

func init() {
	addTest("ProducerTests", "test_pauseResume", func() *ProducerTests { return &ProducerTests{} }, (*ProducerTests).test_pauseResume)
	for name, test := range map[string]func(*FileSenderTests) any{
		"test_producerRegistered":     (*FileSenderTests).test_producerRegistered,
		"test_transfer":               (*FileSenderTests).test_transfer,
		"test_transferMultipleChunks": (*FileSenderTests).test_transferMultipleChunks,
		"test_transferWithTransform":  (*FileSenderTests).test_transferWithTransform,
		"test_abortedTransfer":        (*FileSenderTests).test_abortedTransfer,
	} {
		addTest("FileSenderTests", name, func() *FileSenderTests { return &FileSenderTests{} }, test)
	}
}
