package basic

import (
	"bytes"
	"slices"
	"testing"
)

// chunks cuts data at the positions cuts gives (each byte of cuts, mod
// the length left, is the next chunk's length).
func chunks(data, cuts []byte) [][]byte {
	var out [][]byte
	for _, c := range cuts {
		if len(data) == 0 {
			break
		}
		n := int(c) % (len(data) + 1)
		out = append(out, data[:n])
		data = data[n:]
	}
	return append(out, data)
}

// FuzzLineReceiver checks that however the data is cut into reads, a
// LineReceiver delivers the lines of a model (bytes.Split, with lines
// longer than MaxLength ending the delivery), and never holds more than
// MaxLength plus the delimiter and one read.
func FuzzLineReceiver(f *testing.F) {
	f.Add([]byte("ab\r\ncd\r\n\r\nef"), []byte{1, 2, 3}, uint8(8), false)
	f.Add([]byte("x\r\r\n\n\r\n"), []byte{0, 1, 1}, uint8(2), true)
	f.Add(bytes.Repeat([]byte("x"), 40), []byte{7}, uint8(5), false)
	f.Fuzz(func(t *testing.T, data, cuts []byte, maxLength uint8, lf bool) {
		delim := []byte("\r\n")
		if lf {
			delim = []byte("\n")
		}
		max := int(maxLength%32) + 1
		// The model.
		var want []string
		wantExceeded := false
		parts := bytes.Split(data, delim)
		rest := parts[len(parts)-1]
		for _, p := range parts[:len(parts)-1] {
			if len(p) > max {
				wantExceeded = true
				break
			}
			want = append(want, string(p))
		}
		l := &lines{}
		l.Delimiter, l.MaxLength = delim, max
		connect(l)
		for _, c := range chunks(data, cuts) {
			l.DataReceived(c)
			if len(l.exceeded) > 0 {
				break
			}
			if len(l.buffer) >= max+len(delim)+len(c) {
				t.Fatalf("buffer holds %d bytes", len(l.buffer))
			}
		}
		got := l.got
		if got == nil {
			got = []string{}
		}
		if !wantExceeded && len(rest) < max+len(delim) {
			if want == nil {
				want = []string{}
			}
			if len(l.exceeded) > 0 || !slices.Equal(got, want) {
				t.Fatalf("lines %q exceeded %v, want %q", got, l.exceeded, want)
			}
			if !bytes.Equal(l.buffer, rest) {
				t.Fatalf("buffer %q, want %q", l.buffer, rest)
			}
			return
		}
		// An overflow: the lines before it are delivered, in order.
		if len(got) > len(want) || !slices.Equal(got, want[:len(got)]) {
			t.Fatalf("lines %q, want a prefix of %q", got, want)
		}
	})
}

type strings struct {
	NetstringReceiver
	got []string
}

func (s *strings) StringReceived(b []byte) { s.got = append(s.got, string(b)) }

// FuzzNetstringReceiver checks that however the data is cut into reads, a
// NetstringReceiver delivers the same strings, and breaks the connection
// at the same point; that a stream of well-formed netstrings is read back
// whole; and that it never holds more than MaxLength plus a read.
func FuzzNetstringReceiver(f *testing.F) {
	f.Add([]byte("3:abc,0:,"), []byte{1, 2}, []byte("hello"))
	f.Add([]byte("99999999999999999999999:"), []byte{3}, []byte(""))
	f.Add([]byte("4:1:a,,"), []byte{0, 5}, []byte(",:,"))
	f.Fuzz(func(t *testing.T, data, cuts, payload []byte) {
		whole := &strings{}
		whole.MaxLength = 50
		wt := connect(whole)
		whole.DataReceived(data)
		cut := &strings{}
		cut.MaxLength = 50
		ct := connect(cut)
		for _, c := range chunks(data, cuts) {
			cut.DataReceived(c)
			if len(cut.remaining)+len(cut.payload) > 51+len(c) && !cut.BrokenPeer {
				t.Fatalf("holds %d bytes", len(cut.remaining)+len(cut.payload))
			}
		}
		// At the end of the data, both saw the same bytes: the same
		// strings, and the same verdict on the peer.
		if !slices.Equal(cut.got, whole.got) || wt.Disconnecting != ct.Disconnecting {
			t.Fatalf("cut %q (broken %v), whole %q (broken %v)", cut.got, ct.Disconnecting, whole.got, wt.Disconnecting)
		}
		// Well-formed netstrings read back.
		if len(payload) <= 50 {
			good := &strings{}
			good.MaxLength = 50
			connect(good)
			stream := append(FormatNetstring(payload), FormatNetstring(payload)...)
			for _, c := range chunks(stream, cuts) {
				good.DataReceived(c)
			}
			if len(good.got) != 2 || good.got[0] != string(payload) || good.got[1] != string(payload) || good.BrokenPeer {
				t.Fatalf("%q read back as %q", payload, good.got)
			}
		}
	})
}
