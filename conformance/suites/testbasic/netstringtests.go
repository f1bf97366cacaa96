package testbasic

import (
	"github.com/twistedflow/twistedflow/conformance/pyunit"
	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/protocol"
	"github.com/twistedflow/twistedflow/twisted/protocols/basic"
	"github.com/twistedflow/twistedflow/twisted/protohelpers"
)

// TestMixin is test_basic.py's TestMixin: received strings, MAX_LENGTH
// 50, closed on connectionLost.
type TestMixin struct {
	received received
	closed   int
}

func (self *TestMixin) connectionMade() { self.received = received{} }

func (self *TestMixin) stringReceived(s []byte) { self.received = append(self.received, s) }

func (self *TestMixin) connectionLost(*twisted.Failure) { self.closed = 1 }

// TestNetstring is TestMixin on a NetstringReceiver that echoes each
// string it receives.
type TestNetstring struct {
	basic.NetstringReceiver
	TestMixin
}

func newTestNetstring() *TestNetstring {
	self := &TestNetstring{}
	self.MaxLength = 50
	return self
}

func (self *TestNetstring) ConnectionMade() { self.connectionMade() }

func (self *TestNetstring) ConnectionLost(reason *twisted.Failure) { self.connectionLost(reason) }

func (self *TestNetstring) StringReceived(s []byte) {
	self.received = append(self.received, s)
	self.Transport.Write(s)
}

// NetstringReceiverTests tests basic.NetstringReceiver (with
// LPTestCaseMixin's test_illegal).
type NetstringReceiverTests struct {
	pyunit.TestCase
	transport         *protohelpers.StringTransport
	netstringReceiver *TestNetstring
}

var netstringStrings = received{b("hello"), b("world"), b("how"), b("are"), b("you123"), b(":today"), times("a", 515)}

var netstringIllegalStrings = received{
	b("9999999999999999999999"),
	b("abc"),
	b("4:abcde"),
	b("51:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab,"),
}

func (self *NetstringReceiverTests) SetUp() {
	self.transport = stringTransport()
	self.netstringReceiver = newTestNetstring()
	protocol.MakeConnection(self.netstringReceiver, self.transport)
}

// getProtocol is LPTestCaseMixin's: a new protocol connected to a new
// StringTransport.
func (self *NetstringReceiverTests) getProtocol() *TestNetstring {
	t := stringTransport()
	a := newTestNetstring()
	protocol.MakeConnection(a, t)
	return a
}

// test_illegal: illegal strings cause the transport to be closed.
func (self *NetstringReceiverTests) test_illegal() any {
	for _, s := range netstringIllegalStrings {
		r := self.getProtocol()
		for _, c := range iterbytes(s) {
			r.DataReceived(c)
		}
		self.AssertTrue(r.Transport.(*protohelpers.StringTransport).Disconnecting)
	}
	return nil
}

// test_buffer: strings can be received in chunks of different lengths.
func (self *NetstringReceiverTests) test_buffer() any {
	for packet_size := 1; packet_size < 10; packet_size++ {
		t := stringTransport()
		a := newTestNetstring()
		a.MaxLength = 699
		protocol.MakeConnection(a, t)
		for _, s := range netstringStrings {
			a.SendString(s)
		}
		out := t.Value()
		for i := range len(out)/packet_size + 1 {
			s := slice(out, i*packet_size, (i+1)*packet_size)
			if len(s) > 0 {
				a.DataReceived(s)
			}
		}
		self.AssertEqual(a.received, netstringStrings)
	}
	return nil
}

// received checks one test's dataReceived: the strings received.
func (self *NetstringReceiverTests) receive(data string, want received) any {
	self.netstringReceiver.DataReceived(b(data))
	self.AssertEqual(self.netstringReceiver.received, want)
	return nil
}

// refuse checks one test's dataReceived: the transport is closed.
func (self *NetstringReceiverTests) refuse(data string) any {
	self.netstringReceiver.DataReceived(b(data))
	self.AssertTrue(self.transport.Disconnecting)
	return nil
}

// test_receiveNetstringPortions_1: netstrings can be received in two
// portions.
func (self *NetstringReceiverTests) test_receiveNetstringPortions_1() any {
	self.netstringReceiver.DataReceived(b("4:aa"))
	self.netstringReceiver.DataReceived(b("aa,"))
	self.AssertEqual(self.netstringReceiver.received, received{b("aaaa")})
	self.AssertTrue(self.netstringReceiver.PayloadComplete())
	return nil
}

// test_receiveNetstringPortions_2: netstrings can be received in more than
// two portions, even if the length specification is split across two
// portions.
func (self *NetstringReceiverTests) test_receiveNetstringPortions_2() any {
	for _, part := range (received{b("1"), b("0:01234"), b("56789"), b(",")}) {
		self.netstringReceiver.DataReceived(part)
	}
	self.AssertEqual(self.netstringReceiver.received, received{b("0123456789")})
	return nil
}

// test_receiveNetstringPortions_3: netstrings can be received one
// character at a time.
func (self *NetstringReceiverTests) test_receiveNetstringPortions_3() any {
	for _, part := range (received{b("2"), b(":"), b("a"), b("b"), b(",")}) {
		self.netstringReceiver.DataReceived(part)
	}
	self.AssertEqual(self.netstringReceiver.received, received{b("ab")})
	return nil
}

// test_receiveTwoNetstrings: a stream of two netstrings can be received in
// two portions, where the first portion contains the complete first
// netstring and the length specification of the second netstring.
func (self *NetstringReceiverTests) test_receiveTwoNetstrings() any {
	self.netstringReceiver.DataReceived(b("1:a,1"))
	self.AssertTrue(self.netstringReceiver.PayloadComplete())
	self.AssertEqual(self.netstringReceiver.received, received{b("a")})
	self.netstringReceiver.DataReceived(b(":b,"))
	self.AssertEqual(self.netstringReceiver.received, received{b("a"), b("b")})
	return nil
}

// test_maxReceiveLimit: netstrings with a length specification exceeding
// the specified MAX_LENGTH are refused.
func (self *NetstringReceiverTests) test_maxReceiveLimit() any {
	tooLong := self.netstringReceiver.MaxLength + 1
	// bytes(tooLong) in Python 3 is tooLong zero bytes (not the digits).
	self.netstringReceiver.DataReceived(
		cat(make([]byte, tooLong), b(":"), times("a", tooLong)),
	)
	self.AssertTrue(self.transport.Disconnecting)
	return nil
}

// consumeLength is test_consumeLength*'s: _remainingData set, then
// _consumeLength(), which raises (returns) what it raises.
func (self *NetstringReceiverTests) consumeLength(data string) error {
	self.netstringReceiver.SetRemainingData(b(data))
	_, err := self.netstringReceiver.ConsumeLength()
	return err
}

// test_consumeLength: _consumeLength returns the expected length of the
// netstring, including the trailing comma.
func (self *NetstringReceiverTests) test_consumeLength() any {
	if err := self.consumeLength("12:"); err != nil {
		panic(err)
	}
	self.AssertEqual(self.netstringReceiver.ExpectedPayloadSize(), 13)
	return nil
}

// test_consumeLengthBorderCase1: _consumeLength works as expected if the
// length specification contains the value of MAX_LENGTH (border case).
func (self *NetstringReceiverTests) test_consumeLengthBorderCase1() any {
	self.netstringReceiver.MaxLength = 12
	if err := self.consumeLength("12:"); err != nil {
		panic(err)
	}
	self.AssertEqual(self.netstringReceiver.ExpectedPayloadSize(), 13)
	return nil
}

// test_consumeLengthBorderCase2: _consumeLength raises a
// NetstringParseError if the length specification exceeds MAX_LENGTH by
// 1 (border case).
func (self *NetstringReceiverTests) test_consumeLengthBorderCase2() any {
	self.netstringReceiver.MaxLength = 11
	self.AssertRaises(basic.NetstringParseError, func() error { return self.consumeLength("12:") })
	return nil
}

// test_consumeLengthBorderCase3: _consumeLength raises a
// NetstringParseError if the length specification exceeds MAX_LENGTH by
// more than 1.
func (self *NetstringReceiverTests) test_consumeLengthBorderCase3() any {
	self.netstringReceiver.MaxLength = 11
	self.AssertRaises(basic.NetstringParseError, func() error { return self.consumeLength("1000:") })
	return nil
}

// test_stringReceivedNotImplemented: when StringReceived is not
// overridden, calling it raises NotImplementedError.
func (self *NetstringReceiverTests) test_stringReceivedNotImplemented() any {
	proto := &basic.NetstringReceiver{}
	self.AssertRaises(twisted.NotImplementedError, func() error { proto.StringReceived(b("foo")); return nil })
	return nil
}

func init() {
	tests := map[string]func(*NetstringReceiverTests) any{
		"test_illegal":                      (*NetstringReceiverTests).test_illegal,
		"test_buffer":                       (*NetstringReceiverTests).test_buffer,
		"test_receiveNetstringPortions_1":   (*NetstringReceiverTests).test_receiveNetstringPortions_1,
		"test_receiveNetstringPortions_2":   (*NetstringReceiverTests).test_receiveNetstringPortions_2,
		"test_receiveNetstringPortions_3":   (*NetstringReceiverTests).test_receiveNetstringPortions_3,
		"test_receiveTwoNetstrings":         (*NetstringReceiverTests).test_receiveTwoNetstrings,
		"test_maxReceiveLimit":              (*NetstringReceiverTests).test_maxReceiveLimit,
		"test_consumeLength":                (*NetstringReceiverTests).test_consumeLength,
		"test_consumeLengthBorderCase1":     (*NetstringReceiverTests).test_consumeLengthBorderCase1,
		"test_consumeLengthBorderCase2":     (*NetstringReceiverTests).test_consumeLengthBorderCase2,
		"test_consumeLengthBorderCase3":     (*NetstringReceiverTests).test_consumeLengthBorderCase3,
		"test_stringReceivedNotImplemented": (*NetstringReceiverTests).test_stringReceivedNotImplemented,
	}
	// The tests that are one dataReceived and one assertion.
	receives := map[string]struct {
		data string
		want received
	}{
		"test_receiveEmptyNetstring":  {"0:,", received{b("")}},
		"test_receiveOneCharacter":    {"1:a,", received{b("a")}},
		"test_receiveTwoCharacters":   {"2:ab,", received{b("ab")}},
		"test_receiveNestedNetstring": {"4:1:a,,", received{b("1:a,")}},
	}
	for name, c := range receives {
		tests[name] = func(self *NetstringReceiverTests) any { return self.receive(c.data, c.want) }
	}
	for name, data := range map[string]string{
		"test_moreDataThanSpecified":           "2:aaa,",
		"test_moreDataThanSpecifiedBorderCase": "0:a,",
		"test_missingNumber":                   ":aaa,",
		"test_missingColon":                    "3aaa,",
		"test_missingNumberAndColon":           "aaa,",
		"test_onlyData":                        "aaa",
	} {
		tests[name] = func(self *NetstringReceiverTests) any { return self.refuse(data) }
	}
	for name, test := range tests {
		addTest("NetstringReceiverTests", name, func() *NetstringReceiverTests { return &NetstringReceiverTests{} }, test)
	}
}
