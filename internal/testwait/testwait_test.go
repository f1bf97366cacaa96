package testwait

import (
	"testing"
	"time"

	"github.com/twistedflow/twistedflow/internal/leakcheck"
)

func TestMain(m *testing.M) { leakcheck.Main(m) }

// failRecorder is a testing.TB whose Fatalf records the message and ends
// the goroutine, as testing's does.
type failRecorder struct {
	testing.TB
	msg string
}

func (f *failRecorder) Helper() {}
func (f *failRecorder) Fatalf(format string, args ...any) {
	f.msg = format
	if len(args) > 0 {
		f.msg = time.Duration(args[0].(time.Duration)).String() + " " + args[1].(string)
	}
	panic(f)
}

func TestReceiveReturnsTheValue(t *testing.T) {
	ch := make(chan int, 1)
	ch <- 7
	if got := Receive(t, ch, time.Minute, "seven"); got != 7 {
		t.Fatalf("got %d, want 7", got)
	}
}

func TestReceiveFailsSayingWhatItWaitedFor(t *testing.T) {
	f := &failRecorder{TB: t}
	func() {
		defer func() {
			if r := recover(); r != f {
				t.Fatalf("recovered %v, want the recorder's Fatalf", r)
			}
		}()
		Receive(f, make(chan int), time.Millisecond, "a value never sent")
	}()
	if f.msg != "1ms a value never sent" {
		t.Fatalf("Fatalf said %q", f.msg)
	}
}
