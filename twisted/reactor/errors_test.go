package reactor

import (
	"errors"
	"syscall"
	"testing"

	"github.com/twistedflow/twistedflow/twisted"
)

// TestConnectionErrorStr: str() and the hierarchy of
// twisted.internet.error's connection classes. Expected values were
// printed by python3-twisted 22.4.
func TestConnectionErrorStr(t *testing.T) {
	for _, c := range []struct {
		err  error
		want string
	}{
		{ConnectionDone.New(), "Connection was closed cleanly."},
		{ConnectionDone.New("Connection done"), "Connection was closed cleanly: Connection done."},
		{ConnectionLost.New(), "Connection to the other side was lost in a non-clean fashion."},
		{ConnectionLost.New("Connection lost"), "Connection to the other side was lost in a non-clean fashion: Connection lost."},
		{ConnectionLost.New("a", "b"), "Connection to the other side was lost in a non-clean fashion: a b."},
		{ConnectionAborted.New(), "Connection was aborted locally using ITCPTransport.abortConnection."},
		{ConnectionAborted.New("x"), "Connection was aborted locally using ITCPTransport.abortConnection: x."},
		{ConnectionRefusedError.New(), "Connection was refused by other side."},
		{ConnectionRefusedError.New("Connection refused"), "Connection was refused by other side: Connection refused."},
		{ConnectErrorFor(syscall.ECONNREFUSED), "Connection was refused by other side: 111: Connection refused."},
		{TimeoutError.New(), "User timeout caused connection failure."},
		{UserError.New(), "User aborted connection."},
		{TCPTimedOutError.New(), "TCP connection timed out."},
		{NoRouteError.New(), "No route to host."},
		{UnknownHostError.New(), "Hostname couldn't be looked up."},
		{DNSLookupError.New("foo"), "DNS lookup failed: foo."},
		{CannotListenError.New("", 80, "[Errno 98] Address already in use"), "Couldn't listen on any:80: [Errno 98] Address already in use."},
		{CannotListenError.New("127.0.0.1", 80, "boom"), "Couldn't listen on 127.0.0.1:80: boom."},
		{BindError.New(), "An error occurred binding to an interface."},
		{BindError.New("x"), "An error occurred binding to an interface: x."},
		{NotListeningError.New(), "The Port was not listening when it was asked to stop listening."},
		{NotConnectingError.New(), "The Connector was not connecting when it was asked to stop connecting."},
		{ConnectionClosed.New(), ""},
		{ConnectionDoneFailure().Value, "Connection was closed cleanly: Connection done."},
		{ConnectionLostFailure(syscall.ECONNRESET).Value, "Connection to the other side was lost in a non-clean fashion."},
	} {
		if got := twisted.Str(c.err); got != c.want {
			t.Errorf("str(%s) = %q, want %q", twisted.Repr(c.err), got, c.want)
		}
	}
}

func TestConnectionErrorHierarchy(t *testing.T) {
	for _, c := range []struct{ class, parent *twisted.Class }{
		{ConnectionDone, ConnectionClosed},
		{ConnectionLost, ConnectionClosed},
		{ConnectionAborted, ConnectionLost},
		{ConnectionRefusedError, ConnectError},
		{TimeoutError, UserError},
		{UserError, ConnectError},
		{CannotListenError, BindError},
		{DNSLookupError, twisted.IOError},
		{NotListeningError, twisted.RuntimeError},
	} {
		if !c.class.IsSubclass(c.parent) {
			t.Errorf("%v is not a subclass of %v", c.class, c.parent)
		}
	}
	if ConnectionDone.IsSubclass(ConnectionLost) || ConnectionLost.IsSubclass(ConnectionDone) {
		t.Error("ConnectionDone and ConnectionLost must be siblings")
	}
	f := ConnectionLostFailure(syscall.ECONNRESET)
	if !errors.Is(f, syscall.ECONNRESET) || f.Check(ConnectionLost) == nil {
		t.Errorf("ConnectionLostFailure(ECONNRESET) = %v: does not wrap the cause", f)
	}
	if e := ConnectErrorFor(syscall.ENETUNREACH); e.Class != NoRouteError {
		t.Errorf("ConnectErrorFor(ENETUNREACH) is %v", e.Class)
	}
	if e := ConnectErrorFor(syscall.ETIMEDOUT); e.Class != TCPTimedOutError {
		t.Errorf("ConnectErrorFor(ETIMEDOUT) is %v", e.Class)
	}
}
