package testdefgen

import (
	"github.com/twistedflow/twistedflow/conformance"
	"github.com/twistedflow/twistedflow/conformance/pyunit"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
)

// DeferredGeneratorEdges are cases of our own around test_defgen.py's.
type DeferredGeneratorEdges struct {
	pyunit.TestCase
}

func (self *DeferredGeneratorEdges) test_yieldDeferredAfterWait() any {
	first := deferred.New()

	gen := func() *deferred.Deferred {
		return deferred.DeferredGenerator(func(yield func(any) bool) error {
			x := deferred.WaitForDeferred(first)
			yield(x)
			x.GetResult()
			yield(deferred.New())
			return nil
		})
	}

	d := gen()
	first.Callback(nil)
	results := []any{}
	d.AddBoth(func(r any) (any, error) { results = append(results, r); return nil, nil })
	self.T().Print(pyunit.Show(results))
	self.T().Print(pyunit.Show(first))
	return nil
}

func init() {
	Suite.Add(conformance.Scenario{
		Name:   "DeferredGeneratorEdges.yieldDeferredAfterWait",
		Source: "ours: deferredGenerator (twisted/internet/defer.py _deferGenerator, b2b5697a0f^) yielding a Deferred after a wait",
		Origin: conformance.Recorded,
		Deviation: &conformance.Deviation{
			Reason: "A deferredGenerator that yields a Deferred instead of waitForDeferred(d) after it has waited once: the original's _deferGenerator returns fail(TypeError) to the callback that resumed it, and the Deferred the caller holds never fires. Go fails that Deferred with the TypeError, as it does (in effect) before the first wait.",
		},
		Run: func(t *conformance.T) {
			pyunit.Run(t, &DeferredGeneratorEdges{}, (*DeferredGeneratorEdges).test_yieldDeferredAfterWait)
		},
	})
}
