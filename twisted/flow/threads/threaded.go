package threads

import (
	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// Threaded is twisted.flow.threads.Threaded: [flow.Threaded], a stage
// which runs a blocking source (an Iterable such as a [QuerySource]) in a
// goroutine of its controller's reactor's thread pool, and hands its
// results to the flow.
func Threaded(source any, trap ...*twisted.Class) *flow.ThreadedStage {
	return flow.Threaded(source, trap...)
}

// ThreadedOn is [flow.ThreadedOn]: [Threaded] on reactor r's thread pool.
func ThreadedOn(r reactor.IReactorThreads, source any, trap ...*twisted.Class) *flow.ThreadedStage {
	return flow.ThreadedOn(r, source, trap...)
}
