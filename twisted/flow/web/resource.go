package web

import (
	"errors"
	"log/slog"
	"net/http"

	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// Handler is the [net/http.Handler] made by [Resource] and [ResourceOn]:
// an instance of twisted.flow.web.Resource. Twisted's class name is the
// constructor's here, [Resource]; the type is named for what it is to
// net/http.
type Handler struct {
	// Logger receives the failures of pages, as the original prints
	// their tracebacks: the message "flow.web: page failed" with the
	// attributes "url", "failure" and "traceback". Nil means
	// slog.Default(). Set it before serving.
	Logger *slog.Logger

	r   webReactor
	gen func(req *Request) flow.Generator
}

// webReactor is what a Handler needs of its reactor: its clock, for
// the flows' [flow.Cooperate], and CallFromThread, the way in from the net/http
// goroutines.
type webReactor interface {
	reactor.IReactorTime
	reactor.IReactorThreads
}

// Resource returns a web resource which uses flow in its page generation
// (twisted.flow.web.Resource), running its flows on the default reactor;
// see [ResourceOn].
//
//	def render(req):                                       func render(req *web.Request) flow.Generator {
//	                                                           return func(yield func(any) bool) error {
//	    req.write("<html><head><title>Delayed</title></head>")     req.WriteString("<html><head><title>Delayed</title></head>")
//	    req.write("<body><h1>Delayed WebPage</h1>")                 req.WriteString("<body><h1>Delayed WebPage</h1>")
//	    yield flow.Cooperate(5)                                     if !yield(flow.Cooperate(5)) { return nil }
//	    req.write("<p>Delayed Content</p></body></html>")           req.WriteString("<p>Delayed Content</p></body></html>")
//	                                                               return nil
//	                                                           }
//	                                                       }
//
//	reactor.listenTCP(8081, Site(Resource(render)))         go http.ListenAndServe(":8081", web.Resource(render))
//	reactor.run()                                           reactor.Default().Run()
func Resource(gen func(req *Request) flow.Generator) *Handler {
	return ResourceOn(reactor.Default(), gen)
}

// ResourceOn returns a web resource which uses flow in its page
// generation, running its flows on reactor r, a [*reactor.Reactor]. A
// request waits for the reactor to run. When the reactor stops, the pages
// in progress are cancelled (see below: a client that goes away), and a
// request it will not run any more is answered "503 Service Unavailable".
//
// For each request, gen is called with the request, and the generator it
// returns is run by the controller flow.DeferredOn(r, ...) on the
// reactor goroutine, as one flow among the reactor's others: while a
// page's flow cooperates, or waits on a Deferred, other pages (and all the
// reactor's work) go on, so that any number of clients are served at the
// same time by the one goroutine. What the flow writes to the [Request] is
// sent to the client as it goes (flushed at once, so the client sees the
// page grow); the values it yields are not written, and are dropped. When
// the flow ends, the response ends.
//
// The resource serves every path it is mounted at and under: it is a
// leaf (the original's isLeaf is a method, so always true).
//
// A failure of the flow (an error returned, or a panic, in gen or in the
// generator) is logged to Logger, as the original prints its traceback,
// and ends the response. The original then finished the page as if
// nothing had happened: a client could not tell a failed page from a
// complete one. Here, if the flow wrote nothing, the response is
// "500 Internal Server Error" (the headers and status it set are
// dropped; the body names no detail of the failure); if it wrote
// something, the status has been sent, so what it wrote is sent and the
// connection is then aborted (http.ErrAbortHandler): the client sees a
// truncated response, not a complete page.
//
// A client that goes away (the request's context is done, or a write to
// it fails) cancels the flow's Deferred: its generators are closed (their
// deferred calls run), its pending wake-ups are cancelled. The original,
// which had no cancellation, ran the flow to its end.
//
// The net/http goroutine serving the request alone touches the
// http.ResponseWriter; the flow's writes are copied into a buffer it
// empties, so the reactor never waits for a client. That buffer is
// bounded as Twisted bounds a transport with a push producer: when more
// than 64 KiB written by the flow are not yet sent, the flow is paused at
// its next yield, and resumed once they are sent. A flow that writes
// without yielding is not paused (it holds the reactor anyway).
//
// A nil r is reactor.Default(). A nil gen panics with a TypeError; a gen
// that returns a nil [flow.Generator] fails the page with the ValueError
// flow.wrap(None) raises.
func ResourceOn(r interface {
	reactor.IReactorTime
	reactor.IReactorThreads
}, gen func(req *Request) flow.Generator) *Handler {
	if gen == nil {
		panic(twisted.TypeError.New("web.Resource needs a render function"))
	}
	if r == nil {
		r = reactor.Default()
	}
	return &Handler{r: r, gen: gen}
}

// ServeHTTP renders the page (Resource.render): it starts the flow on the
// reactor, then sends what the flow writes until the flow ends or the
// client goes away.
func (res *Handler) ServeHTTP(w http.ResponseWriter, hr *http.Request) {
	_ = hr.ParseForm() // Args: as twisted.web's, the query and a form body; a malformed part is left out
	req := &Request{HTTP: hr, Args: hr.Form, page: newPage()}
	pg := req.page
	res.r.CallFromThread(func() { res.start(req) })

	rc := http.NewResponseController(w)
	var spare []byte
	headSent := false
	var stopped <-chan struct{} // closed once the reactor has stopped
	if d, ok := res.r.(interface{ Done() <-chan struct{} }); ok {
		stopped = d.Done()
	}
	for {
		reactorGone := false
		select {
		case <-pg.wake:
		case <-hr.Context().Done():
			res.abandon(pg)
			return
		case <-stopped:
			// Its shutdown has ended every page it ran; this one it
			// will never run, or its end is waiting to be taken.
			reactorGone = true
			stopped = nil
		}
		t := pg.take(spare)
		if reactorGone && !t.done {
			pg.abandon()
			if !headSent {
				http.Error(w, "503 Service Unavailable", http.StatusServiceUnavailable)
				return
			}
			panic(http.ErrAbortHandler)
		}
		if t.failed && !t.started {
			// Nothing written: the status can still say so.
			http.Error(w, "500 Internal Server Error", http.StatusInternalServerError)
			return
		}
		if !headSent && (t.started || t.done) {
			headSent = true
			h := w.Header()
			for k, v := range t.header {
				h[k] = v
			}
			w.WriteHeader(t.code)
		}
		if len(t.data) > 0 {
			if _, err := w.Write(t.data); err != nil {
				res.abandon(pg)
				return
			}
		}
		if headSent {
			if err := rc.Flush(); err != nil && !errors.Is(err, http.ErrNotSupported) {
				res.abandon(pg)
				return
			}
		}
		spare = t.data[:0]
		pg.sent(len(t.data), res.r)
		if t.failed {
			panic(http.ErrAbortHandler) // the status is sent: only a truncated response can tell the client
		}
		if t.done {
			return
		}
	}
}

// start runs the page's flow; it runs on the reactor goroutine.
func (res *Handler) start(req *Request) {
	pg := req.page
	if pg.isGone() {
		return // the client left before its turn
	}
	body := flow.Generator(func(yield func(any) bool) error {
		g := res.gen(req) // inside the generator: a panic in gen is the flow's failure too
		if g == nil {
			// flow.wrap(None)'s error, as flow.Wrap(nil) fails with it
			return twisted.ValueError.New("A wrapper is not available for None")
		}
		return g(yield)
	})
	d := flow.DeferredOn(res.r, &pageStage{page: pg, source: flow.Wrap(body), paused: &pausedInstruction{page: pg, r: res.r}})
	pg.d = d
	d.AddBoth(func(result any) (any, error) {
		f, failed := result.(*twisted.Failure)
		if failed && f.Check(deferred.CancelledError) == nil {
			res.logger().Error("flow.web: page failed", slog.String("url", req.HTTP.URL.String()),
				slog.Any("failure", f), slog.String("traceback", f.GetTraceback()))
		}
		pg.end(failed)
		return nil, nil
	})
}

// abandon drops the page of a client that went away and cancels its flow.
func (res *Handler) abandon(pg *page) {
	pg.abandon()
	res.r.CallFromThread(func() { // after start, which was handed over first
		if pg.d != nil {
			pg.d.Cancel()
		}
	})
}

func (res *Handler) logger() *slog.Logger {
	if res.Logger != nil {
		return res.Logger
	}
	return slog.Default()
}

// pageStage runs a page's flow for the controller: it drops the values the
// flow yields, and pauses the flow while its page has too much unsent.
type pageStage struct {
	flow.Base
	page   *page
	source flow.Stage
	paused *pausedInstruction
}

func (s *pageStage) Yield() flow.Instruction {
	if s.page.backlogged() {
		return s.paused
	}
	inst := s.source.Yield()
	st := s.source.State()
	clear(st.Results)
	st.Results = st.Results[:0]
	s.Stop, s.Failure = st.Stop, st.Failure
	return inst
}

func (s *pageStage) Close() { s.source.Close() }

// pausedInstruction suspends a page's flow until its backlog is sent.
type pausedInstruction struct {
	flow.BaseInstruction
	page *page
	r    reactor.IReactorThreads
}

func (i *pausedInstruction) CallLater(callable func()) { i.page.onDrained(callable, i.r) }
