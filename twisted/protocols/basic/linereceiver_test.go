package basic

import (
	"bytes"
	"errors"
	"fmt"
	"testing"

	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/protocol"
	"github.com/twistedflow/twistedflow/twisted/protohelpers"
)

// lines is a LineReceiver that records what it gets, with hooks.
type lines struct {
	LineReceiver
	got      []string
	exceeded []int
	onLine   func(l *lines, line []byte)
}

func (l *lines) LineReceived(line []byte) {
	l.got = append(l.got, string(line))
	if l.onLine != nil {
		l.onLine(l, line)
	}
}

func (l *lines) RawDataReceived(data []byte) { l.got = append(l.got, "raw:"+string(data)) }

func (l *lines) LineLengthExceeded(line []byte) {
	l.exceeded = append(l.exceeded, len(line))
	l.LineReceiver.LineLengthExceeded(line)
}

func connect(p protocol.IProtocol) *protohelpers.StringTransport {
	t := &protohelpers.StringTransport{}
	protocol.MakeConnection(p, t)
	return t
}

// A delimiter cut across reads at every place still splits the lines.
func TestDelimiterAcrossReads(t *testing.T) {
	data := []byte("ab\r\ncd\r\n\r\nef")
	for cut := range len(data) + 1 {
		for cut2 := cut; cut2 <= len(data); cut2++ {
			l := &lines{}
			connect(l)
			l.DataReceived(data[:cut])
			l.DataReceived(data[cut:cut2])
			l.DataReceived(data[cut2:])
			if got := fmt.Sprint(l.got); got != "[ab cd ]" {
				t.Fatalf("cuts %d,%d: %s", cut, cut2, got)
			}
		}
	}
}

// A peer sending a huge line without delimiter never makes the receiver
// hold more than MaxLength plus the delimiter (plus one read), and each
// overflow is reported to LineLengthExceeded.
func TestHugeLineBounded(t *testing.T) {
	l := &lines{}
	l.MaxLength = 1000
	tr := connect(l)
	chunk := bytes.Repeat([]byte("x"), 4096)
	for range 256 { // 1 MB; the bound does not depend on the total
		l.DataReceived(chunk)
		if len(l.buffer) > l.MaxLength+2 {
			t.Fatalf("buffer holds %d bytes", len(l.buffer))
		}
	}
	if len(l.exceeded) != 256 || !tr.Disconnecting || len(l.got) != 0 {
		t.Fatalf("exceeded %d times, disconnecting %v, lines %d", len(l.exceeded), tr.Disconnecting, len(l.got))
	}
}

// Feeding a long line byte by byte searches each byte about once, not
// the whole buffer every time: the part known to hold no delimiter grows
// with the buffer.
func TestByteByByteSearchesOnce(t *testing.T) {
	l := &lines{}
	l.MaxLength = 1 << 20
	connect(l)
	line := bytes.Repeat([]byte("y"), 20_000)
	for i := range line {
		l.DataReceived(line[i : i+1])
		if l.searched != i { // all but the last byte, which may start "\r\n"
			t.Fatalf("after %d bytes, %d searched", i+1, l.searched)
		}
	}
	l.DataReceived([]byte("\r\n"))
	if len(l.got) != 1 || len(l.got[0]) != len(line) {
		t.Fatalf("got %d lines", len(l.got))
	}
}

// LineReceived panicking: the panic passes through, the receiver is not
// left busy, and the data after the line is delivered by the next call.
func TestLineReceivedPanics(t *testing.T) {
	l := &lines{onLine: func(l *lines, line []byte) {
		if string(line) == "boom" {
			panic(twisted.ValueError.New("boom"))
		}
	}}
	connect(l)
	func() {
		defer func() {
			if err, _ := recover().(error); !errors.Is(err, twisted.ValueError) {
				t.Fatalf("recovered %v", err)
			}
		}()
		l.DataReceived([]byte("a\r\nboom\r\nb\r\nc"))
	}()
	l.DataReceived([]byte("\r\n"))
	if got := fmt.Sprint(l.got); got != "[a boom b c]" {
		t.Fatal(got)
	}
}

// ClearLineBuffer and SetRawMode from inside LineReceived take effect at
// once: the buffered lines are dropped, or delivered as raw data.
func TestModeChangesInsideLineReceived(t *testing.T) {
	var cleared []byte
	l := &lines{onLine: func(l *lines, line []byte) {
		switch string(line) {
		case "clear":
			cleared = l.ClearLineBuffer()
		case "raw":
			l.SetRawMode()
		}
	}}
	connect(l)
	l.DataReceived([]byte("clear\r\nlost\r\nlost too"))
	l.DataReceived([]byte("raw\r\nnot\r\na line"))
	if got := fmt.Sprint(l.got); got != "[clear raw raw:not\r\na line]" {
		t.Fatalf("%q", got)
	}
	if string(cleared) != "lost\r\nlost too" {
		t.Fatalf("cleared %q", cleared)
	}
}

// A line the receiver passed on is the handler's own: later data does not
// change it.
func TestLinesAreNotOverwritten(t *testing.T) {
	var kept [][]byte
	l := &lines{onLine: func(l *lines, line []byte) { kept = append(kept, line) }}
	connect(l)
	data := []byte("one\r\ntwo\r\nthr")
	l.DataReceived(data)
	l.DataReceived([]byte("ee\r\n"))
	if got := fmt.Sprintf("%s", kept); got != "[one two three]" {
		t.Fatal(got)
	}
	kept[0] = append(kept[0], "XXXXXXXX"...) // appending to a line must not touch the buffer
	l.DataReceived([]byte("four\r\n"))
	if got := fmt.Sprint(l.got); got != "[one two three four]" {
		t.Fatal(got)
	}
}

// Without a self (never connected, no SetSelf), the base's own methods
// run: LineReceived panics NotImplementedError.
func TestNoSelf(t *testing.T) {
	var r LineReceiver
	defer func() {
		if err, _ := recover().(error); !errors.Is(err, twisted.NotImplementedError) {
			t.Fatalf("recovered %v", err)
		}
	}()
	r.DataReceived([]byte("x\r\n"))
}

func TestPauseInsideLineReceived(t *testing.T) {
	l := &lines{onLine: func(l *lines, line []byte) { l.PauseProducing() }}
	tr := connect(l)
	l.DataReceived([]byte("a\r\nb\r\nc\r\n"))
	if fmt.Sprint(l.got) != "[a]" || tr.ProducerState() != protohelpers.Paused {
		t.Fatal(l.got, tr.ProducerState())
	}
	l.ResumeProducing()
	l.ResumeProducing()
	if fmt.Sprint(l.got) != "[a b c]" {
		t.Fatal(l.got)
	}
}

// A LineOnlyReceiver fed a line without end holds no more than MaxLength
// plus a read (Twisted's keeps it all: see PORTING).
func TestLineOnlyReceiverHugeLine(t *testing.T) {
	p := &struct{ LineOnlyReceiver }{}
	p.MaxLength = 100
	tr := connect(p)
	chunk := bytes.Repeat([]byte("z"), 1000)
	for range 100 {
		p.DataReceived(chunk)
		if len(p.buffer) > 1000 {
			t.Fatalf("buffer holds %d bytes", len(p.buffer))
		}
	}
	if !tr.Disconnecting {
		t.Fatal("not disconnecting")
	}
}
