package hardening

import (
	"bytes"
	"io"
	"log/slog"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"gotest.tools/v3/assert"
	is "gotest.tools/v3/assert/cmp"

	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/flow/web"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// lockedLog is a log written on the reactor goroutine, read by the test.
type lockedLog struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *lockedLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

func (l *lockedLog) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

// A web resource's page function panicking, when it is called or inside
// its generator, before or after writing: the original's Resource prints
// the traceback and finishes the request. Here the failure is logged once
// on the resource's Logger; the client gets a 500 if nothing was written,
// else what was written and an aborted response; the reactor goes on
// serving the next page.
func TestPanicInWebHandlerGenerator(t *testing.T) {
	cases := map[string]struct {
		gen      func(req *web.Request) flow.Generator
		status   int
		body     string
		complete bool
	}{
		"page function": {
			gen:    func(req *web.Request) flow.Generator { panic(boom) },
			status: 500, body: "500 Internal Server Error\n", complete: true,
		},
		"generator before writing": {
			gen: func(req *web.Request) flow.Generator {
				return func(yield func(any) bool) error {
					if !yield(flow.Cooperate(0)) {
						return nil
					}
					panic(boom)
				}
			},
			status: 500, body: "500 Internal Server Error\n", complete: true,
		},
		"generator after writing": {
			gen: func(req *web.Request) flow.Generator {
				return func(yield func(any) bool) error {
					req.WriteString("<html>")
					if !yield(flow.Cooperate(0)) {
						return nil
					}
					panic(boom)
				}
			},
			status: 200, body: "<html>", complete: false,
		},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			r := reactor.New()
			log := &lockedLog{}
			res := web.ResourceOn(r, func(req *web.Request) flow.Generator {
				if req.Args.Get("ok") != "" {
					return func(yield func(any) bool) error {
						req.WriteString("fine")
						return nil
					}
				}
				return c.gen(req)
			})
			res.Logger = slog.New(slog.NewTextHandler(log, nil))
			srv := httptest.NewServer(res)
			ran := make(chan error, 1)
			go func() { ran <- r.Run() }()
			defer func() {
				srv.Close()
				r.CallFromThread(func() { _ = r.Stop() })
				assert.NilError(t, <-ran)
			}()

			resp, err := srv.Client().Get(srv.URL)
			assert.NilError(t, err)
			body, err := io.ReadAll(resp.Body)
			resp.Body.Close()
			assert.Equal(t, resp.StatusCode, c.status)
			assert.Equal(t, string(body), c.body)
			assert.Equal(t, err == nil, c.complete, "read error: %v", err)

			resp, err = srv.Client().Get(srv.URL + "/?ok=1")
			assert.NilError(t, err)
			body, err = io.ReadAll(resp.Body)
			resp.Body.Close()
			assert.NilError(t, err)
			assert.Equal(t, string(body), "fine", "the next page is served")

			logged := log.String()
			assert.Equal(t, strings.Count(logged, "flow.web: page failed"), 1)
			assert.Assert(t, is.Contains(logged, "KeyError: 'boom'"))
		})
	}
}
