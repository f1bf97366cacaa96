package testbasic

import (
	"github.com/twistedflow/twistedflow/conformance/pyunit"
	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/protocol"
	"github.com/twistedflow/twistedflow/twisted/protocols/basic"
	"github.com/twistedflow/twistedflow/twisted/protohelpers"
)

// The int-prefixed test protocols: TestMixin on Int32StringReceiver,
// Int16StringReceiver and Int8StringReceiver. The tests replace their
// stringReceived or lengthLimitExceeded on the instance
// (r.stringReceived = f); the hooks stand for those instance attributes.
type hooks struct {
	stringReceivedHook      func(s []byte)
	lengthLimitExceededHook func(length int)
}

type TestInt32 struct {
	basic.Int32StringReceiver
	TestMixin
	hooks
}

type TestInt16 struct {
	basic.Int16StringReceiver
	TestMixin
	hooks
}

type TestInt8 struct {
	basic.Int8StringReceiver
	TestMixin
	hooks
}

// intN is what the IntN tests use of a test protocol.
type intN interface {
	protocol.IProtocol
	SendString(s []byte) error
	base() *basic.IntNStringReceiver
	mixin() *TestMixin
	hook() *hooks
}

func (self *TestInt32) base() *basic.IntNStringReceiver { return &self.IntNStringReceiver }
func (self *TestInt16) base() *basic.IntNStringReceiver { return &self.IntNStringReceiver }
func (self *TestInt8) base() *basic.IntNStringReceiver  { return &self.IntNStringReceiver }
func (self *TestInt32) mixin() *TestMixin               { return &self.TestMixin }
func (self *TestInt16) mixin() *TestMixin               { return &self.TestMixin }
func (self *TestInt8) mixin() *TestMixin                { return &self.TestMixin }
func (self *TestInt32) hook() *hooks                    { return &self.hooks }
func (self *TestInt16) hook() *hooks                    { return &self.hooks }
func (self *TestInt8) hook() *hooks                     { return &self.hooks }

func (self *TestInt32) ConnectionMade()                   { self.connectionMade() }
func (self *TestInt16) ConnectionMade()                   { self.connectionMade() }
func (self *TestInt8) ConnectionMade()                    { self.connectionMade() }
func (self *TestInt32) ConnectionLost(r *twisted.Failure) { self.connectionLost(r) }
func (self *TestInt16) ConnectionLost(r *twisted.Failure) { self.connectionLost(r) }
func (self *TestInt8) ConnectionLost(r *twisted.Failure)  { self.connectionLost(r) }

func (self *TestInt32) StringReceived(s []byte)   { self.hooks.stringReceived(&self.TestMixin, s) }
func (self *TestInt16) StringReceived(s []byte)   { self.hooks.stringReceived(&self.TestMixin, s) }
func (self *TestInt8) StringReceived(s []byte)    { self.hooks.stringReceived(&self.TestMixin, s) }
func (self *TestInt32) LengthLimitExceeded(n int) { self.hooks.lengthLimitExceeded(self.base(), n) }
func (self *TestInt16) LengthLimitExceeded(n int) { self.hooks.lengthLimitExceeded(self.base(), n) }
func (self *TestInt8) LengthLimitExceeded(n int)  { self.hooks.lengthLimitExceeded(self.base(), n) }

func (h *hooks) stringReceived(m *TestMixin, s []byte) {
	if h.stringReceivedHook != nil {
		h.stringReceivedHook(s)
		return
	}
	m.stringReceived(s)
}

func (h *hooks) lengthLimitExceeded(r *basic.IntNStringReceiver, length int) {
	if h.lengthLimitExceededHook != nil {
		h.lengthLimitExceededHook(length)
		return
	}
	r.LengthLimitExceeded(length)
}

// IntNTests is Int32Tests, Int16Tests or Int8Tests: IntNTestCaseMixin and
// RecvdAttributeMixin over one of the protocols.
type IntNTests struct {
	pyunit.TestCase
	protocol       func() intN
	strings        received
	illegalStrings received
	partialStrings received
}

// getProtocol returns a new protocol connected to a new StringTransport.
func (self *IntNTests) getProtocol() intN {
	t := stringTransport()
	a := self.protocol()
	a.base().MaxLength = 50 // TestMixin's MAX_LENGTH
	protocol.MakeConnection(a, t)
	return a
}

func transportOf(r intN) *protohelpers.StringTransport {
	return r.base().Transport.(*protohelpers.StringTransport)
}

// test_illegal: illegal strings cause the transport to be closed.
func (self *IntNTests) test_illegal() any {
	for _, s := range self.illegalStrings {
		r := self.getProtocol()
		for _, c := range iterbytes(s) {
			r.DataReceived(c)
		}
		self.AssertTrue(transportOf(r).Disconnecting)
	}
	return nil
}

// test_receive: receiving data finds the same data sent.
func (self *IntNTests) test_receive() any {
	r := self.getProtocol()
	for _, s := range self.strings {
		for _, c := range iterbytes(cat(pack(r.base().PrefixLength, len(s)), s)) {
			r.DataReceived(c)
		}
	}
	self.AssertEqual(r.mixin().received, self.strings)
	return nil
}

// test_partial: partial data sent, nothing should be definitely received.
func (self *IntNTests) test_partial() any {
	for _, s := range self.partialStrings {
		r := self.getProtocol()
		for _, c := range iterbytes(s) {
			r.DataReceived(c)
		}
		self.AssertEqual(r.mixin().received, received{})
	}
	return nil
}

// test_send: sending data over the protocol.
func (self *IntNTests) test_send() any {
	r := self.getProtocol()
	r.SendString(times("b", 16))
	self.AssertEqual(
		transportOf(r).Value(), cat(pack(r.base().PrefixLength, 16), times("b", 16)),
	)
	return nil
}

// test_lengthLimitExceeded: a length prefix greater than MAX_LENGTH calls
// LengthLimitExceeded with it.
func (self *IntNTests) test_lengthLimitExceeded() any {
	length := []any{}
	r := self.getProtocol()
	r.hook().lengthLimitExceededHook = func(n int) { length = append(length, n) } // r.lengthLimitExceeded = length.append
	r.base().MaxLength = 10
	r.DataReceived(pack(r.base().PrefixLength, 11))
	self.AssertEqual(length, []any{11})
	return nil
}

// test_longStringNotDelivered: a length prefix for a string longer than
// MAX_LENGTH delivered at the same time as the entire string: the string
// is not passed to StringReceived.
func (self *IntNTests) test_longStringNotDelivered() any {
	r := self.getProtocol()
	r.base().MaxLength = 10
	r.DataReceived(cat(pack(r.base().PrefixLength, 11), times("x", 11)))
	self.AssertEqual(r.mixin().received, received{})
	return nil
}

// test_stringReceivedNotImplemented: when StringReceived is not
// overridden, calling it raises NotImplementedError.
func (self *IntNTests) test_stringReceivedNotImplemented() any {
	proto := &basic.IntNStringReceiver{}
	self.AssertRaises(twisted.NotImplementedError, func() error { proto.StringReceived(b("foo")); return nil })
	return nil
}

// makeMessage returns data prefixed with its length.
func (self *IntNTests) makeMessage(protocol intN, data []byte) []byte {
	return cat(pack(protocol.base().PrefixLength, len(data)), data)
}

// test_recvdContainsRemainingData: in StringReceived, recvd contains the
// remaining data that was passed to DataReceived that was not part of the
// current message.
func (self *IntNTests) test_recvdContainsRemainingData() any {
	result := received{}
	r := self.getProtocol()

	stringReceived := func(receivedString []byte) {
		result = append(result, r.base().Recvd())
	}

	r.hook().stringReceivedHook = stringReceived
	completeMessage := cat(pack(r.base().PrefixLength, 5), times("a", 5))
	incompleteMessage := cat(pack(r.base().PrefixLength, 5), times("b", 4))
	// Receive a complete message, followed by an incomplete one
	r.DataReceived(cat(completeMessage, incompleteMessage))
	self.AssertEqual(result, received{incompleteMessage})
	return nil
}

// test_recvdChanged: in StringReceived, if recvd is changed, messages are
// parsed from it rather than the input to DataReceived.
func (self *IntNTests) test_recvdChanged() any {
	r := self.getProtocol()
	result := received{}
	payloadC := times("c", 5)
	messageC := self.makeMessage(r, payloadC)

	stringReceived := func(receivedString []byte) {
		if len(result) == 0 {
			r.base().SetRecvd(messageC)
		}
		result = append(result, receivedString)
	}

	r.hook().stringReceivedHook = stringReceived
	payloadA := times("a", 5)
	payloadB := times("b", 5)
	messageA := self.makeMessage(r, payloadA)
	messageB := self.makeMessage(r, payloadB)
	r.DataReceived(cat(messageA, messageB))
	self.AssertEqual(result, received{payloadA, payloadC})
	return nil
}

// test_switching: data already parsed by DataReceived is not reparsed if
// StringReceived consumes some of the recvd buffer.
func (self *IntNTests) test_switching() any {
	proto := self.getProtocol()
	mix := received{}
	SWITCH := b("\x00\x00\x00\x00")
	for _, s := range self.strings {
		mix = append(mix, self.makeMessage(proto, s))
		mix = append(mix, SWITCH)
	}

	result := received{}

	stringReceived := func(receivedString []byte) {
		result = append(result, receivedString)
		proto.base().SetRecvd(slice(proto.base().Recvd(), len(SWITCH), len(proto.base().Recvd())))
	}

	proto.hook().stringReceivedHook = stringReceived
	proto.DataReceived(cat(mix...))
	// Just another byte, to trigger processing of anything that might have
	// been left in the buffer (should be nothing).
	proto.DataReceived(b("\x01"))
	self.AssertEqual(result, self.strings)
	// And verify that another way
	self.AssertEqual(proto.base().Recvd(), b("\x01"))
	return nil
}

// test_recvdInLengthLimitExceeded: the recvd buffer contains all data not
// yet processed by DataReceived if LengthLimitExceeded occurs.
func (self *IntNTests) test_recvdInLengthLimitExceeded() any {
	proto := self.getProtocol()
	DATA := b("too long")
	proto.base().MaxLength = len(DATA) - 1
	message := self.makeMessage(proto, DATA)

	result := []any{}

	lengthLimitExceeded := func(length int) {
		result = append(result, length)
		result = append(result, proto.base().Recvd())
	}

	proto.hook().lengthLimitExceededHook = lengthLimitExceeded
	proto.DataReceived(message)
	self.AssertEqual(result[0], len(DATA))
	self.AssertEqual(result[1], message)
	return nil
}

// test_data: the specific behavior of the prefix length.
func (self *IntNTests) test_data(sent, incoming string) any {
	r := self.getProtocol()
	r.SendString(b("foo"))
	self.AssertEqual(transportOf(r).Value(), b(sent))
	r.DataReceived(b(incoming))
	self.AssertEqual(r.mixin().received, received{b("ubar")})
	return nil
}

// test_tooLongSend: sending too much data causes an error.
func (self *IntNTests) test_tooLongSend() any {
	r := self.getProtocol()
	tooSend := times("b", 1<<(r.base().PrefixLength*8)+1)
	self.AssertRaises(twisted.AssertionError, func() error { return r.SendString(tooSend) })
	return nil
}

func init() {
	classes := []struct {
		name     string
		fixture  func() *IntNTests
		sent, in string // test_data's
	}{
		{"Int32Tests", func() *IntNTests {
			return &IntNTests{
				protocol:       func() intN { return &TestInt32{} },
				strings:        received{b("a"), times("b", 16)},
				illegalStrings: received{b("\x10\x00\x00\x00aaaaaa")},
				partialStrings: received{b("\x00\x00\x00"), b("hello there"), b("")},
			}
		}, "\x00\x00\x00\x03foo", "\x00\x00\x00\x04ubar"},
		{"Int16Tests", func() *IntNTests {
			return &IntNTests{
				protocol:       func() intN { return &TestInt16{} },
				strings:        received{b("a"), times("b", 16)},
				illegalStrings: received{b("\x10\x00aaaaaa")},
				partialStrings: received{b("\x00"), b("hello there"), b("")},
			}
		}, "\x00\x03foo", "\x00\x04ubar"},
		{"Int8Tests", func() *IntNTests {
			return &IntNTests{
				protocol:       func() intN { return &TestInt8{} },
				strings:        received{b("a"), times("b", 16)},
				illegalStrings: received{b("\x00\x00aaaaaa")},
				partialStrings: received{b("\x08"), b("dzadz"), b("")},
			}
		}, "\x03foo", "\x04ubar"},
	}
	for _, class := range classes {
		tests := map[string]func(*IntNTests) any{
			"test_illegal":                      (*IntNTests).test_illegal,
			"test_receive":                      (*IntNTests).test_receive,
			"test_partial":                      (*IntNTests).test_partial,
			"test_send":                         (*IntNTests).test_send,
			"test_lengthLimitExceeded":          (*IntNTests).test_lengthLimitExceeded,
			"test_longStringNotDelivered":       (*IntNTests).test_longStringNotDelivered,
			"test_stringReceivedNotImplemented": (*IntNTests).test_stringReceivedNotImplemented,
			"test_recvdContainsRemainingData":   (*IntNTests).test_recvdContainsRemainingData,
			"test_recvdChanged":                 (*IntNTests).test_recvdChanged,
			"test_switching":                    (*IntNTests).test_switching,
			"test_recvdInLengthLimitExceeded":   (*IntNTests).test_recvdInLengthLimitExceeded,
			"test_data":                         func(self *IntNTests) any { return self.test_data(class.sent, class.in) },
		}
		if class.name != "Int32Tests" {
			tests["test_tooLongSend"] = (*IntNTests).test_tooLongSend
		}
		for name, test := range tests {
			addTest(class.name, name, class.fixture, test)
		}
	}
}
