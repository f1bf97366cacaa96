package hardening

import (
	"testing"

	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/protocol"
	"github.com/twistedflow/twistedflow/twisted/protocols/basic"
)

// The rows of twisted/protocols/basic. Twisted's receivers call
// lineReceived, rawDataReceived, lineLengthExceeded, stringReceived and
// lengthLimitExceeded from their dataReceived without a try: the exception
// leaves dataReceived, so the reactor logs it and drops the connection,
// as for a DataReceived of the user's (see overTCP).

// lineProto is a LineReceiver whose method panicIn panics; it echoes
// lines (and raw data, in raw mode, which it enters for panicIn
// RawDataReceived).
type lineProto struct {
	basic.LineReceiver
	panicIn string
	lost    chan *twisted.Failure
}

func (p *lineProto) ConnectionMade() {
	if p.panicIn == "RawDataReceived" {
		p.SetRawMode()
	}
}

func (p *lineProto) LineReceived(line []byte) {
	panicIf(p.panicIn, "LineReceived")
	p.SendLine(line)
}

func (p *lineProto) RawDataReceived(data []byte) {
	panicIf(p.panicIn, "RawDataReceived")
	p.Transport.Write(data)
}

func (p *lineProto) LineLengthExceeded(line []byte) {
	panicIf(p.panicIn, "LineLengthExceeded")
	p.LineReceiver.LineLengthExceeded(line)
}

func (p *lineProto) ConnectionLost(reason *twisted.Failure) {
	p.LineReceiver.ConnectionLost(reason)
	p.lost <- reason
}

// lineOnlyProto is lineProto's LineOnlyReceiver.
type lineOnlyProto struct {
	basic.LineOnlyReceiver
	panicIn string
	lost    chan *twisted.Failure
}

func (p *lineOnlyProto) LineReceived(line []byte) {
	panicIf(p.panicIn, "LineReceived")
	p.SendLine(line)
}

func (p *lineOnlyProto) LineLengthExceeded(line []byte) {
	panicIf(p.panicIn, "LineLengthExceeded")
	p.LineOnlyReceiver.LineLengthExceeded(line)
}

func (p *lineOnlyProto) ConnectionLost(reason *twisted.Failure) {
	p.LineOnlyReceiver.ConnectionLost(reason)
	p.lost <- reason
}

// int8Proto is an Int8StringReceiver whose method panicIn panics; it
// echoes strings.
type int8Proto struct {
	basic.Int8StringReceiver
	panicIn string
	lost    chan *twisted.Failure
}

func (p *int8Proto) StringReceived(s []byte) {
	panicIf(p.panicIn, "StringReceived")
	_ = p.SendString(s)
}

func (p *int8Proto) LengthLimitExceeded(length int) {
	panicIf(p.panicIn, "LengthLimitExceeded")
	p.Int8StringReceiver.LengthLimitExceeded(length)
}

func (p *int8Proto) ConnectionLost(reason *twisted.Failure) {
	p.Int8StringReceiver.ConnectionLost(reason)
	p.lost <- reason
}

// netstringProto is a NetstringReceiver whose StringReceived panics for
// panicIn StringReceived; it echoes strings.
type netstringProto struct {
	basic.NetstringReceiver
	panicIn string
	lost    chan *twisted.Failure
}

func (p *netstringProto) StringReceived(s []byte) {
	panicIf(p.panicIn, "StringReceived")
	p.SendString(s)
}

func (p *netstringProto) ConnectionLost(reason *twisted.Failure) {
	p.NetstringReceiver.ConnectionLost(reason)
	p.lost <- reason
}

// tooLong is the MaxLength of a protocol whose panicIn is a
// length-exceeded method: one the row's input exceeds.
func tooLong(panicIn string) int {
	if panicIn == "LineLengthExceeded" || panicIn == "LengthLimitExceeded" {
		return 2
	}
	return 0
}

func init() {
	for _, m := range []string{"LineReceived", "RawDataReceived", "LineLengthExceeded"} {
		userMethodRows["basic.ILineReceiver."+m] = func(t *testing.T) {
			overTCPWith(t, m, "ping\r\n", func(panicIn string, lost chan *twisted.Failure) protocol.IProtocol {
				p := &lineProto{panicIn: panicIn, lost: lost}
				p.MaxLength = tooLong(panicIn)
				return p
			})
		}
	}
	for _, m := range []string{"LineReceived", "LineLengthExceeded"} {
		userMethodRows["basic.ILineOnlyReceiver."+m] = func(t *testing.T) {
			overTCPWith(t, m, "ping\r\n", func(panicIn string, lost chan *twisted.Failure) protocol.IProtocol {
				p := &lineOnlyProto{panicIn: panicIn, lost: lost}
				p.MaxLength = tooLong(panicIn)
				return p
			})
		}
	}
	userMethodRows["basic.IStringReceiver.StringReceived"] = func(t *testing.T) {
		t.Run("Int8StringReceiver", func(t *testing.T) {
			overTCPWith(t, "StringReceived", "\x04ping", func(panicIn string, lost chan *twisted.Failure) protocol.IProtocol {
				return &int8Proto{panicIn: panicIn, lost: lost}
			})
		})
		t.Run("NetstringReceiver", func(t *testing.T) {
			overTCPWith(t, "StringReceived", "4:ping,", func(panicIn string, lost chan *twisted.Failure) protocol.IProtocol {
				return &netstringProto{panicIn: panicIn, lost: lost}
			})
		})
	}
	userMethodRows["basic.IIntNStringReceiver.LengthLimitExceeded"] = func(t *testing.T) {
		overTCPWith(t, "LengthLimitExceeded", "\x04ping", func(panicIn string, lost chan *twisted.Failure) protocol.IProtocol {
			p := &int8Proto{panicIn: panicIn, lost: lost}
			p.MaxLength = tooLong(panicIn)
			return p
		})
	}
}
