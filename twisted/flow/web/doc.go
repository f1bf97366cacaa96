// Package web serves pages written as flows (twisted.flow.web): a
// [Resource] is a net/http handler whose page generator runs as a flow on
// a reactor, so that one reactor goroutine serves any number of clients
// at the same time, each page cooperating with the others.
//
// It is a package of its own, as in Twisted, where flow.py re-exports the
// rest of twisted.flow but not its web module: a port reads
//
//	from twisted.flow import flow                  "github.com/twistedflow/twistedflow/twisted/flow"
//	from twisted.flow.web import Resource          "github.com/twistedflow/twistedflow/twisted/flow/web"
//
//	Site(Resource(render))                         web.Resource(render)
//
// and a flow user that serves no page does not import net/http.
package web
