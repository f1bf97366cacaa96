package basic

import (
	"errors"
	"io"

	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/protocol"
)

// DefaultChunkSize is FileSender's CHUNK_SIZE when its own is zero: 2**14.
const DefaultChunkSize = 1 << 14

// FileSender is a producer that sends the contents of a file to a
// consumer (twisted.protocols.basic.FileSender): a helper for protocols
// that, at some point, take a file, read its contents and write them out
// to the network, optionally transforming the bytes in between. It is a
// pull producer: the consumer asks for each chunk with ResumeProducing.
type FileSender struct {
	// ChunkSize is how much is read and written at each ResumeProducing
	// (CHUNK_SIZE); zero is DefaultChunkSize.
	ChunkSize int

	file      io.Reader
	consumer  protocol.IConsumer
	transform func([]byte) []byte
	deferred  *deferred.Deferred
	lastSent  []byte
	err       error // a read error to report after the data read with it
}

var _ protocol.IPullProducer = (*FileSender)(nil)

// BeginFileTransfer begins transferring file to consumer, registering the
// sender with it as a pull producer. transform, if not nil, is applied to
// each chunk read before it is written. It returns a Deferred that fires
// when the file has been completely written, with the last byte written
// (empty if the file was). A read error other than io.EOF ends the
// transfer and fails the Deferred with it, after the data read before it.
func (s *FileSender) BeginFileTransfer(file io.Reader, consumer protocol.IConsumer, transform func([]byte) []byte) *deferred.Deferred {
	s.file, s.consumer, s.transform = file, consumer, transform
	s.lastSent, s.err = []byte{}, nil
	s.deferred = deferred.New()
	d := s.deferred
	consumer.RegisterProducer(s, false)
	return d
}

// ResumeProducing writes the next chunk of the file to the consumer; at
// the end of the file, it unregisters from the consumer and fires the
// Deferred.
func (s *FileSender) ResumeProducing() {
	var chunk []byte
	if s.file != nil && s.err == nil {
		size := s.ChunkSize
		if size <= 0 {
			size = DefaultChunkSize
		}
		buf := make([]byte, size)
		n, err := io.ReadFull(s.file, buf)
		chunk = buf[:n]
		if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, io.ErrUnexpectedEOF) {
			s.err = err
		}
	}
	if len(chunk) == 0 {
		s.file = nil
		if s.consumer != nil {
			s.consumer.UnregisterProducer()
		}
		if d := s.deferred; d != nil {
			s.deferred = nil
			if s.err != nil {
				d.Errback(s.err)
			} else {
				d.Callback(s.lastSent)
			}
		}
		return
	}
	if s.transform != nil {
		chunk = s.transform(chunk)
	}
	s.consumer.Write(chunk)
	s.lastSent = chunk[max(0, len(chunk)-1):]
}

// PauseProducing does nothing: a pull producer writes only when asked.
func (s *FileSender) PauseProducing() {}

// StopProducing ends the transfer: the Deferred, if it has not fired,
// fails with Exception("Consumer asked us to stop producing").
func (s *FileSender) StopProducing() {
	if d := s.deferred; d != nil {
		s.deferred = nil
		d.Errback(twisted.Exception.New("Consumer asked us to stop producing"))
	}
}
