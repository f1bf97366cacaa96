package testinternet

import (
	"github.com/twistedflow/twistedflow/conformance/pyunit"
	"github.com/twistedflow/twistedflow/internal/sysevent"
	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
)

// ThreePhaseEventTests: tests for the private implementation helpers for
// system event triggers (base._ThreePhaseEvent, internal/sysevent's
// ThreePhaseEvent).
type ThreePhaseEventTests struct {
	pyunit.TestCase
	trigger *function
	arg     *object
	event   *sysevent.ThreePhaseEvent
}

// SetUp creates a trigger, an argument, and an event to be used by tests.
// (The event's log is the test's, as Python's log.err reaches trial's
// observer.)
func (self *ThreePhaseEventTests) SetUp() {
	self.trigger = &function{func(x any) any { return nil }}
	self.arg = &object{}
	self.event = sysevent.New(self.Log)
}

func init() {
	newTest := func() *ThreePhaseEventTests { return &ThreePhaseEventTests{} }
	add := func(name string, test func(self *ThreePhaseEventTests)) {
		addTest("ThreePhaseEventTests", name, newTest, func(self *ThreePhaseEventTests) any { test(self); return nil })
	}

	// addTrigger should raise KeyError when called with an invalid phase.
	add("test_addInvalidPhase", func(self *ThreePhaseEventTests) {
		self.AssertRaises(twisted.KeyError, func() error { self.event.AddTrigger("xxx", self.trigger, self.arg); return nil })
	})

	// addTrigger should accept 'before' as a phase, a callable, and some
	// arguments and add the callable with the arguments to the before list.
	add("test_addBeforeTrigger", func(self *ThreePhaseEventTests) {
		self.event.AddTrigger("before", self.trigger, self.arg)
		self.AssertEqual(self.event.Before, []any{twisted.Tuple{self.trigger, twisted.Tuple{self.arg}, map[string]any{}}})
	})

	// addTrigger should accept 'during' as a phase, a callable, and some
	// arguments and add the callable with the arguments to the during list.
	add("test_addDuringTrigger", func(self *ThreePhaseEventTests) {
		self.event.AddTrigger("during", self.trigger, self.arg)
		self.AssertEqual(self.event.During, []any{twisted.Tuple{self.trigger, twisted.Tuple{self.arg}, map[string]any{}}})
	})

	// addTrigger should accept 'after' as a phase, a callable, and some
	// arguments and add the callable with the arguments to the after list.
	add("test_addAfterTrigger", func(self *ThreePhaseEventTests) {
		self.event.AddTrigger("after", self.trigger, self.arg)
		self.AssertEqual(self.event.After, []any{twisted.Tuple{self.trigger, twisted.Tuple{self.arg}, map[string]any{}}})
	})

	// removeTrigger should accept an opaque object previously returned by
	// addTrigger and remove the associated trigger.
	add("test_removeTrigger", func(self *ThreePhaseEventTests) {
		handle := self.event.AddTrigger("before", self.trigger, self.arg)
		raise(self.event.RemoveTrigger(handle))
		self.AssertEqual(self.event.Before, []any{})
	})

	// removeTrigger should raise ValueError when given an object not
	// previously returned by addTrigger.
	add("test_removeNonexistentTrigger", func(self *ThreePhaseEventTests) {
		self.AssertRaises(twisted.ValueError, func() error { return self.event.RemoveTrigger(sysevent.Handle{}) }) // object()
	})

	// removeTrigger should raise ValueError the second time it is called
	// with an object returned by addTrigger.
	add("test_removeRemovedTrigger", func(self *ThreePhaseEventTests) {
		handle := self.event.AddTrigger("before", self.trigger, self.arg)
		raise(self.event.RemoveTrigger(handle))
		self.AssertRaises(twisted.ValueError, func() error { return self.event.RemoveTrigger(handle) })
	})

	// removeTrigger should raise ValueError if it is given a trigger handle
	// which resembles a valid trigger handle aside from its phase being
	// incorrect.
	add("test_removeAlmostValidTrigger", func(self *ThreePhaseEventTests) {
		self.AssertRaises(twisted.KeyError, func() error {
			return self.event.RemoveTrigger(sysevent.Handle{Phase: "xxx", Trigger: twisted.Tuple{self.trigger, twisted.Tuple{self.arg}, map[string]any{}}})
		})
	})

	// fireEvent should call before, during, and after phase triggers in
	// that order.
	add("test_fireEvent", func(self *ThreePhaseEventTests) {
		events := []any{}
		eventsAppend := func(x any) { events = append(events, x) }
		self.event.AddTrigger("after", eventsAppend, twisted.Tuple{"first", "after"})
		self.event.AddTrigger("during", eventsAppend, twisted.Tuple{"first", "during"})
		self.event.AddTrigger("before", eventsAppend, twisted.Tuple{"first", "before"})
		self.event.AddTrigger("before", eventsAppend, twisted.Tuple{"second", "before"})
		self.event.AddTrigger("during", eventsAppend, twisted.Tuple{"second", "during"})
		self.event.AddTrigger("after", eventsAppend, twisted.Tuple{"second", "after"})

		self.AssertEqual(events, []any{})
		self.event.FireEvent()
		self.AssertEqual(
			events,
			[]any{
				twisted.Tuple{"first", "before"},
				twisted.Tuple{"second", "before"},
				twisted.Tuple{"first", "during"},
				twisted.Tuple{"second", "during"},
				twisted.Tuple{"first", "after"},
				twisted.Tuple{"second", "after"},
			},
		)
	})

	// fireEvent should wait for any Deferred returned by a before phase
	// trigger before proceeding to during events.
	add("test_asynchronousBefore", func(self *ThreePhaseEventTests) {
		events := []any{}
		eventsAppend := func(x any) { events = append(events, x) }
		beforeResult := deferred.New()
		self.event.AddTrigger("before", func() any { return beforeResult })
		self.event.AddTrigger("during", eventsAppend, "during")
		self.event.AddTrigger("after", eventsAppend, "after")

		self.AssertEqual(events, []any{})
		self.event.FireEvent()
		self.AssertEqual(events, []any{})
		beforeResult.Callback(nil)
		self.AssertEqual(events, []any{"during", "after"})
	})

	// If a before-phase trigger raises a synchronous exception, it should
	// be logged and the remaining triggers should be run.
	add("test_beforeTriggerException", func(self *ThreePhaseEventTests) {
		events := []any{}
		eventsAppend := func(x any) { events = append(events, x) }

		DummyException := twisted.NewClass("DummyException", twisted.Exception)

		raisingTrigger := func() any {
			panic(DummyException.New())
		}

		self.event.AddTrigger("before", raisingTrigger)
		self.event.AddTrigger("before", eventsAppend, "before")
		self.event.AddTrigger("during", eventsAppend, "during")
		self.event.FireEvent()
		self.AssertEqual(events, []any{"before", "during"})
		errors := self.FlushLoggedErrors(DummyException)
		self.AssertEqual(len(errors), 1)
	})

	// If a during-phase trigger raises a synchronous exception, it should
	// be logged and the remaining triggers should be run.
	add("test_duringTriggerException", func(self *ThreePhaseEventTests) {
		events := []any{}
		eventsAppend := func(x any) { events = append(events, x) }

		DummyException := twisted.NewClass("DummyException", twisted.Exception)

		raisingTrigger := func() any {
			panic(DummyException.New())
		}

		self.event.AddTrigger("during", raisingTrigger)
		self.event.AddTrigger("during", eventsAppend, "during")
		self.event.AddTrigger("after", eventsAppend, "after")
		self.event.FireEvent()
		self.AssertEqual(events, []any{"during", "after"})
		errors := self.FlushLoggedErrors(DummyException)
		self.AssertEqual(len(errors), 1)
	})

	// If a before-phase trigger tries to remove another before-phase
	// trigger which has already run, a warning should be emitted.
	add("test_synchronousRemoveAlreadyExecutedBefore", func(self *ThreePhaseEventTests) {
		events := []any{}
		eventsAppend := func(x any) { events = append(events, x) }

		var beforeHandle sysevent.Handle
		removeTrigger := func() {
			warn(self.event.RemoveTrigger(beforeHandle))
		}

		beforeHandle = self.event.AddTrigger(
			"before", eventsAppend, twisted.Tuple{"first", "before"},
		)
		self.event.AddTrigger("before", removeTrigger)
		self.event.AddTrigger("before", eventsAppend, twisted.Tuple{"second", "before"})
		assertWarns(
			&self.TestCase,
			twisted.DeprecationWarning,
			"Removing already-fired system event triggers will raise an "+
				"exception in a future version of Twisted.",
			self.event.FireEvent,
		)
		self.AssertEqual(events, []any{twisted.Tuple{"first", "before"}, twisted.Tuple{"second", "before"}})
	})

	// If a before-phase trigger removes another before-phase trigger which
	// has not yet run, the removed trigger should not be run.
	add("test_synchronousRemovePendingBefore", func(self *ThreePhaseEventTests) {
		events := []any{}
		eventsAppend := func(x any) { events = append(events, x) }
		var beforeHandle sysevent.Handle
		self.event.AddTrigger("before", func() { raise(self.event.RemoveTrigger(beforeHandle)) })
		beforeHandle = self.event.AddTrigger(
			"before", eventsAppend, twisted.Tuple{"first", "before"},
		)
		self.event.AddTrigger("before", eventsAppend, twisted.Tuple{"second", "before"})
		self.event.FireEvent()
		self.AssertEqual(events, []any{twisted.Tuple{"second", "before"}})
	})

	// If a before-phase trigger removes a during-phase trigger, the
	// during-phase trigger should not be run.
	add("test_synchronousBeforeRemovesDuring", func(self *ThreePhaseEventTests) {
		events := []any{}
		eventsAppend := func(x any) { events = append(events, x) }
		var duringHandle sysevent.Handle
		self.event.AddTrigger("before", func() { raise(self.event.RemoveTrigger(duringHandle)) })
		duringHandle = self.event.AddTrigger("during", eventsAppend, "during")
		self.event.AddTrigger("after", eventsAppend, "after")
		self.event.FireEvent()
		self.AssertEqual(events, []any{"after"})
	})

	// If a before-phase trigger returns a Deferred and later removes a
	// during-phase trigger before the Deferred fires, the during-phase
	// trigger should not be run.
	add("test_asynchronousBeforeRemovesDuring", func(self *ThreePhaseEventTests) {
		events := []any{}
		eventsAppend := func(x any) { events = append(events, x) }
		beforeResult := deferred.New()
		self.event.AddTrigger("before", func() any { return beforeResult })
		duringHandle := self.event.AddTrigger("during", eventsAppend, "during")
		self.event.AddTrigger("after", eventsAppend, "after")
		self.event.FireEvent()
		raise(self.event.RemoveTrigger(duringHandle))
		beforeResult.Callback(nil)
		self.AssertEqual(events, []any{"after"})
	})

	// If a before-phase trigger removes a during-phase trigger which is
	// identical to an already-executed before-phase trigger aside from
	// their phases, no warning should be emitted and the during-phase
	// trigger should not be run.
	add("test_synchronousBeforeRemovesConspicuouslySimilarDuring", func(self *ThreePhaseEventTests) {
		events := []any{}

		trigger := func() {
			events = append(events, "trigger")
		}

		var duringTrigger sysevent.Handle
		self.event.AddTrigger("before", trigger)
		self.event.AddTrigger("before", func() { raise(self.event.RemoveTrigger(duringTrigger)) })
		duringTrigger = self.event.AddTrigger("during", trigger)
		self.event.FireEvent()
		self.AssertEqual(events, []any{"trigger"})
	})

	// If a during-phase trigger removes another during-phase trigger which
	// has not yet run, the removed trigger should not be run.
	add("test_synchronousRemovePendingDuring", func(self *ThreePhaseEventTests) {
		events := []any{}
		eventsAppend := func(x any) { events = append(events, x) }
		var duringHandle sysevent.Handle
		self.event.AddTrigger("during", func() { raise(self.event.RemoveTrigger(duringHandle)) })
		duringHandle = self.event.AddTrigger(
			"during", eventsAppend, twisted.Tuple{"first", "during"},
		)
		self.event.AddTrigger("during", eventsAppend, twisted.Tuple{"second", "during"})
		self.event.FireEvent()
		self.AssertEqual(events, []any{twisted.Tuple{"second", "during"}})
	})

	// A trigger should only be called on the first call to fireEvent.
	add("test_triggersRunOnce", func(self *ThreePhaseEventTests) {
		events := []any{}
		eventsAppend := func(x any) { events = append(events, x) }
		self.event.AddTrigger("before", eventsAppend, "before")
		self.event.AddTrigger("during", eventsAppend, "during")
		self.event.AddTrigger("after", eventsAppend, "after")
		self.event.FireEvent()
		self.event.FireEvent()
		self.AssertEqual(events, []any{"before", "during", "after"})
	})

	// The temporary list finishedBefore should be emptied and the state
	// reset to 'BASE' before the first during-phase trigger executes.
	add("test_finishedBeforeTriggersCleared", func(self *ThreePhaseEventTests) {
		events := []any{}
		eventsAppend := func(x any) { events = append(events, x) }

		duringTrigger := func() {
			events = append(events, "during")
			self.AssertEqual(self.event.FinishedBefore, []any{})
			self.AssertEqual(self.event.State, "BASE")
		}

		self.event.AddTrigger("before", eventsAppend, "before")
		self.event.AddTrigger("during", duringTrigger)
		self.event.FireEvent()
		self.AssertEqual(events, []any{"before", "during"})
	})
}
