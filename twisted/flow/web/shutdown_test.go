package web_test

import (
	"bufio"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"gotest.tools/v3/assert"
	is "gotest.tools/v3/assert/cmp"

	"github.com/twistedflow/twistedflow/internal/leakcheck"
	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/flow/web"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// newStopReactor is a fresh reactor that leaves the process's signals
// alone.
func newStopReactor() *reactor.Reactor {
	r := reactor.New()
	r.NoSignalHandlers = true
	return r
}

// A web page whose flow is suspended when the reactor stops is cancelled:
// its generator is closed, and the client sees the response cut short.
func TestStopEndsWebPage(t *testing.T) {
	leakcheck.Check(t)
	r := newStopReactor()
	closed := make(chan struct{})
	res := web.ResourceOn(r, func(req *web.Request) flow.Generator {
		return func(yield func(any) bool) error {
			defer close(closed)
			req.WriteString("first\n")
			for yield(flow.Cooperate(10)) {
			}
			return nil
		}
	})
	srv := httptest.NewServer(res)
	defer srv.Close()
	ran := make(chan error, 1)
	go func() { ran <- r.Run() }()
	page := bufio.NewReader(webGet(t, srv, "").Body)
	assert.Equal(t, webReadLine(t, page), "first\n")
	r.CallFromThread(func() { _ = r.Stop() })
	assert.NilError(t, webWait(t, ran, "reactor.Run to return once stopped"))
	webWait(t, closed, "the flow's generator to be closed")
	_, err := io.ReadAll(page)
	assert.Assert(t, err != nil, "the page was not cut short")
}

// A page requested while the reactor is stopping, or after, is refused
// with 503 Service Unavailable instead of waiting for a reactor that will
// not run it.
func TestStopRefusesLatePage(t *testing.T) {
	leakcheck.Check(t)
	r := newStopReactor()
	res := web.ResourceOn(r, func(req *web.Request) flow.Generator {
		return func(yield func(any) bool) error {
			req.WriteString("never\n")
			return nil
		}
	})
	srv := httptest.NewServer(res)
	defer srv.Close()
	r.CallWhenRunning(func() { _ = r.Stop() })
	assert.NilError(t, r.Run())
	resp := webGet(t, srv, "")
	assert.Equal(t, resp.StatusCode, http.StatusServiceUnavailable)
}

// badClose is a user stage whose Close panics.
type badClose struct{ flow.Base }

func (b *badClose) Yield() flow.Instruction {
	b.Stop = true
	return nil
}

func (b *badClose) Close() { panic("close boom") }

// Defect 1 of issue 15 in a page: a user stage whose Close panics ends
// the page, which the client sees cut short, and is logged.
func TestStageClosePanicsInPage(t *testing.T) {
	leakcheck.Check(t)
	_, _, srv, log := webServe(t, func(req *web.Request) flow.Generator {
		return func(yield func(any) bool) error {
			req.WriteString("hello")
			yield(&badClose{})
			return nil
		}
	})
	resp := webGet(t, srv, "")
	body, err := io.ReadAll(resp.Body)
	assert.Equal(t, resp.StatusCode, http.StatusOK)
	assert.Equal(t, string(body), "hello")
	assert.Assert(t, err != nil, "the failed page reads as complete")
	assert.Assert(t, is.Contains(log.String(), "close boom"))
}
