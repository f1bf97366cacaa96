package testinternet

import (
	"errors"
	"slices"

	"github.com/twistedflow/twistedflow/conformance/pyunit"
	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
)

// SystemEventTests: tests for the reactor's implementation of the
// FireSystemEvent, AddSystemEventTrigger, and RemoveSystemEventTrigger
// methods of the IReactorCore interface. triggers is a list of the handles
// to triggers which have been added to the reactor.
type SystemEventTests struct {
	pyunit.TestCase
	triggers []TriggerID
}

// SetUp creates an empty list in which to store trigger handles.
func (self *SystemEventTests) SetUp() {
	self.triggers = []TriggerID{}
}

// TearDown removes all remaining triggers from the reactor.
func (self *SystemEventTests) TearDown() {
	reactor := self.Reactor()
	for len(self.triggers) > 0 {
		trigger := self.triggers[len(self.triggers)-1]
		self.triggers = self.triggers[:len(self.triggers)-1]
		if err := reactor.RemoveSystemEventTrigger(trigger); err != nil &&
			!errors.Is(err, twisted.ValueError) && !errors.Is(err, twisted.KeyError) {
			panic(err)
		}
	}
}

// addTrigger adds a trigger to the reactor and remembers it in
// self.triggers.
func (self *SystemEventTests) addTrigger(event, phase string, f func() any) TriggerID {
	t := self.Reactor().AddSystemEventTrigger(event, phase, f)
	self.triggers = append(self.triggers, t)
	return t
}

// removeTrigger removes a trigger by its handle from the reactor and from
// self.triggers.
func (self *SystemEventTests) removeTrigger(trigger TriggerID) {
	raise(self.Reactor().RemoveSystemEventTrigger(trigger))
	i := slices.Index(self.triggers, trigger)
	if i < 0 {
		panic(twisted.ValueError.New("list.remove(x): x not in list"))
	}
	self.triggers = slices.Delete(self.triggers, i, i+1)
}

func (self *SystemEventTests) _addSystemEventTriggerTest(phase string) {
	reactor := self.Reactor()
	eventType := "test"
	events := []any{}

	trigger := func() any {
		events = append(events, nil)
		return nil
	}

	self.addTrigger(phase, eventType, trigger)
	self.AssertEqual(events, []any{})
	reactor.FireSystemEvent(eventType)
	self.AssertEqual(events, []any{nil})
}

func init() {
	newTest := func() *SystemEventTests { return &SystemEventTests{} }
	add := func(name string, test func(self *SystemEventTests)) {
		addTest("SystemEventTests", name, newTest, func(self *SystemEventTests) any { test(self); return nil })
	}

	// AddSystemEventTrigger should accept the 'before' phase and not call
	// the given object until the right event is fired.
	add("test_beforePhase", func(self *SystemEventTests) {
		self._addSystemEventTriggerTest("before")
	})

	// AddSystemEventTrigger should accept the 'during' phase and not call
	// the given object until the right event is fired.
	add("test_duringPhase", func(self *SystemEventTests) {
		self._addSystemEventTriggerTest("during")
	})

	// AddSystemEventTrigger should accept the 'after' phase and not call
	// the given object until the right event is fired.
	add("test_afterPhase", func(self *SystemEventTests) {
		self._addSystemEventTriggerTest("after")
	})

	// AddSystemEventTrigger should reject phases other than 'before',
	// 'during', or 'after'.
	add("test_unknownPhase", func(self *SystemEventTests) {
		eventType := "test"
		self.AssertRaises(twisted.KeyError, func() error {
			self.addTrigger("xxx", eventType, func() any { return nil })
			return nil
		})
	})

	// AddSystemEventTrigger should call triggers added to the 'before'
	// phase before it calls triggers added to the 'during' phase.
	add("test_beforePreceedsDuring", func(self *SystemEventTests) {
		reactor := self.Reactor()
		eventType := "test"
		events := []any{}

		beforeTrigger := func() any {
			events = append(events, "before")
			return nil
		}

		duringTrigger := func() any {
			events = append(events, "during")
			return nil
		}

		self.addTrigger("before", eventType, beforeTrigger)
		self.addTrigger("during", eventType, duringTrigger)
		self.AssertEqual(events, []any{})
		reactor.FireSystemEvent(eventType)
		self.AssertEqual(events, []any{"before", "during"})
	})

	// AddSystemEventTrigger should call triggers added to the 'during'
	// phase before it calls triggers added to the 'after' phase.
	add("test_duringPreceedsAfter", func(self *SystemEventTests) {
		reactor := self.Reactor()
		eventType := "test"
		events := []any{}

		duringTrigger := func() any {
			events = append(events, "during")
			return nil
		}

		afterTrigger := func() any {
			events = append(events, "after")
			return nil
		}

		self.addTrigger("during", eventType, duringTrigger)
		self.addTrigger("after", eventType, afterTrigger)
		self.AssertEqual(events, []any{})
		reactor.FireSystemEvent(eventType)
		self.AssertEqual(events, []any{"during", "after"})
	})

	// If a trigger added to the 'before' phase of an event returns a
	// Deferred, the 'during' phase should be delayed until it is called
	// back.
	add("test_beforeReturnsDeferred", func(self *SystemEventTests) {
		reactor := self.Reactor()
		triggerDeferred := deferred.New()
		eventType := "test"
		events := []any{}

		beforeTrigger := func() any {
			return triggerDeferred
		}

		duringTrigger := func() any {
			events = append(events, "during")
			return nil
		}

		self.addTrigger("before", eventType, beforeTrigger)
		self.addTrigger("during", eventType, duringTrigger)
		self.AssertEqual(events, []any{})
		reactor.FireSystemEvent(eventType)
		self.AssertEqual(events, []any{})
		triggerDeferred.Callback(nil)
		self.AssertEqual(events, []any{"during"})
	})

	// If more than one trigger added to the 'before' phase of an event
	// return Deferreds, the 'during' phase should be delayed until they are
	// all called back.
	add("test_multipleBeforeReturnDeferred", func(self *SystemEventTests) {
		reactor := self.Reactor()
		firstDeferred := deferred.New()
		secondDeferred := deferred.New()
		eventType := "test"
		events := []any{}

		firstBeforeTrigger := func() any {
			return firstDeferred
		}

		secondBeforeTrigger := func() any {
			return secondDeferred
		}

		duringTrigger := func() any {
			events = append(events, "during")
			return nil
		}

		self.addTrigger("before", eventType, firstBeforeTrigger)
		self.addTrigger("before", eventType, secondBeforeTrigger)
		self.addTrigger("during", eventType, duringTrigger)
		self.AssertEqual(events, []any{})
		reactor.FireSystemEvent(eventType)
		self.AssertEqual(events, []any{})
		firstDeferred.Callback(nil)
		self.AssertEqual(events, []any{})
		secondDeferred.Callback(nil)
		self.AssertEqual(events, []any{"during"})
	})

	// If a trigger added to the 'before' phase of an event calls back a
	// Deferred returned by an earlier trigger in the 'before' phase of the
	// same event, the remaining 'before' triggers for that event should be
	// run and any further Deferreds waited on before proceeding to the
	// 'during' events.
	add("test_subsequentBeforeTriggerFiresPriorBeforeDeferred", func(self *SystemEventTests) {
		reactor := self.Reactor()
		eventType := "test"
		events := []any{}
		firstDeferred := deferred.New()
		secondDeferred := deferred.New()

		firstBeforeTrigger := func() any {
			return firstDeferred
		}

		secondBeforeTrigger := func() any {
			firstDeferred.Callback(nil)
			return nil
		}

		thirdBeforeTrigger := func() any {
			events = append(events, "before")
			return secondDeferred
		}

		duringTrigger := func() any {
			events = append(events, "during")
			return nil
		}

		self.addTrigger("before", eventType, firstBeforeTrigger)
		self.addTrigger("before", eventType, secondBeforeTrigger)
		self.addTrigger("before", eventType, thirdBeforeTrigger)
		self.addTrigger("during", eventType, duringTrigger)
		self.AssertEqual(events, []any{})
		reactor.FireSystemEvent(eventType)
		self.AssertEqual(events, []any{"before"})
		secondDeferred.Callback(nil)
		self.AssertEqual(events, []any{"before", "during"})
	})

	// A trigger removed with RemoveSystemEventTrigger should not be called
	// when the event fires.
	add("test_removeSystemEventTrigger", func(self *SystemEventTests) {
		reactor := self.Reactor()
		eventType := "test"
		events := []any{}

		firstBeforeTrigger := func() any {
			events = append(events, "first")
			return nil
		}

		secondBeforeTrigger := func() any {
			events = append(events, "second")
			return nil
		}

		self.addTrigger("before", eventType, firstBeforeTrigger)
		self.removeTrigger(self.addTrigger("before", eventType, secondBeforeTrigger))
		self.AssertEqual(events, []any{})
		reactor.FireSystemEvent(eventType)
		self.AssertEqual(events, []any{"first"})
	})

	// Passing an object to RemoveSystemEventTrigger which was not returned
	// by a previous call to AddSystemEventTrigger or which has already been
	// passed to RemoveSystemEventTrigger should result in TypeError,
	// KeyError, or ValueError being raised.
	add("test_removeNonExistentSystemEventTrigger", func(self *SystemEventTests) {
		reactor := self.Reactor()
		b := self.addTrigger("during", "test", func() any { return nil })
		self.removeTrigger(b)
		self.AssertRaises(twisted.TypeError, func() error { return reactor.RemoveSystemEventTrigger(TriggerID{}) }) // None
		self.AssertRaises(twisted.ValueError, func() error { return reactor.RemoveSystemEventTrigger(b) })
		// (b[0], ("xxx",) + b[1][1:]): the same trigger, in phase "xxx".
		almost := b
		almost.Phase = "xxx"
		self.AssertRaises(twisted.KeyError, func() error { return reactor.RemoveSystemEventTrigger(almost) })
	})

	// FireSystemEvent should behave the same way for a particular system
	// event regardless of whether Deferreds are being waited on for a
	// different system event.
	add("test_interactionBetweenDifferentEvents", func(self *SystemEventTests) {
		reactor := self.Reactor()
		events := []any{}

		firstEvent := "first-event"
		firstDeferred := deferred.New()

		beforeFirstEvent := func() any {
			events = append(events, twisted.Tuple{"before", "first"})
			return firstDeferred
		}

		afterFirstEvent := func() any {
			events = append(events, twisted.Tuple{"after", "first"})
			return nil
		}

		secondEvent := "second-event"
		secondDeferred := deferred.New()

		beforeSecondEvent := func() any {
			events = append(events, twisted.Tuple{"before", "second"})
			return secondDeferred
		}

		afterSecondEvent := func() any {
			events = append(events, twisted.Tuple{"after", "second"})
			return nil
		}

		self.addTrigger("before", firstEvent, beforeFirstEvent)
		self.addTrigger("after", firstEvent, afterFirstEvent)
		self.addTrigger("before", secondEvent, beforeSecondEvent)
		self.addTrigger("after", secondEvent, afterSecondEvent)

		self.AssertEqual(events, []any{})

		// After this, firstEvent should be stuck before 'during' waiting
		// for firstDeferred.
		reactor.FireSystemEvent(firstEvent)
		self.AssertEqual(events, []any{twisted.Tuple{"before", "first"}})

		// After this, secondEvent should be stuck before 'during' waiting
		// for secondDeferred.
		reactor.FireSystemEvent(secondEvent)
		self.AssertEqual(events, []any{twisted.Tuple{"before", "first"}, twisted.Tuple{"before", "second"}})

		// After this, firstEvent should have finished completely, but
		// secondEvent should be at the same place.
		firstDeferred.Callback(nil)
		self.AssertEqual(
			events, []any{twisted.Tuple{"before", "first"}, twisted.Tuple{"before", "second"}, twisted.Tuple{"after", "first"}},
		)

		// After this, secondEvent should have finished completely.
		secondDeferred.Callback(nil)
		self.AssertEqual(
			events,
			[]any{
				twisted.Tuple{"before", "first"},
				twisted.Tuple{"before", "second"},
				twisted.Tuple{"after", "first"},
				twisted.Tuple{"after", "second"},
			},
		)
	})
}
