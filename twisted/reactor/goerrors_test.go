package reactor

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"syscall"
	"testing"

	"github.com/twistedflow/twistedflow/twisted"
)

// Go's network errors are twisted.internet.error's classes for ClassOf,
// AsError and Failure, and stay the Go errors for errors.Is.
func TestGoNetworkErrors(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	_, refused := net.Dial("tcp", addr)
	if refused == nil {
		t.Skip("nothing refused the connection")
	}
	timeoutStr := "User timeout caused connection failure."
	refusedStr := fmt.Sprintf("Connection was refused by other side: %d: Connection refused.", int(syscall.ECONNREFUSED))
	for _, c := range []struct {
		name  string
		err   error
		class *twisted.Class
		goErr error
		str   string
	}{
		{"dial refused", refused, ConnectionRefusedError, syscall.ECONNREFUSED, refusedStr},
		{"bare ECONNREFUSED", syscall.ECONNREFUSED, ConnectionRefusedError, syscall.ECONNREFUSED, refusedStr},
		{"reset", &net.OpError{Op: "read", Net: "tcp", Err: syscall.ECONNRESET}, ConnectionLost, syscall.ECONNRESET, "Connection to the other side was lost in a non-clean fashion."},
		{"read deadline", &net.OpError{Op: "read", Net: "tcp", Err: os.ErrDeadlineExceeded}, TimeoutError, os.ErrDeadlineExceeded, timeoutStr},
		{"bare ErrDeadlineExceeded", os.ErrDeadlineExceeded, TimeoutError, os.ErrDeadlineExceeded, timeoutStr},
		{"net timeout", fmt.Errorf("resolve: %w", timeoutErr{}), TimeoutError, timeoutErr{}, timeoutStr},
		{"bare ETIMEDOUT stays TCPTimedOutError", syscall.ETIMEDOUT, TCPTimedOutError, syscall.ETIMEDOUT, fmt.Sprintf("TCP connection timed out: %d: Connection timed out.", int(syscall.ETIMEDOUT))},
		{"dns", &net.DNSError{Err: "no such host", Name: "nowhere.invalid", IsNotFound: true}, DNSLookupError, nil, "DNS lookup failed: nowhere.invalid."},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := twisted.ClassOf(c.err); got != c.class {
				t.Fatalf("ClassOf = %v, want %v", got, c.class)
			}
			f := twisted.NewFailure(c.err)
			if f.Check(c.class) == nil || !errors.Is(f, c.class) {
				t.Fatalf("%v does not check %v", f, c.class)
			}
			if c.goErr != nil && !errors.Is(f, c.goErr) {
				t.Fatalf("%v lost %v", f, c.goErr)
			}
			if got := f.GetErrorMessage(); got != c.str {
				t.Fatalf("message %q, want %q", got, c.str)
			}
			e := twisted.AsError(c.err)
			if !errors.Is(e, c.class) || (c.goErr != nil && !errors.Is(e, c.goErr)) {
				t.Fatalf("AsError %v", e)
			}
		})
	}
	// EAGAIN's Timeout is true, but it is an OSError; a context's deadline
	// is package deferred's, never this package's TimeoutError.
	if got := twisted.ClassOf(syscall.EAGAIN); got != twisted.OSError {
		t.Fatalf("EAGAIN is %v", got)
	}
	if got := twisted.ClassOf(context.DeadlineExceeded); got == TimeoutError {
		t.Fatalf("context.DeadlineExceeded is %v", got)
	}
	if got := twisted.ClassOf(&net.DNSError{Name: "x"}); !got.IsSubclass(twisted.IOError) {
		t.Fatalf("DNSLookupError is not an IOError: %v", got)
	}
}

// timeoutErr is a net.Error that timed out, as a resolver or a user's
// net.Conn returns.
type timeoutErr struct{}

func (timeoutErr) Error() string   { return "timed out" }
func (timeoutErr) Timeout() bool   { return true }
func (timeoutErr) Temporary() bool { return true }
