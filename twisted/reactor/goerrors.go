package reactor

import (
	"context"
	"errors"
	"net"
	"os"
	"syscall"

	"github.com/twistedflow/twistedflow/twisted"
)

// Go's network errors in twisted.internet.error's classes, for
// twisted.ClassOf and twisted.AsError (see
// twisted.RegisterErrorClassifier): a failed dial is its ConnectError
// (ConnectErrorFor: ECONNREFUSED is ConnectionRefusedError, ENETUNREACH
// NoRouteError, ETIMEDOUT TCPTimedOutError, an unknown host
// UnknownHostError), a dial that ran out of its timeout is TimeoutError, a
// bare ECONNREFUSED is ConnectionRefusedError, a connection reset, broken
// or aborted by the system is ConnectionLost, and a failed name lookup is
// DNSLookupError. An I/O deadline that passed (os.ErrDeadlineExceeded,
// a read or write past SetDeadline) and any other network error whose
// Timeout() is true is TimeoutError too: the class Twisted code traps for a
// user timeout. A context's deadline is not a network timeout: package
// deferred maps it to its own TimeoutError. The Go error is the exception's Cause, so errors.Is(err,
// syscall.ECONNREFUSED) still holds.
func init() { twisted.RegisterErrorClassifier(classifyNetError) }

func classifyNetError(err error) *twisted.Error {
	var opErr *net.OpError
	if errors.As(err, &opErr) && opErr.Op == "dial" {
		if opErr.Timeout() && !errors.Is(err, syscall.ETIMEDOUT) {
			e := TimeoutError.New()
			e.Cause = err
			return e
		}
		return ConnectErrorFor(err)
	}
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) {
		e := DNSLookupError.New(dnsErr.Name)
		e.Cause = err
		return e
	}
	var errno syscall.Errno
	if errors.As(err, &errno) {
		switch errno {
		case syscall.ECONNREFUSED, syscall.ENETUNREACH, syscall.ETIMEDOUT:
			return ConnectErrorFor(err)
		case syscall.ECONNRESET, syscall.EPIPE, syscall.ECONNABORTED:
			e := ConnectionLost.New()
			e.Cause = err
			return e
		}
	}
	if isIOTimeout(err) {
		e := TimeoutError.New()
		e.Cause = err
		return e
	}
	return nil
}

// isIOTimeout reports whether err is an I/O deadline that passed or a
// network error that timed out. A syscall.Errno's Timeout (EAGAIN,
// ETIMEDOUT) is not one: those keep their OSError and ConnectError
// classes. Nor is context.DeadlineExceeded, whose Timeout is true as well.
func isIOTimeout(err error) bool {
	if errors.Is(err, os.ErrDeadlineExceeded) {
		return true
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return false
	}
	var errno syscall.Errno
	if errors.As(err, &errno) {
		return false
	}
	var netErr net.Error
	return errors.As(err, &netErr) && netErr.Timeout()
}
