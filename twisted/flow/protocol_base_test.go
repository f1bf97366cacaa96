package flow_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/protocol"
)

// panicOf runs f and returns what it panicked with, or nil.
func panicOf(f func()) (v any) {
	defer func() { v = recover() }()
	f()
	return nil
}

func baseController(conn *flow.Protocol) flow.Generator {
	return func(yield func(any) bool) error { yield(conn); return nil }
}

// Python's makeProtocol(controller, None, 'lineReceived') raises TypeError
// ("cannot create 'NoneType' instances") at once, not at the first
// connection.
func TestMakeProtocolWithBaseNilBase(t *testing.T) {
	v := panicOf(func() { flow.MakeProtocolWithBase(baseController, nil) })
	err, ok := v.(error)
	if !ok || !errors.Is(err, twisted.TypeError) || !strings.Contains(err.Error(), "'NoneType'") {
		t.Fatalf("MakeProtocolWithBase(c, nil) panicked %v, want TypeError naming NoneType", v)
	}
}

// A base function that returns no protocol fails where the connection's
// protocol is built, with a TypeError rather than a nil dereference later.
func TestMakeProtocolWithBaseReturnsNil(t *testing.T) {
	build := flow.MakeProtocolWithBase(baseController, func(*flow.Protocol) protocol.IProtocol { return nil })
	v := panicOf(func() { build() })
	err, ok := v.(error)
	if !ok || !errors.Is(err, twisted.TypeError) || !strings.Contains(err.Error(), "None") {
		t.Fatalf("building the protocol panicked %v, want TypeError naming None", v)
	}
}
