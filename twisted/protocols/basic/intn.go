package basic

import (
	"encoding/binary"
	"fmt"

	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/protocol"
)

// IIntNStringReceiver is what an IntNStringReceiver calls on its self.
type IIntNStringReceiver interface {
	IStringReceiver
	LengthLimitExceeded(length int)
}

// IntNStringReceiver is the generic length-prefixed protocol
// (twisted.protocols.basic.IntNStringReceiver): each string is sent
// prefixed by its length, an unsigned integer of PrefixLength bytes in
// network byte order. Int8StringReceiver, Int16StringReceiver and
// Int32StringReceiver are it with a prefix of 1, 2 and 4 bytes; embed one
// of them and define StringReceived.
//
// A length prefix greater than MaxLength is passed to LengthLimitExceeded
// (which closes the connection unless overridden), and the string is not
// read: a peer cannot make the receiver wait for, or hold, more than
// MaxLength bytes of a string.
type IntNStringReceiver struct {
	protocol.Protocol
	pausable

	// PrefixLength is the length of the prefix, in bytes: 1, 2 or 4
	// (Twisted's prefixLength, from its structFormat). The IntN types
	// set it.
	PrefixLength int
	// MaxLength is the maximum length of strings that can be received
	// (MAX_LENGTH); zero is DefaultMaxStringLength, and a negative one
	// refuses every string, as in Twisted.
	MaxLength int

	self IIntNStringReceiver
	// unprocessed holds the data received and not yet delivered, from
	// offset on; recvd is a replacement set by SetRecvd during a call of
	// StringReceived.
	unprocessed []byte
	offset      int
	recvd       []byte
	recvdSet    bool
}

var _ IIntNStringReceiver = (*IntNStringReceiver)(nil)

// SetSelf makes self, the protocol that embeds r, the one whose methods r
// calls (see protocol.Base).
func (r *IntNStringReceiver) SetSelf(self protocol.IProtocol) {
	if h, ok := self.(IIntNStringReceiver); ok {
		r.self = h
	}
}

func (r *IntNStringReceiver) handler() IIntNStringReceiver {
	if r.self != nil {
		return r.self
	}
	return r
}

func (r *IntNStringReceiver) prefixLength() int {
	switch r.PrefixLength {
	case 1, 2, 4:
		return r.PrefixLength
	}
	panic(twisted.ValueError.New(fmt.Sprintf("IntNStringReceiver: PrefixLength %d is not 1, 2 or 4", r.PrefixLength)))
}

func (r *IntNStringReceiver) unpack(b []byte) uint64 {
	switch len(b) {
	case 1:
		return uint64(b[0])
	case 2:
		return uint64(binary.BigEndian.Uint16(b))
	}
	return uint64(binary.BigEndian.Uint32(b))
}

// StringReceived is called with each complete string received: override
// it. The IntNStringReceiver's own panics with NotImplementedError.
func (r *IntNStringReceiver) StringReceived(s []byte) { notImplemented() }

// LengthLimitExceeded is called when a length prefix greater than
// MaxLength is received, with that length. The IntNStringReceiver's own
// closes the connection; override it.
func (r *IntNStringReceiver) LengthLimitExceeded(length int) { loseConnection(r.Transport) }

// Recvd returns the data received and not yet parsed (Twisted's recvd
// attribute): during StringReceived, what follows the string.
func (r *IntNStringReceiver) Recvd() []byte {
	if r.recvdSet {
		return r.recvd
	}
	return r.unprocessed[r.offset:]
}

// SetRecvd replaces the data not yet parsed (Twisted's recvd = data):
// set during StringReceived, the strings are then parsed from data
// rather than from what followed the string.
func (r *IntNStringReceiver) SetRecvd(data []byte) {
	r.recvd, r.recvdSet = data, true
}

// DataReceived converts length-prefixed strings into calls of
// StringReceived; it delivers nothing while the receiver is paused.
func (r *IntNStringReceiver) DataReceived(data []byte) {
	prefixLength := r.prefixLength()
	maxLength := r.MaxLength
	if maxLength == 0 {
		maxLength = DefaultMaxStringLength
	}
	alldata := append(r.unprocessed[r.offset:len(r.unprocessed):len(r.unprocessed)], data...)
	current := 0
	r.unprocessed, r.offset = alldata, 0
	if r.recvdSet { // set outside StringReceived: it is the buffer
		alldata = append(r.recvd[:len(r.recvd):len(r.recvd)], data...)
		r.unprocessed, r.recvd, r.recvdSet = alldata, nil, false
	}
	h := r.handler()
	for len(alldata) >= current+prefixLength && !r.Paused {
		messageStart := current + prefixLength
		length := r.unpack(alldata[current:messageStart])
		if maxLength < 0 || length > uint64(maxLength) {
			r.unprocessed, r.offset = alldata, current
			h.LengthLimitExceeded(int(length))
			return
		}
		messageEnd := messageStart + int(length)
		if len(alldata) < messageEnd {
			break
		}
		packet := alldata[messageStart:messageEnd:messageEnd]
		current = messageEnd
		r.offset = current
		h.StringReceived(packet)
		if r.recvdSet {
			alldata = r.recvd
			r.unprocessed, r.recvd, r.recvdSet = alldata, nil, false
			r.offset, current = 0, 0
			if len(alldata) > 0 {
				continue
			}
			return
		}
	}
	r.unprocessed = alldata[current:len(alldata):len(alldata)]
	r.offset = 0
}

// SendString sends s prefixed by its length. A string too long for the
// prefix is not sent: SendString returns a StringTooLongError.
func (r *IntNStringReceiver) SendString(s []byte) error {
	prefixLength := r.prefixLength()
	limit := uint64(1) << (8 * prefixLength)
	if uint64(len(s)) >= limit {
		return StringTooLongError.New(fmt.Sprintf("Try to send %d bytes whereas maximum is %d", len(s), limit))
	}
	out := make([]byte, prefixLength, prefixLength+len(s))
	switch prefixLength {
	case 1:
		out[0] = byte(len(s))
	case 2:
		binary.BigEndian.PutUint16(out, uint16(len(s)))
	default:
		binary.BigEndian.PutUint32(out, uint32(len(s)))
	}
	r.Transport.Write(append(out, s...))
	return nil
}

// PauseProducing pauses r: it delivers no more strings until
// ResumeProducing. It pauses the transport too, if it is a producer.
func (r *IntNStringReceiver) PauseProducing() { r.pause(r.Transport) }

// ResumeProducing resumes r and its transport, and delivers what was
// buffered meanwhile.
func (r *IntNStringReceiver) ResumeProducing() {
	r.resume(r.Transport, r.handler().DataReceived)
}

// StopProducing pauses r for good and stops its transport.
func (r *IntNStringReceiver) StopProducing() { r.stop(r.Transport) }

// Int32StringReceiver is a receiver for int32-prefixed strings
// (twisted.protocols.basic.Int32StringReceiver): each string is prefixed
// by 4 bytes, its length in network byte order.
type Int32StringReceiver struct{ IntNStringReceiver }

// Int16StringReceiver is a receiver for int16-prefixed strings: each
// string is prefixed by 2 bytes, its length in network byte order.
type Int16StringReceiver struct{ IntNStringReceiver }

// Int8StringReceiver is a receiver for int8-prefixed strings: each string
// is prefixed by 1 byte, its length.
type Int8StringReceiver struct{ IntNStringReceiver }

// MakeConnection is IntNStringReceiver's, with a 4-byte prefix.
func (r *Int32StringReceiver) MakeConnection(transport protocol.ITransport) {
	r.PrefixLength = 4
	r.IntNStringReceiver.MakeConnection(transport)
}

// SetSelf is IntNStringReceiver's, with a 4-byte prefix.
func (r *Int32StringReceiver) SetSelf(self protocol.IProtocol) {
	r.PrefixLength = 4
	r.IntNStringReceiver.SetSelf(self)
}

// DataReceived is IntNStringReceiver's with a 4-byte prefix.
func (r *Int32StringReceiver) DataReceived(data []byte) {
	r.PrefixLength = 4
	r.IntNStringReceiver.DataReceived(data)
}

// SendString is IntNStringReceiver's with a 4-byte prefix.
func (r *Int32StringReceiver) SendString(s []byte) error {
	r.PrefixLength = 4
	return r.IntNStringReceiver.SendString(s)
}

// MakeConnection is IntNStringReceiver's, with a 2-byte prefix.
func (r *Int16StringReceiver) MakeConnection(transport protocol.ITransport) {
	r.PrefixLength = 2
	r.IntNStringReceiver.MakeConnection(transport)
}

// SetSelf is IntNStringReceiver's, with a 2-byte prefix.
func (r *Int16StringReceiver) SetSelf(self protocol.IProtocol) {
	r.PrefixLength = 2
	r.IntNStringReceiver.SetSelf(self)
}

// DataReceived is IntNStringReceiver's with a 2-byte prefix.
func (r *Int16StringReceiver) DataReceived(data []byte) {
	r.PrefixLength = 2
	r.IntNStringReceiver.DataReceived(data)
}

// SendString is IntNStringReceiver's with a 2-byte prefix.
func (r *Int16StringReceiver) SendString(s []byte) error {
	r.PrefixLength = 2
	return r.IntNStringReceiver.SendString(s)
}

// MakeConnection is IntNStringReceiver's, with a 1-byte prefix.
func (r *Int8StringReceiver) MakeConnection(transport protocol.ITransport) {
	r.PrefixLength = 1
	r.IntNStringReceiver.MakeConnection(transport)
}

// SetSelf is IntNStringReceiver's, with a 1-byte prefix.
func (r *Int8StringReceiver) SetSelf(self protocol.IProtocol) {
	r.PrefixLength = 1
	r.IntNStringReceiver.SetSelf(self)
}

// DataReceived is IntNStringReceiver's with a 1-byte prefix.
func (r *Int8StringReceiver) DataReceived(data []byte) {
	r.PrefixLength = 1
	r.IntNStringReceiver.DataReceived(data)
}

// SendString is IntNStringReceiver's with a 1-byte prefix.
func (r *Int8StringReceiver) SendString(s []byte) error {
	r.PrefixLength = 1
	return r.IntNStringReceiver.SendString(s)
}
