package web

import (
	"errors"
	"net/http"
	"net/url"
	"sync"

	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// Request is what a [Handler]'s page generator is given: twisted.web's
// request, as far as a page needs it.
//
//	req.args.get("count", ["30"])[0]     req.Args["count"] (nil if absent), req.Args.Get("count")
//	req.write(s)                         req.WriteString(s), req.Write(p), fmt.Fprintf(req, ...)
//	req.setHeader(k, v)                  req.SetHeader(k, v)
//	req.setResponseCode(code)            req.SetResponseCode(code)
//	req.method, req.uri, req.getHeader   req.HTTP.Method, req.HTTP.RequestURI, req.HTTP.Header.Get
//
// There is no Finish: the page ends when its flow ends, as the original's
// [Resource] finishes the request itself.
//
// Its methods are safe to call from any goroutine. A flow must not read
// HTTP.Body (it would block the reactor: Args already holds a form body).
type Request struct {
	// HTTP is the request being served; read it, do not change it.
	HTTP *http.Request
	// Args are the request's arguments, as twisted.web's req.args: the
	// URL query and, for a form POST, the form body (HTTP.Form).
	Args url.Values

	page *page
}

// errPageGone is what writes return once the page has ended or its client
// has gone.
var errPageGone = errors.New("flow: write to a web page that has ended")

// Write sends p to the client after what was written before (req.write).
// It never blocks: p is copied into the page's buffer, which the request's
// net/http goroutine sends. The first Write fixes the status and headers.
// Write returns an error, and writes nothing, once the page has ended or
// its client has gone.
func (req *Request) Write(p []byte) (int, error) {
	if !req.page.write(p, "") {
		return 0, errPageGone
	}
	return len(p), nil
}

// WriteString is Write of a string (req.write("...")).
func (req *Request) WriteString(s string) (int, error) {
	if !req.page.write(nil, s) {
		return 0, errPageGone
	}
	return len(s), nil
}

// SetHeader sets a response header (req.setHeader). The default
// Content-Type is text/html, as twisted.web's. Headers set after the first
// Write are ignored: they have gone to the client with it.
func (req *Request) SetHeader(name, value string) {
	pg := req.page
	pg.mu.Lock()
	if !pg.started && !pg.done {
		pg.header.Set(name, value)
	}
	pg.mu.Unlock()
}

// SetResponseCode sets the response's status code (req.setResponseCode),
// 200 by default; after the first Write it is ignored.
func (req *Request) SetResponseCode(code int) {
	pg := req.page
	pg.mu.Lock()
	if !pg.started && !pg.done {
		pg.code = code
	}
	pg.mu.Unlock()
}

// pageBacklog is how many written bytes may wait to be sent before the
// page's flow is paused.
const pageBacklog = 64 << 10

// page is what a page's flow (on the reactor goroutine) hands over to the
// net/http goroutine sending it: the bytes written, and the end.
type page struct {
	wake chan struct{} // a token: something to take

	mu      sync.Mutex
	header  http.Header
	code    int
	started bool   // the flow wrote: status and headers are fixed
	buf     []byte // written, not yet taken
	unsent  int    // written, not yet sent (buf and what the sender holds)
	done    bool   // the flow ended
	failed  bool   // ... with a failure
	gone    bool   // the sender has returned: nothing is sent any more
	resume  func() // the paused flow's wake-up, once the backlog is sent

	d *deferred.Deferred // the flow's controller; reactor goroutine only
}

func newPage() *page {
	return &page{
		wake:   make(chan struct{}, 1),
		header: http.Header{"Content-Type": {"text/html"}},
		code:   http.StatusOK,
	}
}

// signal wakes the sender; mu must be held.
func (pg *page) signal() {
	select {
	case pg.wake <- struct{}{}:
	default:
	}
}

// write appends p (or s) to the page; false if the page is over.
func (pg *page) write(p []byte, s string) bool {
	pg.mu.Lock()
	defer pg.mu.Unlock()
	if pg.done || pg.gone {
		return false
	}
	pg.started = true
	n := len(pg.buf)
	pg.buf = append(pg.buf, p...)
	pg.buf = append(pg.buf, s...)
	pg.unsent += len(pg.buf) - n
	pg.signal()
	return true
}

// taken is what the sender takes from the page at once.
type taken struct {
	data          []byte
	header        http.Header // meaningful once started or done
	code          int
	started, done bool
	failed        bool
}

// take hands the written bytes to the sender, giving it spare as the next
// buffer, with the page's state.
func (pg *page) take(spare []byte) taken {
	pg.mu.Lock()
	defer pg.mu.Unlock()
	t := taken{data: pg.buf, header: pg.header, code: pg.code, started: pg.started, done: pg.done, failed: pg.failed}
	pg.buf = spare
	return t
}

// sent records that n bytes were sent, and resumes the paused flow once
// the backlog is gone.
func (pg *page) sent(n int, r reactor.IReactorThreads) {
	pg.mu.Lock()
	pg.unsent -= n
	resume := pg.resume
	if resume != nil && pg.unsent < pageBacklog {
		pg.resume = nil
	} else {
		resume = nil
	}
	pg.mu.Unlock()
	if resume != nil {
		r.CallFromThread(resume)
	}
}

// backlogged reports whether the flow must wait for its writes to be sent.
func (pg *page) backlogged() bool {
	pg.mu.Lock()
	defer pg.mu.Unlock()
	return pg.unsent >= pageBacklog && !pg.gone
}

// onDrained calls resume (from the reactor loop) once the backlog is sent.
func (pg *page) onDrained(resume func(), r reactor.IReactorThreads) {
	pg.mu.Lock()
	if pg.unsent >= pageBacklog && !pg.gone {
		pg.resume = resume
		resume = nil
	}
	pg.mu.Unlock()
	if resume != nil {
		r.CallFromThread(resume) // sent meanwhile: not from inside the controller's loop
	}
}

// end records the end of the flow.
func (pg *page) end(failed bool) {
	pg.mu.Lock()
	pg.done, pg.failed = true, failed
	pg.signal()
	pg.mu.Unlock()
}

// abandon records that the sender has returned: writes are dropped.
func (pg *page) abandon() {
	pg.mu.Lock()
	pg.gone = true
	pg.buf = nil
	pg.resume = nil
	pg.mu.Unlock()
}

func (pg *page) isGone() bool {
	pg.mu.Lock()
	defer pg.mu.Unlock()
	return pg.gone
}
