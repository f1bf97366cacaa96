package flow

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/twistedflow/twistedflow/twisted"
)

// LineBreakOptions are [LineBreak]'s keyword arguments. The zero value means
// the original's defaults.
type LineBreakOptions struct {
	// Delimiter ends a line; "" means "\r\n".
	Delimiter string
	// MaxLength is the longest line allowed, in bytes; 0 means 16384, and
	// a negative length no limit (as -1 means in Python's read(-1) and
	// split(maxsplit=-1); the original never enforced maxlength at all).
	MaxLength int
	// Trailer, when true, makes the data left after the last delimiter a
	// last line; when false it is a failure.
	Trailer bool
}

// LineBreakStage is the stage made by [LineBreak].
type LineBreakStage struct {
	Pipe
	delimiter string
	maxLength int
	trailer   bool
	// buffer holds the pieces of the line begun and not yet ended,
	// currLen their length, and tail their last len(delimiter)-1 bytes at
	// most: where a delimiter cut by the end of a block begins.
	buffer  []string
	currLen int
	tail    string
}

// LineBreak is the pipe stage which breaks its input into lines. Each
// block of the source (taken as Python's str(block)) is split on the
// delimiter; a line may span blocks, and so may a delimiter: the lines
// are those of the whole stream split at once, however it is cut into
// blocks (the original missed a delimiter cut by a block's end, leaving
// it inside a line).
//
// Failures of the stage (the original raised them out of the flow, and
// never enforced maxlength):
//
//   - RuntimeError("trailing data remains: '%s'") with the first 10 bytes
//     of the data left after the last delimiter, when the source ends and
//     Trailer is false;
//
//   - RuntimeError("line length exceeds maxlength %d: '%s'") as soon as a
//     line (complete or not yet) is longer than MaxLength.
//
//     rhs = ["Hello ","World\nHappy", flow.Cooperate(), " Days"," Are Here\n"]
//     print list(flow.Block(flow.LineBreak(rhs, delimiter='\n')))
//     # ['Hello World', 'Happy Days Are Here']
func LineBreak(source any, opts LineBreakOptions, trap ...*twisted.Class) *LineBreakStage {
	l := &LineBreakStage{delimiter: opts.Delimiter, maxLength: opts.MaxLength, trailer: opts.Trailer}
	if l.delimiter == "" {
		l.delimiter = "\r\n"
	}
	switch {
	case l.maxLength == 0:
		l.maxLength = 16384
	case l.maxLength < 0:
		l.maxLength = math.MaxInt
	}
	l.Init(l, source, trap...)
	return l
}

// Process splits the blocks into lines.
func (l *LineBreakStage) Process(results []any, stop bool) error {
	for _, block := range results {
		data := twisted.Str(block)
		if len(l.buffer) > 0 && l.tail != "" {
			// A delimiter cut by the end of the last block.
			var err error
			if data, err = l.joinDelimiter(data); err != nil {
				return err
			}
		}
		lines := strings.Split(data, l.delimiter)
		l.Results = slices.Grow(l.Results, len(lines)-1) // one growth per block, not several
		var tail string
		if len(lines) < 2 {
			tail = lines[0]
		} else {
			tail = lines[len(lines)-1]
			lines = lines[:len(lines)-1]
			if len(l.buffer) > 0 {
				l.buffer = append(l.buffer, lines[0])
				lines = lines[1:]
				if err := l.emit(strings.Join(l.buffer, "")); err != nil {
					return err
				}
				l.buffer = l.buffer[:0]
			}
			for _, line := range lines {
				if err := l.emit(line); err != nil {
					return err
				}
			}
			l.currLen, l.tail = 0, ""
		}
		if tail != "" {
			l.currLen += len(tail)
			l.buffer = append(l.buffer, tail)
			l.keepTail(tail)
			if begun := l.delimiterBegun(); l.currLen-begun > l.maxLength {
				line := strings.Join(l.buffer, "")
				return l.tooLong(line[:len(line)-begun])
			}
		}
	}
	if stop && len(l.buffer) > 0 {
		tail := strings.Join(l.buffer, "")
		if l.trailer || len(tail) > l.maxLength {
			return l.emit(tail) // fails if too long, ended by no delimiter after all
		}
		return twisted.RuntimeError.New(fmt.Sprintf("trailing data remains: '%s'", tail[:min(10, len(tail))]))
	}
	return nil
}

// joinDelimiter looks for a delimiter that begins in the buffered line's
// tail and ends in data. If there is one, it ends the buffered line there
// and returns the rest of data, after the delimiter; otherwise data.
func (l *LineBreakStage) joinDelimiter(data string) (string, error) {
	probe := l.tail + data[:min(len(data), len(l.delimiter)-1)]
	i := strings.Index(probe, l.delimiter)
	if i < 0 || i >= len(l.tail) {
		return data, nil
	}
	line := strings.Join(l.buffer, "")
	line = line[:len(line)-(len(l.tail)-i)]
	rest := data[i+len(l.delimiter)-len(l.tail):]
	l.buffer, l.currLen, l.tail = l.buffer[:0], 0, ""
	return rest, l.emit(line)
}

// keepTail updates tail, the last bytes of the buffered line, for piece
// appended to it.
func (l *LineBreakStage) keepTail(piece string) {
	k := len(l.delimiter) - 1
	if k == 0 {
		return
	}
	if len(piece) >= k {
		l.tail = piece[len(piece)-k:]
		return
	}
	t := l.tail + piece
	l.tail = t[max(0, len(t)-k):]
}

// delimiterBegun returns the length of the longest beginning of the
// delimiter that ends the buffered line: bytes that may be a delimiter
// rather than the line's, which the line's length does not count yet.
func (l *LineBreakStage) delimiterBegun() int {
	for n := len(l.tail); n > 0; n-- {
		if strings.HasSuffix(l.tail, l.delimiter[:n]) {
			return n
		}
	}
	return 0
}

// emit adds a complete line to the results.
func (l *LineBreakStage) emit(line string) error {
	if len(line) > l.maxLength {
		return l.tooLong(line)
	}
	l.Results = append(l.Results, line)
	return nil
}

func (l *LineBreakStage) tooLong(line string) error {
	return twisted.RuntimeError.New(fmt.Sprintf("line length exceeds maxlength %d: '%s'", l.maxLength, line[:min(10, len(line))]))
}
