package reactor

import (
	"errors"
	"net"
	"strings"
	"syscall"

	"github.com/twistedflow/twistedflow/internal/timers"
	"github.com/twistedflow/twistedflow/twisted"
)

// The exception classes of twisted.internet.error that the reactor raises.
var (
	// AlreadyCalled is raised by Cancel, Delay and Reset on a DelayedCall
	// that has already run: "Tried to cancel an already-called event."
	AlreadyCalled = timers.AlreadyCalled
	// AlreadyCancelled is raised by Cancel, Delay and Reset on a
	// DelayedCall that has been cancelled: "Tried to cancel an
	// already-cancelled event."
	AlreadyCancelled = timers.AlreadyCancelled
	// ReactorNotRunning is raised when trying to stop a reactor which is
	// not running.
	ReactorNotRunning = twisted.NewClass("twisted.internet.error.ReactorNotRunning", twisted.RuntimeError)
	// ReactorAlreadyRunning is raised when trying to start the reactor
	// multiple times.
	ReactorAlreadyRunning = twisted.NewClass("twisted.internet.error.ReactorAlreadyRunning", twisted.RuntimeError)
	// ReactorNotRestartable is raised when trying to run a reactor which
	// was stopped.
	ReactorNotRestartable = twisted.NewClass("twisted.internet.error.ReactorNotRestartable", twisted.RuntimeError)
)

// The exception classes of twisted.internet.error for connections, with
// Twisted's hierarchy and str. A protocol's ConnectionLost gets a
// ConnectionDone failure for a clean close and a ConnectionLost one (or a
// subclass) otherwise; trap ConnectionClosed for both.
var (
	// ConnectionClosed: connection was closed, whether cleanly or
	// non-cleanly.
	ConnectionClosed = twisted.NewClass("twisted.internet.error.ConnectionClosed", twisted.Exception)
	// ConnectionLost: "Connection to the other side was lost in a
	// non-clean fashion." (the peer reset the connection, or an I/O error;
	// the Go error is the exception's Cause).
	ConnectionLost = twisted.NewClass("twisted.internet.error.ConnectionLost", ConnectionClosed).
			WithStr(messageStr("Connection to the other side was lost in a non-clean fashion"))
	// ConnectionAborted: "Connection was aborted locally using
	// ITCPTransport.abortConnection." (AbortConnection was called).
	ConnectionAborted = twisted.NewClass("twisted.internet.error.ConnectionAborted", ConnectionLost).
				WithStr(messageStr("Connection was aborted locally using ITCPTransport.abortConnection"))
	// ConnectionDone: "Connection was closed cleanly." (the peer closed,
	// or LoseConnection was called).
	ConnectionDone = twisted.NewClass("twisted.internet.error.ConnectionDone", ConnectionClosed).
			WithStr(messageStr("Connection was closed cleanly"))

	// ConnectError: "An error occurred while connecting." The base of the
	// errors a ClientFactory's ClientConnectionFailed gets. Raise it, or a
	// subclass, with New(string); ConnectErrorFor builds one from a Go
	// dial error.
	ConnectError = twisted.NewClass("twisted.internet.error.ConnectError", twisted.Exception).
			WithStr(connectErrorStr("An error occurred while connecting"))
	// ConnectBindError: "Couldn't bind."
	ConnectBindError = connectError("ConnectBindError", ConnectError, "Couldn't bind")
	// UnknownHostError: "Hostname couldn't be looked up."
	UnknownHostError = connectError("UnknownHostError", ConnectError, "Hostname couldn't be looked up")
	// NoRouteError: "No route to host."
	NoRouteError = connectError("NoRouteError", ConnectError, "No route to host")
	// ConnectionRefusedError: "Connection was refused by other side."
	ConnectionRefusedError = connectError("ConnectionRefusedError", ConnectError, "Connection was refused by other side")
	// TCPTimedOutError: "TCP connection timed out." (by the system).
	TCPTimedOutError = connectError("TCPTimedOutError", ConnectError, "TCP connection timed out")
	// ServiceNameUnknownError: "Service name given as port is unknown."
	ServiceNameUnknownError = connectError("ServiceNameUnknownError", ConnectError, "Service name given as port is unknown")
	// UserError: "User aborted connection." (StopConnecting).
	UserError = connectError("UserError", ConnectError, "User aborted connection")
	// TimeoutError: "User timeout caused connection failure." (the
	// timeout given to ConnectTCP ran out).
	TimeoutError = connectError("TimeoutError", UserError, "User timeout caused connection failure")

	// BindError: "An error occurred binding to an interface."
	BindError = twisted.NewClass("twisted.internet.error.BindError", twisted.Exception).
			WithStr(messageStr("An error occurred binding to an interface"))
	// CannotListenError is raised by ListenTCP when it cannot listen:
	// New(interface, port, socketError) prints "Couldn't listen on
	// interface:port: socketError." (interface "" prints as "any").
	CannotListenError = twisted.NewClass("twisted.internet.error.CannotListenError", BindError).
				WithStr(cannotListenStr)
	// DNSLookupError: "DNS lookup failed." (an IOError).
	DNSLookupError = twisted.NewClass("twisted.internet.error.DNSLookupError", twisted.IOError).
			WithStr(messageStr("DNS lookup failed"))
	// NotListeningError: "The Port was not listening when it was asked to
	// stop listening."
	NotListeningError = twisted.NewClass("twisted.internet.error.NotListeningError", twisted.RuntimeError).
				WithStr(messageStr("The Port was not listening when it was asked to stop listening"))
	// NoProtocol is the reason a client connection fails when its
	// factory's BuildProtocol returns nil.
	NoProtocol = twisted.NewClass("twisted.internet.error.NoProtocol", twisted.Exception)
	// NotConnectingError: "The Connector was not connecting when it was
	// asked to stop connecting."
	NotConnectingError = twisted.NewClass("twisted.internet.error.NotConnectingError", twisted.RuntimeError).
				WithStr(messageStr("The Connector was not connecting when it was asked to stop connecting"))
)

// ConnectionDoneFailure returns a new failure of ConnectionDone("Connection
// done"): the reason a protocol gets for a clean close, as Twisted's
// Failure(twisted.internet.main.CONNECTION_DONE) (protocol.connectionDone).
// It prints "Connection was closed cleanly: Connection done."
func ConnectionDoneFailure() *twisted.Failure {
	return twisted.NewFailure(ConnectionDone.New("Connection done"))
}

// ConnectionLostFailure returns a new failure of ConnectionLost() standing
// for the Go error cause (which may be nil; errors.Is and errors.As see
// it): the reason a TCP connection lost in a non-clean fashion, such as a
// reset by the peer, gives, as Twisted's reactor gives
// Failure(ConnectionLost()). It prints "Connection to the other side was
// lost in a non-clean fashion."
func ConnectionLostFailure(cause error) *twisted.Failure {
	e := ConnectionLost.New()
	e.Cause = cause
	return twisted.NewFailure(e)
}

// ConnectErrorFor returns the ConnectError for a failed dial, as Twisted's
// error.getConnectError does for a socket error: ConnectionRefusedError
// for ECONNREFUSED, NoRouteError for ENETUNREACH, TCPTimedOutError for
// ETIMEDOUT, UnknownHostError for a name that could not be resolved,
// ConnectError otherwise. Its argument is the system's message and its
// Cause err, so that it prints as Twisted's: "Connection was refused by
// other side: 111: Connection refused."
func ConnectErrorFor(err error) *twisted.Error {
	class := ConnectError
	var errno syscall.Errno
	var dnsErr *net.DNSError
	switch {
	case errors.As(err, &errno):
		switch errno {
		case syscall.ECONNREFUSED:
			class = ConnectionRefusedError
		case syscall.ENETUNREACH:
			class = NoRouteError
		case syscall.ETIMEDOUT:
			class = TCPTimedOutError
		}
		e := class.New(errnoMessage(errno))
		e.Cause = err
		return e
	case errors.As(err, &dnsErr):
		class = UnknownHostError
	}
	e := class.New(err.Error())
	e.Cause = err
	return e
}

// errnoMessage is Python's strerror for errno: Go's message with its first
// letter capitalised ("connection refused" → "Connection refused").
func errnoMessage(errno syscall.Errno) string {
	s := errno.Error()
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// messageStr is the __str__ Twisted's error classes share: the class's
// MESSAGE, then ": " and the arguments joined by spaces if any, then a
// full stop.
func messageStr(message string) func(*twisted.Error) string {
	return func(e *twisted.Error) string {
		s := message
		if len(e.Args) > 0 {
			s += ": " + joinArgs(e.Args)
		}
		return s + "."
	}
}

func joinArgs(args twisted.Tuple) string {
	parts := make([]string, len(args))
	for i, a := range args {
		parts[i] = twisted.Str(a)
	}
	return strings.Join(parts, " ")
}

// connectError declares a ConnectError subclass with its MESSAGE.
func connectError(name string, parent *twisted.Class, message string) *twisted.Class {
	return twisted.NewClass("twisted.internet.error."+name, parent).WithStr(connectErrorStr(message))
}

// connectErrorStr is ConnectError.__str__: MESSAGE, then ": osError" if
// there is one (the errno of the exception's Cause), then ": string" if
// the argument is not empty, then a full stop.
func connectErrorStr(message string) func(*twisted.Error) string {
	return func(e *twisted.Error) string {
		s := message
		var errno syscall.Errno
		if e.Cause != nil && errors.As(e.Cause, &errno) && errno != 0 {
			s += ": " + twisted.Str(int(errno))
		}
		if len(e.Args) > 0 && twisted.Str(e.Args[0]) != "" {
			s += ": " + twisted.Str(e.Args[0])
		}
		return s + "."
	}
}

// cannotListenStr is CannotListenError.__str__.
func cannotListenStr(e *twisted.Error) string {
	if len(e.Args) != 3 {
		return messageStr("An error occurred binding to an interface")(e)
	}
	iface := twisted.Str(e.Args[0])
	if iface == "" {
		iface = "any"
	}
	return "Couldn't listen on " + iface + ":" + twisted.Str(e.Args[1]) + ": " + twisted.Str(e.Args[2]) + "."
}
