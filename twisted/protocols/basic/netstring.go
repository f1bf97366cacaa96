package basic

import (
	"fmt"
	"math"
	"strconv"

	"github.com/twistedflow/twistedflow/twisted/protocol"
)

// IStringReceiver is what NetstringReceiver and the IntNStringReceivers
// call on their self.
type IStringReceiver interface {
	protocol.IProtocol
	StringReceived(s []byte)
}

// DefaultMaxStringLength is MAX_LENGTH of NetstringReceiver and the
// IntNStringReceivers when theirs is zero: 99999.
const DefaultMaxStringLength = 99999

// Messages of the NetstringParseErrors (Twisted's _MISSING_LENGTH, ...).
const (
	netstringMissingLength = "The received netstring does not start with a length specification."
	netstringTooLong       = "The received netstring is longer than the maximum %d specified by self.MAX_LENGTH"
	netstringMissingComma  = "The received netstring is not terminated by a comma."
)

// FormatNetstring returns data in netstring format: its length in decimal,
// a colon, data and a comma.
func FormatNetstring(data []byte) []byte {
	out := strconv.AppendInt(nil, int64(len(data)), 10)
	out = append(out, ':')
	out = append(out, data...)
	return append(out, ',')
}

// NetstringReceiver is a protocol that sends and receives netstrings
// (twisted.protocols.basic.NetstringReceiver); see
// http://cr.yp.to/proto/netstrings.txt. Every netstring starts with digits
// that specify the length of the data, then a colon, the data and a comma.
//
// Embed it and define StringReceived, which is called with the payload of
// each complete netstring received.
//
// Messages are limited in size (MaxLength), so that a peer cannot make the
// receiver hold a 500 MB netstring: a length prefix with more digits than
// the limit's is refused before it is even read as a number. The
// connection is lost if an illegal message is received (BrokenPeer is then
// set, and the data that follows is ignored).
type NetstringReceiver struct {
	protocol.Protocol

	// MaxLength is the maximum length of netstrings that can be received
	// (MAX_LENGTH); zero is DefaultMaxStringLength.
	MaxLength int
	// BrokenPeer is set when an illegal netstring was received and the
	// connection lost.
	BrokenPeer bool

	self      IStringReceiver
	remaining []byte
	payload   []byte
	inPayload bool
	expected  int // the payload's length plus one, for the comma
	current   int // how much of it has been received
}

var _ IStringReceiver = (*NetstringReceiver)(nil)

// SetSelf makes self, the protocol that embeds r, the one whose methods r
// calls (see protocol.Base).
func (r *NetstringReceiver) SetSelf(self protocol.IProtocol) {
	if h, ok := self.(IStringReceiver); ok {
		r.self = h
	}
}

// MakeConnection initializes the protocol: it starts afresh, expecting a
// length.
func (r *NetstringReceiver) MakeConnection(transport protocol.ITransport) {
	r.Protocol.MakeConnection(transport)
	r.remaining, r.payload, r.inPayload, r.expected, r.current, r.BrokenPeer = nil, nil, false, 0, 0, false
}

func (r *NetstringReceiver) maxLength() int {
	if r.MaxLength == 0 {
		return DefaultMaxStringLength
	}
	return r.MaxLength
}

// SendString sends s as a netstring: its length, a colon, s and a comma.
func (r *NetstringReceiver) SendString(s []byte) {
	r.Transport.Write(FormatNetstring(s))
}

// StringReceived is called with the payload of each complete netstring
// received: override it. The NetstringReceiver's own panics with
// NotImplementedError.
func (r *NetstringReceiver) StringReceived(s []byte) { notImplemented() }

// DataReceived receives some characters of netstrings: whenever a
// netstring is complete, StringReceived is called with its payload.
func (r *NetstringReceiver) DataReceived(data []byte) {
	if r.BrokenPeer {
		return
	}
	r.remaining = append(r.remaining, data...)
	for len(r.remaining) > 0 {
		complete, err := r.consumeData()
		if err != nil {
			r.handleParseError()
			return
		}
		if !complete {
			return
		}
	}
}

// consumeData consumes the start of the remaining data: a length, and as
// much of the payload as there is. It reports whether a netstring was
// completed, or a NetstringParseError.
func (r *NetstringReceiver) consumeData() (bool, error) {
	if !r.inPayload {
		complete, err := r.ConsumeLength()
		if err != nil || !complete {
			return false, err
		}
		r.inPayload = true
		r.payload, r.current = r.payload[:0], 0
	}
	return r.consumePayload()
}

// ConsumeLength consumes the length specification at the start of the
// remaining data (Twisted's _consumeLength): it reports false if the data
// holds only part of one (digits without the colon), and a
// NetstringParseError if it is not one, or one of a netstring longer than
// MaxLength. ExpectedPayloadSize then tells the length, plus one for the
// comma.
func (r *NetstringReceiver) ConsumeLength() (bool, error) {
	digits := 0
	for digits < len(r.remaining) && '0' <= r.remaining[digits] && r.remaining[digits] <= '9' {
		digits++
	}
	leadingZero := digits > 1 && r.remaining[0] == '0'
	if digits == len(r.remaining) || (digits == len(r.remaining)-1 && r.remaining[digits] == '\n') {
		// Only the start of a length: check it (Python's $ matches before
		// a final newline too).
		if digits == 0 || leadingZero {
			return false, NetstringParseError.New(netstringMissingLength)
		}
		_, err := r.extractLength(r.remaining[:digits])
		return false, err
	}
	if digits == 0 || leadingZero || r.remaining[digits] != ':' {
		return false, NetstringParseError.New(netstringMissingLength)
	}
	length, err := r.extractLength(r.remaining[:digits])
	if err != nil {
		return false, err
	}
	r.expected = length + 1
	r.remaining = r.remaining[digits+1:]
	return true, nil
}

// ExpectedPayloadSize is the length of the netstring being received, plus
// one for its comma (Twisted's _expectedPayloadSize).
func (r *NetstringReceiver) ExpectedPayloadSize() int { return r.expected }

// PayloadComplete reports whether enough data has been received to
// complete the netstring being received (Twisted's _payloadComplete).
func (r *NetstringReceiver) PayloadComplete() bool {
	return len(r.remaining)+r.current >= r.expected
}

// SetRemainingData sets the data not yet consumed (Twisted's _remainingData),
// for tests of ConsumeLength.
func (r *NetstringReceiver) SetRemainingData(data []byte) { r.remaining = data }

// extractLength reads a length specification, refusing one with more
// digits than MaxLength's plus one before it reads it as a number (which
// cannot then overflow), and one larger than MaxLength.
func (r *NetstringReceiver) extractLength(spec []byte) (int, error) {
	maxLength := r.maxLength()
	tooLong := NetstringParseError.New(fmt.Sprintf(netstringTooLong, maxLength))
	if maxLength < 0 {
		return 0, tooLong
	}
	if float64(len(spec)) > math.Ceil(math.Log10(float64(maxLength)))+1 {
		return 0, tooLong
	}
	length, err := strconv.ParseUint(string(spec), 10, 63)
	if err != nil || length > uint64(maxLength) {
		return 0, tooLong
	}
	return int(length), nil
}

// consumePayload moves the payload's data from the remaining data to the
// payload; when it is complete, it checks the trailing comma and calls
// StringReceived.
func (r *NetstringReceiver) consumePayload() (bool, error) {
	need := r.expected - len(r.payload)
	if len(r.remaining) < need {
		r.payload = append(r.payload, r.remaining...)
		r.current += len(r.remaining)
		r.remaining = nil
		return false, nil
	}
	r.payload = append(r.payload, r.remaining[:need]...)
	r.current = r.expected
	r.remaining = r.remaining[need:]
	if r.payload[len(r.payload)-1] != ',' {
		return false, NetstringParseError.New(netstringMissingComma)
	}
	r.inPayload = false
	s := r.payload[: len(r.payload)-1 : len(r.payload)-1]
	r.payload = nil // s is StringReceived's own
	r.handler().StringReceived(s)
	return true, nil
}

func (r *NetstringReceiver) handler() IStringReceiver {
	if r.self != nil {
		return r.self
	}
	return r
}

// handleParseError loses the connection and sets BrokenPeer.
func (r *NetstringReceiver) handleParseError() {
	loseConnection(r.Transport)
	r.BrokenPeer = true
	r.remaining, r.payload = nil, nil
}
