package flow

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"sync"
)

// readerSource is the source of an io.Reader (Wrap): its lines, as
// Python's iteration of a file gives them.
type readerSource struct {
	r  io.Reader
	br *bufio.Reader
	// err is the end (io.EOF) or failure met after a last partial line,
	// given at the next poll.
	err       error
	closeOnce sync.Once
}

func newReaderSource(r io.Reader) *readerSource {
	return &readerSource{r: r, br: bufio.NewReader(r)}
}

// poll returns a line already buffered, or what ended the reader.
func (s *readerSource) poll() (goResult, bool) {
	if s.err != nil {
		return s.ended(), true
	}
	if n := s.br.Buffered(); n > 0 {
		if b, _ := s.br.Peek(n); bytes.IndexByte(b, '\n') >= 0 {
			line, _ := s.br.ReadString('\n') // from the buffer: no read
			return goResult{v: line}, true
		}
	}
	return goResult{}, false
}

// fetch reads the next line, with its newline. A line cut by the end or
// by an error is given as it is, and the end or the error after it.
func (s *readerSource) fetch(context.Context) goResult {
	if s.err != nil {
		return s.ended()
	}
	line, err := s.br.ReadString('\n')
	if err != nil {
		s.err = err
		if line == "" {
			return s.ended()
		}
	}
	return goResult{v: line}
}

// ended gives the end of the reader, or its failure.
func (s *readerSource) ended() goResult {
	if errors.Is(s.err, io.EOF) {
		return goResult{end: true}
	}
	return goResult{err: s.err}
}

// close closes an io.Closer reader: a read under way returns (for a pipe,
// a connection, a file the runtime polls).
func (s *readerSource) close() {
	if c, ok := s.r.(io.Closer); ok {
		s.closeOnce.Do(func() { _ = c.Close() })
	}
}

func (s *readerSource) what() string { return fmt.Sprintf("%T", s.r) }
