package task

import "github.com/twistedflow/twistedflow/twisted/reactor"

// Clock is a deterministic, easily controlled implementation of
// IReactorTime.CallLater, commonly useful for writing deterministic unit
// tests of code that schedules events with it: time starts at 0 and moves
// only when Advance or Pump moves it. It is reactor.Clock, under the name
// Twisted gives it (twisted.internet.task.Clock).
type Clock = reactor.Clock

// NewClock returns a Clock at time 0 with no calls scheduled.
func NewClock() *Clock { return reactor.NewClock() }
