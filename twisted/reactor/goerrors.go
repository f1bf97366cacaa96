package reactor

import (
	"errors"
	"net"
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
// DNSLookupError. The Go error is the exception's Cause, so errors.Is(err,
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
	return nil
}
