package flow

import (
	"fmt"
	"strings"

	"github.com/twistedflow/twistedflow/twisted"
)

// LineBreakOptions are LineBreak's keyword arguments. The zero value means
// the original's defaults.
type LineBreakOptions struct {
	// Delimiter ends a line; "" means "\r\n".
	Delimiter string
	// MaxLength is the longest line allowed, in bytes; 0 means 16384.
	MaxLength int
	// Trailer, when true, makes the data left after the last delimiter a
	// last line; when false it is a failure.
	Trailer bool
}

// LineBreakStage is the stage made by LineBreak.
type LineBreakStage struct {
	Pipe
	delimiter string
	maxLength int
	trailer   bool
	buffer    []string
	currLen   int
}

// LineBreak is the pipe stage which breaks its input into lines. Each
// block of the source (taken as Python's str(block)) is split on the
// delimiter; a line may span blocks.
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
	if l.maxLength == 0 {
		l.maxLength = 16384
	}
	l.Init(l, source, trap...)
	return l
}

// Process splits the blocks into lines.
func (l *LineBreakStage) Process(results []any, stop bool) error {
	for _, block := range results {
		lines := strings.Split(twisted.Str(block), l.delimiter)
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
			l.currLen = 0
		}
		if tail != "" {
			l.currLen += len(tail)
			l.buffer = append(l.buffer, tail)
			if l.currLen > l.maxLength {
				return l.tooLong(strings.Join(l.buffer, ""))
			}
		}
	}
	if stop && len(l.buffer) > 0 {
		tail := strings.Join(l.buffer, "")
		if l.trailer {
			return l.emit(tail)
		}
		return twisted.RuntimeError.New(fmt.Sprintf("trailing data remains: '%s'", tail[:min(10, len(tail))]))
	}
	return nil
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
