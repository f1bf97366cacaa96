package basic

import (
	"bytes"

	"github.com/twistedflow/twistedflow/twisted/protocol"
)

// ILineOnlyReceiver is what a LineOnlyReceiver calls on its self.
type ILineOnlyReceiver interface {
	protocol.IProtocol
	LineReceived(line []byte)
	LineLengthExceeded(line []byte)
}

// LineOnlyReceiver is a protocol that receives only lines
// (twisted.protocols.basic.LineOnlyReceiver): LineReceiver without raw
// mode, for the cases where raw mode is known to be unnecessary. Embed it
// and define LineReceived.
//
// A line longer than MaxLength is passed to LineLengthExceeded instead, and
// so is the unfinished line once it is longer than MaxLength; the lines
// after it in the same data are dropped.
type LineOnlyReceiver struct {
	protocol.Protocol

	// Delimiter is the line-ending delimiter; empty is DefaultDelimiter.
	Delimiter []byte
	// MaxLength is the maximum length of a line to allow (MAX_LENGTH);
	// zero is DefaultMaxLineLength.
	MaxLength int

	self     ILineOnlyReceiver
	buffer   []byte
	searched int
	delim    []byte
}

var _ ILineOnlyReceiver = (*LineOnlyReceiver)(nil)

// SetSelf makes self, the protocol that embeds r, the one whose methods r
// calls (see protocol.Base).
func (r *LineOnlyReceiver) SetSelf(self protocol.IProtocol) {
	if h, ok := self.(ILineOnlyReceiver); ok {
		r.self = h
	}
}

func (r *LineOnlyReceiver) handler() ILineOnlyReceiver {
	if r.self != nil {
		return r.self
	}
	return r
}

// DataReceived translates bytes into lines, and calls LineReceived. Once
// the transport is disconnecting, the lines left in the data are dropped
// (the transport may be told to lose the connection by a line within a
// larger packet, and the lines after that one are disregarded).
func (r *LineOnlyReceiver) DataReceived(data []byte) {
	delim := r.Delimiter
	if len(delim) == 0 {
		delim = DefaultDelimiter
	}
	maxLength := r.MaxLength
	if maxLength == 0 {
		maxLength = DefaultMaxLineLength
	}
	if !bytes.Equal(delim, r.delim) {
		r.delim, r.searched = bytes.Clone(delim), 0
	}
	buf := append(r.buffer, data...)
	// Split off the complete lines first, as Python's split does, so that
	// the buffer is the unfinished line whatever the handlers do.
	var lines [][]byte
	start, from := 0, r.searched
	for {
		i := bytes.Index(buf[from:], delim)
		if i < 0 {
			break
		}
		end := from + i
		lines = append(lines, buf[start:end:end])
		start = end + len(delim)
		from = start
	}
	r.buffer = buf[start:len(buf):len(buf)]
	r.searched = max(0, len(r.buffer)-len(delim)+1)
	h := r.handler()
	for _, line := range lines {
		if disconnecting(r.Transport) {
			return
		}
		if len(line) > maxLength {
			h.LineLengthExceeded(line)
			return
		}
		h.LineReceived(line)
	}
	if len(r.buffer) > maxLength {
		line := r.buffer
		r.buffer, r.searched = nil, 0
		h.LineLengthExceeded(line)
	}
}

// LineReceived is called with each line received, without its delimiter:
// override it. The LineOnlyReceiver's own panics with
// NotImplementedError.
func (r *LineOnlyReceiver) LineReceived(line []byte) { notImplemented() }

// SendLine sends line, followed by the delimiter, to the other end of the
// connection.
func (r *LineOnlyReceiver) SendLine(line []byte) {
	delim := r.Delimiter
	if len(delim) == 0 {
		delim = DefaultDelimiter
	}
	r.Transport.WriteSequence([][]byte{line, delim})
}

// LineLengthExceeded is called when the maximum line length has been
// reached, with the line. The LineOnlyReceiver's own closes the
// connection; override it to deal with it in some other way.
func (r *LineOnlyReceiver) LineLengthExceeded(line []byte) { loseConnection(r.Transport) }
