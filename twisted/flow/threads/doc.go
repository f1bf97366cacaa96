// Package threads is twisted.flow.threads: flow sources that block, run on
// a reactor's thread pool. [QueryIterator] reads a database query's rows
// (over database/sql); [Threaded] is the stage that runs such a source in
// a thread and hands its results to the flow on the reactor goroutine.
//
// It is a package of its own, as in Twisted, where flow.py re-exports the
// rest of twisted.flow but not its threads module: a port reads
//
//	from twisted.flow import flow
//	from twisted.flow.threads import Threaded, QueryIterator
//	flow.Deferred(Threaded(QueryIterator(dbpool, sql)))
//
// as
//
//	import "github.com/twistedflow/twistedflow/twisted/flow"
//	import "github.com/twistedflow/twistedflow/twisted/flow/threads"
//	flow.Deferred(threads.Threaded(threads.QueryIterator(db, sql)))
//
// and a flow user that reads no database does not import database/sql.
//
// Threaded here is [flow.Threaded], the one engine the controllers of
// package flow know how to wait on, under its Twisted module's name;
// either name may be used.
//
// Its name is also that of package
// github.com/twistedflow/twistedflow/twisted/threads
// (twisted.internet.threads), as in Twisted: a file that needs both
// renames one of them on import.
package threads
