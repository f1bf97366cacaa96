package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// handedOver is a reactor whose CallFromThread calls wait for the test.
type handedOver struct {
	*reactor.Clock
	calls []func()
}

func (h *handedOver) CallFromThread(f func())   { h.calls = append(h.calls, f) }
func (h *handedOver) CallInThread(func())       { panic("not used") }
func (h *handedOver) SuggestThreadPoolSize(int) {}

// run runs the calls handed over so far.
func (h *handedOver) run() {
	calls := h.calls
	h.calls = nil
	for _, f := range calls {
		f()
	}
}

// A page's flow is paused at its next yield while 64 KiB it wrote are
// unsent, and resumed once they are sent.
func TestPageBacklogPausesTheFlow(t *testing.T) {
	r := &handedOver{Clock: reactor.NewClock()}
	piece := strings.Repeat("x", 16<<10)
	written := 0
	res := ResourceOn(r, func(req *Request) flow.Generator {
		return func(yield func(any) bool) error {
			for range 10 {
				req.WriteString(piece)
				written++
				if !yield(written) {
					return nil
				}
			}
			return nil
		}
	})
	req := &Request{HTTP: &http.Request{URL: &url.URL{Path: "/"}}, page: newPage()}
	res.start(req)
	pg := req.page
	if written != 4 || pg.d.Called() {
		t.Fatalf("%d pieces written before the pause, want 4 (64 KiB)", written)
	}
	r.Advance(0)
	r.run()
	if written != 4 {
		t.Fatalf("the paused flow went on: %d pieces", written)
	}

	sent := pg.take(nil)
	if len(sent.data) != 4*len(piece) {
		t.Fatalf("took %d bytes", len(sent.data))
	}
	pg.sent(len(sent.data)-1, r) // all but one byte sent: under the backlog
	if len(r.calls) != 1 {
		t.Fatalf("%d wake-ups handed over, want 1", len(r.calls))
	}
	r.run()
	if written != 8 {
		t.Fatalf("%d pieces written after the resume, want 8", written)
	}
	pg.sent(1, r)
	r.run()
	if written != 8 {
		t.Fatalf("%d pieces: the flow resumed without room", written)
	}
	pg.sent(len(pg.take(nil).data), r)
	r.run()
	if written != 10 || !pg.d.Called() || !pg.done || pg.failed {
		t.Fatalf("%d pieces, done %v failed %v; want the page finished", written, pg.done, pg.failed)
	}
}
