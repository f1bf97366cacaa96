package testdefer

import (
	"github.com/twistedflow/twistedflow/conformance"
	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
)

func init() {
	Suite.Add(conformance.Scenario{
		Name:   "DeferredListEdges.noneInList",
		Source: "src/twisted/internet/defer.py DeferredList.__init__, gatherResults (Twisted 22.4): None in the list",
		Origin: conformance.Recorded,
		Deviation: &conformance.Deviation{
			Reason: "Twisted 22.4 adds its callbacks to the listed Deferreds one by one and fails on None with " +
				"AttributeError ('NoneType' object has no attribute 'addCallbacks'), after adding them to the " +
				"Deferreds before it: with consumeErrors their failures are then swallowed by a list no one " +
				"holds. Go checks the list first: TypeError naming the position, and the other Deferreds " +
				"are left as they were.",
		},
		Run: func(t *conformance.T) {
			makers := []struct {
				name string
				make func(ds []*deferred.Deferred)
			}{
				{"DeferredList", func(ds []*deferred.Deferred) { deferred.DeferredList(ds, deferred.ConsumeErrors) }},
				{"gatherResults", func(ds []*deferred.Deferred) { deferred.GatherResults(ds, deferred.ConsumeErrors) }},
			}
			for _, m := range makers {
				first := deferred.New()
				func() {
					defer func() {
						if e := recover(); e != nil {
							t.Print(m.name, "raises", show(e))
						}
					}()
					m.make([]*deferred.Deferred{first, nil})
					t.Print(m.name, "accepted")
				}()
				first.Errback(twisted.ValueError.New("x"))
				results := []any{}
				first.AddBoth(func(r any) (any, error) { results = append(results, r); return r, nil })
				t.Print(m.name, "first Deferred's result:", show(results))
				first.AddErrback(func(*twisted.Failure) (any, error) { return nil, nil })
			}
		},
	})
}
