package testbasic

import (
	"encoding/binary"

	"github.com/twistedflow/twistedflow/twisted/protocol"
	"github.com/twistedflow/twistedflow/twisted/protohelpers"
)

// The module level of test_basic.py that is Python's own: iterbytes,
// struct.pack, bytes repetition and slicing.

// b is a bytes literal.
func b(s string) []byte { return []byte(s) }

// times is b"x" * n.
func times(s string, n int) []byte {
	out := make([]byte, 0, len(s)*max(n, 0))
	for range n {
		out = append(out, s...)
	}
	return out
}

// cat is b"".join(parts) (and a + b).
func cat(parts ...[]byte) []byte {
	var out []byte
	for _, p := range parts {
		out = append(out, p...)
	}
	if out == nil {
		out = []byte{}
	}
	return out
}

// slice is s[i:j] with Python's clamping of out-of-range bounds.
func slice(s []byte, i, j int) []byte {
	i, j = min(max(i, 0), len(s)), min(max(j, 0), len(s))
	if j < i {
		j = i
	}
	return s[i:j:j]
}

// iterbytes is twisted.python.compat.iterbytes: each byte as bytes.
func iterbytes(s []byte) [][]byte {
	out := make([][]byte, len(s))
	for i := range s {
		out[i] = s[i : i+1 : i+1]
	}
	return out
}

// pack is struct.pack(structFormat, n) for the IntN formats ("!B", "!H",
// "!I"), by their prefix length.
func pack(prefixLength, n int) []byte {
	out := make([]byte, prefixLength)
	switch prefixLength {
	case 1:
		out[0] = byte(n)
	case 2:
		binary.BigEndian.PutUint16(out, uint16(n))
	default:
		binary.BigEndian.PutUint32(out, uint32(n))
	}
	return out
}

// stringTransport is proto_helpers.StringTransport().
func stringTransport() *protohelpers.StringTransport { return &protohelpers.StringTransport{} }

// stringIOWithoutClosing stands for protocol.FileWrapper(
// proto_helpers.StringIOWithoutClosing()), the transport the LineReceiver
// tests write to a file: a StringTransport, as the tests read nothing back
// from the file, and a FileWrapper, like it, never reports disconnecting.
type stringIOWithoutClosing struct{ protohelpers.StringTransport }

func (t *stringIOWithoutClosing) IsDisconnecting() bool { return false }

// FileWrapper's registerProducer asks a pull producer for data at once.
func (t *stringIOWithoutClosing) RegisterProducer(producer protocol.IProducer, streaming bool) {
	t.Producer, t.Streaming = producer, streaming
	if p, ok := producer.(protocol.IPullProducer); ok && !streaming {
		p.ResumeProducing()
	}
}

func (t *stringIOWithoutClosing) UnregisterProducer() { t.Producer = nil }

// FileWrapper's stopProducing loses the connection, which it never
// reports; its pauseProducing and resumeProducing do nothing.
func (t *stringIOWithoutClosing) StopProducing()   { t.LoseConnection() }
func (t *stringIOWithoutClosing) PauseProducing()  {}
func (t *stringIOWithoutClosing) ResumeProducing() {}

func fileWrapper() *stringIOWithoutClosing { return &stringIOWithoutClosing{} }

// received is a list of bytes, shown and compared as Python's.
type received = [][]byte
