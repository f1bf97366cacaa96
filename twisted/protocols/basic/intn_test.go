package basic

import "testing"

// int16s is an Int16StringReceiver that records what it gets.
type int16s struct {
	Int16StringReceiver
	got      []string
	exceeded []int
}

func (r *int16s) StringReceived(s []byte) { r.got = append(r.got, string(s)) }

func (r *int16s) LengthLimitExceeded(length int) {
	r.exceeded = append(r.exceeded, length)
	r.Int16StringReceiver.LengthLimitExceeded(length)
}

// A negative MaxLength refuses every string, as Twisted's
// `if length > self.MAX_LENGTH` does (it is not "no limit", as a
// conversion to an unsigned length would make it); zero is the default.
func TestIntNNegativeMaxLength(t *testing.T) {
	r := &int16s{}
	r.MaxLength = -1
	tr := connect(r)
	r.DataReceived([]byte("\x00\x02hi"))
	if len(r.got) != 0 || len(r.exceeded) != 1 || r.exceeded[0] != 2 || !tr.Disconnecting {
		t.Fatalf("MaxLength -1: got %q, exceeded %v, disconnecting %v; want nothing, [2], true", r.got, r.exceeded, tr.Disconnecting)
	}

	r = &int16s{}
	connect(r)
	r.DataReceived([]byte("\x00\x02hi"))
	if len(r.got) != 1 || r.got[0] != "hi" || len(r.exceeded) != 0 {
		t.Fatalf("MaxLength 0 (the default): got %q, exceeded %v", r.got, r.exceeded)
	}
}
