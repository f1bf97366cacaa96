package basic

import (
	"bytes"

	"github.com/twistedflow/twistedflow/twisted/protocol"
)

// DefaultDelimiter is the line delimiter of LineReceiver and
// LineOnlyReceiver when theirs is empty: "\r\n".
var DefaultDelimiter = []byte("\r\n")

// DefaultMaxLineLength is MAX_LENGTH of LineReceiver and LineOnlyReceiver
// when theirs is zero: 16384.
const DefaultMaxLineLength = 16384

// ILineReceiver is what a LineReceiver calls on its self: the methods a
// protocol that embeds it overrides. LineReceiver has them all, so every
// type that embeds it is one.
type ILineReceiver interface {
	protocol.IProtocol
	LineReceived(line []byte)
	RawDataReceived(data []byte)
	LineLengthExceeded(line []byte)
}

// LineReceiver is a protocol that receives lines and/or raw data,
// depending on mode (twisted.protocols.basic.LineReceiver). In line mode,
// each line received becomes a call of LineReceived; in raw mode, each
// chunk of raw data becomes a call of RawDataReceived. SetLineMode and
// SetRawMode switch between the two. This is useful for line-oriented
// protocols such as IRC, HTTP, POP, etc.
//
// Embed it and define LineReceived (and RawDataReceived, if the protocol
// uses raw mode); see the package documentation. A line is passed without
// its delimiter; it is the receiver's own, to keep.
//
// A line longer than MaxLength, or data without a delimiter that reaches
// MaxLength plus the delimiter's length, is passed to LineLengthExceeded
// instead (which closes the connection unless overridden), with the rest
// of the buffer: so a peer that never sends a delimiter cannot make the
// receiver hold more than that.
type LineReceiver struct {
	protocol.Protocol
	pausable

	// Delimiter is the line-ending delimiter; empty is DefaultDelimiter.
	Delimiter []byte
	// MaxLength is the maximum length of a line to allow (MAX_LENGTH):
	// if a received line is longer, LineLengthExceeded is called. Zero is
	// DefaultMaxLineLength.
	MaxLength int

	self ILineReceiver
	raw  bool
	busy bool
	// buffer holds the data not yet delivered; searched is how much of it
	// is known to hold no delimiter (with delim, the delimiter searched).
	buffer   []byte
	searched int
	delim    []byte
}

var _ ILineReceiver = (*LineReceiver)(nil)

// SetSelf makes self, the protocol that embeds r, the one whose methods r
// calls (see protocol.Base). A self that is not an ILineReceiver (it does
// not embed r) leaves r calling its own.
func (r *LineReceiver) SetSelf(self protocol.IProtocol) {
	if h, ok := self.(ILineReceiver); ok {
		r.self = h
	}
}

func (r *LineReceiver) handler() ILineReceiver {
	if r.self != nil {
		return r.self
	}
	return r
}

func (r *LineReceiver) delimiter() []byte {
	if len(r.Delimiter) == 0 {
		return DefaultDelimiter
	}
	return r.Delimiter
}

func (r *LineReceiver) maxLength() int {
	if r.MaxLength == 0 {
		return DefaultMaxLineLength
	}
	return r.MaxLength
}

// LineMode reports whether r is in line mode (Twisted's line_mode).
func (r *LineReceiver) LineMode() bool { return !r.raw }

// ClearLineBuffer clears the buffered data and returns it. It may be
// called from LineReceived: the lines still buffered are then not
// delivered.
func (r *LineReceiver) ClearLineBuffer() []byte {
	b := r.buffer
	r.buffer, r.searched = nil, 0
	if b == nil {
		b = []byte{}
	}
	return b
}

// DataReceived translates bytes into lines, and calls LineReceived (or
// RawDataReceived, depending on mode). Called again from inside one of
// them (SetLineMode with extra data, ResumeProducing), it adds data to the
// buffer, which the outer call goes on delivering.
//
// A panic of LineReceived or RawDataReceived passes through, leaving the
// data after the line in the buffer for the next call.
func (r *LineReceiver) DataReceived(data []byte) {
	if r.busy {
		r.buffer = append(r.buffer, data...)
		return
	}
	r.busy = true
	defer func() { r.busy = false }()
	if len(r.buffer) == 0 {
		// data is ours (IProtocol): take it without a copy, capped so
		// that appends never write past it.
		r.buffer = data[:len(data):len(data)]
	} else {
		r.buffer = append(r.buffer, data...)
	}
	h := r.handler()
	for len(r.buffer) > 0 && !r.Paused {
		if r.raw {
			data := r.buffer
			r.buffer, r.searched = nil, 0
			h.RawDataReceived(data)
			continue
		}
		delim := r.delimiter()
		if !bytes.Equal(delim, r.delim) {
			r.delim, r.searched = bytes.Clone(delim), 0
		}
		i := bytes.Index(r.buffer[r.searched:], delim)
		if i < 0 {
			if len(r.buffer) >= r.maxLength()+len(delim) {
				line := r.buffer
				r.buffer, r.searched = nil, 0
				h.LineLengthExceeded(line)
				return
			}
			// A delimiter cut across reads starts in the last
			// len(delim)-1 bytes: search them again next time.
			r.searched = max(0, len(r.buffer)-len(delim)+1)
			return
		}
		i += r.searched
		if i > r.maxLength() {
			exceeded := r.buffer // the line, its delimiter and the rest
			r.buffer, r.searched = nil, 0
			h.LineLengthExceeded(exceeded)
			return
		}
		line := r.buffer[:i:i]
		r.buffer, r.searched = r.buffer[i+len(delim):], 0
		h.LineReceived(line)
		if disconnecting(r.Transport) {
			return
		}
	}
}

// SetLineMode sets r to line mode: further data received is sent to
// LineReceived rather than RawDataReceived. Called from RawDataReceived,
// it can be given extra unhandled data, which is then parsed for lines. Do
// not pass extra data when calling it from LineReceived.
func (r *LineReceiver) SetLineMode(extra []byte) {
	r.raw = false
	if len(extra) > 0 {
		r.handler().DataReceived(extra)
	}
}

// SetRawMode sets r to raw mode: further data received is sent to
// RawDataReceived rather than LineReceived.
func (r *LineReceiver) SetRawMode() { r.raw = true }

// RawDataReceived is called with raw data in raw mode: override it. The
// LineReceiver's own panics with NotImplementedError.
func (r *LineReceiver) RawDataReceived(data []byte) { notImplemented() }

// LineReceived is called with each line received, without its delimiter:
// override it. The LineReceiver's own panics with NotImplementedError.
func (r *LineReceiver) LineReceived(line []byte) { notImplemented() }

// SendLine sends line, followed by the delimiter, to the other end of the
// connection.
func (r *LineReceiver) SendLine(line []byte) {
	delim := r.delimiter()
	out := make([]byte, 0, len(line)+len(delim))
	r.Transport.Write(append(append(out, line...), delim...))
}

// LineLengthExceeded is called when the maximum line length has been
// reached, with the rest of the buffer, starting with (at least some part
// of) the line which is too long: it may hold more than one line, or only
// the start of the line. The LineReceiver's own closes the connection;
// override it to deal with it in some other way.
func (r *LineReceiver) LineLengthExceeded(line []byte) { loseConnection(r.Transport) }

// PauseProducing pauses r: it delivers no more lines or raw data until
// ResumeProducing. It pauses the transport too, if it is a producer.
func (r *LineReceiver) PauseProducing() { r.pause(r.Transport) }

// ResumeProducing resumes r and its transport, and delivers what was
// buffered meanwhile.
func (r *LineReceiver) ResumeProducing() {
	r.resume(r.Transport, r.handler().DataReceived)
}

// StopProducing pauses r for good and stops its transport.
func (r *LineReceiver) StopProducing() { r.stop(r.Transport) }
