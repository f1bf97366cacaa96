package web_test

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/twistedflow/twistedflow/internal/leakcheck"
	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/flow/web"
	"github.com/twistedflow/twistedflow/twisted/reactor"

	"github.com/twistedflow/twistedflow/internal/testwait"
)

// webServe runs a fresh reactor and an HTTP server on loopback for the
// resource made on it; both are stopped when the test ends, the server
// first (its handlers return), then the reactor (Run has returned).
func webServe(t *testing.T, gen func(req *web.Request) flow.Generator) (*reactor.Reactor, *web.Handler, *httptest.Server, *webLog) {
	t.Helper()
	r := reactor.New()
	log := &webLog{}
	res := web.ResourceOn(r, gen)
	res.Logger = slog.New(slog.NewTextHandler(log, nil))
	srv := httptest.NewServer(res)
	ran := make(chan error, 1)
	go func() { ran <- r.Run() }()
	t.Cleanup(func() {
		srv.Close()
		r.CallFromThread(func() { _ = r.Stop() })
		if err := webWait(t, ran, "reactor.Run to return once stopped"); err != nil {
			t.Errorf("reactor.Run: %v", err)
		}
	})
	return r, res, srv, log
}

// webBound is how long a test waits for a page, a step of it, or the
// reactor, before it fails: far longer than any takes on a loaded machine
// (milliseconds to seconds), so that a page or a reactor that never
// answers fails the test, with what it waited for, rather than hangs CI.
const webBound = 2 * time.Minute

// webWait receives from ch, or fails t with what it waited for after
// webBound.
func webWait[T any](t *testing.T, ch <-chan T, what string) T {
	t.Helper()
	return testwait.Receive(t, ch, webBound, what)
}

// webContext is a request's context: cancelled once the test ends, and
// after webBound, upon which the request, or the reading of its body,
// fails with context.DeadlineExceeded.
func webContext(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), webBound)
	t.Cleanup(cancel)
	return ctx
}

// webLog is a log written on the reactor goroutine and read by the test.
type webLog struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *webLog) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *webLog) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// webOnReactor runs f on r's goroutine and waits for it: everything r ran
// before has then finished.
func webOnReactor(t *testing.T, r *reactor.Reactor, f func()) {
	t.Helper()
	done := make(chan struct{})
	r.CallFromThread(func() {
		defer close(done)
		f()
	})
	webWait(t, done, "a call on the reactor")
}

// webGet requests url from srv; it returns once the headers have arrived.
func webGet(t *testing.T, srv *httptest.Server, url string) *http.Response {
	t.Helper()
	req, err := http.NewRequestWithContext(webContext(t), "GET", srv.URL+url, nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	return resp
}

// webReadLine reads the next line the page has sent.
func webReadLine(t *testing.T, page *bufio.Reader) string {
	t.Helper()
	line, err := page.ReadString('\n')
	if err != nil {
		t.Fatalf("reading the page: %q, %v", line, err)
	}
	return line
}

// The Resource docstring's example.
func TestResourceDocstring(t *testing.T) {
	leakcheck.Check(t) // goroutines and file descriptors
	render := func(req *web.Request) flow.Generator {
		return func(yield func(any) bool) error {
			req.WriteString("<html><head><title>Delayed</title></head>")
			req.WriteString("<body><h1>Delayed WebPage</h1>")
			if !yield(flow.Cooperate(.01)) { // the docstring's 5 seconds, shortened
				return nil
			}
			req.WriteString("<p>Delayed Content</p></body></html>")
			return nil
		}
	}
	_, _, srv, log := webServe(t, render)
	want := "<html><head><title>Delayed</title></head><body><h1>Delayed WebPage</h1><p>Delayed Content</p></body></html>"
	for _, path := range []string{"/", "/some/child?x=1"} { // a leaf: every path is the page
		resp := webGet(t, srv, path)
		body, err := io.ReadAll(resp.Body)
		if err != nil || string(body) != want || resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "text/html" {
			t.Errorf("GET %s: %d %q %q, %v; want 200 text/html %q", path, resp.StatusCode, resp.Header.Get("Content-Type"), body, err, want)
		}
	}
	if log.String() != "" {
		t.Errorf("logged: %s", log)
	}
}

// cooperative is the howto's, with its random pauses replaced by steps
// the test releases (a Deferred the flow waits on), and its random values
// by the step numbers.
func webCooperative(count int, steps chan<- *deferred.Deferred, name string) flow.Generator {
	return func(yield func(any) bool) error {
		idx := 0
		for idx < count {
			step := deferred.New()
			steps <- step // buffered: never blocks the reactor
			if !yield(step) {
				return nil
			}
			if !yield(fmt.Sprintf("%s%d", name, idx)) {
				return nil
			}
			idx++
		}
		return nil
	}
}

// The howto's FlowResource with flowRender: two clients' pages are
// produced at the same time on one reactor, each flushed as it goes.
func TestResourceHowtoTwoClients(t *testing.T) {
	leakcheck.Check(t) // goroutines and file descriptors
	steps := map[string]chan *deferred.Deferred{"A": make(chan *deferred.Deferred, 10), "B": make(chan *deferred.Deferred, 10)}
	var mu sync.Mutex
	var writes []string // the pages' writes, in the order the one reactor made them
	flowRender := func(req *web.Request) flow.Generator {
		return func(yield func(any) bool) error {
			name := req.Args.Get("name")
			write := func(s string) {
				mu.Lock()
				writes = append(writes, name+" "+s)
				mu.Unlock()
				req.WriteString(s)
			}
			count := 30
			if args, ok := req.Args["count"]; ok {
				var err error
				if count, err = strconv.Atoi(args[0]); err != nil {
					return twisted.ValueError.New(err.Error())
				}
			}
			write("<html><body>")
			write(fmt.Sprintf(" %d Random numbers: <ol>\n", count))
			source := flow.Wrap(webCooperative(count, steps[name], name))
			if !yield(source) {
				return nil
			}
			for {
				itm, err := source.Next()
				if errors.Is(err, twisted.StopIteration) {
					break
				}
				if err != nil {
					return err
				}
				write(fmt.Sprintf("<li>%s</li>\n", itm))
				if !yield(source) {
					return nil
				}
			}
			write("</ol></body></html>\n")
			return nil
		}
	}
	r, _, srv, _ := webServe(t, flowRender)
	fire := func(page string) {
		step := webWait(t, steps[page], "page "+page+"'s next step") // the page's flow waits on it
		r.CallFromThread(func() { step.Callback(nil) })
	}
	expect := func(page *bufio.Reader, want string) {
		t.Helper()
		if got := webReadLine(t, page); got != want {
			t.Fatalf("read %q, want %q", got, want)
		}
	}

	a := bufio.NewReader(webGet(t, srv, "/?count=3&name=A").Body)
	expect(a, "<html><body> 3 Random numbers: <ol>\n")
	b := bufio.NewReader(webGet(t, srv, "/?count=2&name=B").Body)
	expect(b, "<html><body> 2 Random numbers: <ol>\n") // while A's page is open
	for i := range 3 {
		fire("A")
		expect(a, fmt.Sprintf("<li>A%d</li>\n", i))
		if i < 2 {
			fire("B")
			expect(b, fmt.Sprintf("<li>B%d</li>\n", i))
		}
	}
	for _, page := range []*bufio.Reader{b, a} {
		expect(page, "</ol></body></html>\n")
		if rest, err := io.ReadAll(page); len(rest) > 0 || err != nil {
			t.Errorf("after the page: %q, %v", rest, err)
		}
	}
	mu.Lock()
	got := strings.Join(writes, "")
	mu.Unlock()
	want := "A <html><body>A  3 Random numbers: <ol>\n" +
		"B <html><body>B  2 Random numbers: <ol>\n" +
		"A <li>A0</li>\nB <li>B0</li>\nA <li>A1</li>\n" +
		"B <li>B1</li>\nB </ol></body></html>\n" + // B's source ends as it resumes: no step to wait for
		"A <li>A2</li>\nA </ol></body></html>\n"
	if got != want {
		t.Errorf("writes on the reactor:\n%s\nwant\n%s", got, want)
	}
}

// The default count is 30, as the howto's req.args.get("count", ["30"]).
func TestResourceArgs(t *testing.T) {
	leakcheck.Check(t) // goroutines and file descriptors
	_, _, srv, _ := webServe(t, func(req *web.Request) flow.Generator {
		return func(yield func(any) bool) error {
			req.SetHeader("Content-Type", "text/plain")
			req.SetResponseCode(http.StatusAccepted)
			fmt.Fprintf(req, "%q %q\n", req.Args["count"], req.Args.Get("x"))
			req.SetHeader("X-Late", "ignored") // after the first write
			return nil
		}
	})
	resp := webGet(t, srv, "/?x=1&x=2")
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusAccepted || resp.Header.Get("Content-Type") != "text/plain" ||
		resp.Header.Get("X-Late") != "" || string(body) != "[] \"1\"\n" {
		t.Errorf("got %d %v %q", resp.StatusCode, resp.Header, body)
	}
}

// A client that goes away mid-page cancels the flow: its generator is
// closed, its Cooperate timer cancelled, and nothing is logged.
func TestResourceClientGoneCancelsFlow(t *testing.T) {
	leakcheck.Check(t) // goroutines and file descriptors
	closed := make(chan struct{})
	var writeErr error
	r, _, srv, log := webServe(t, func(req *web.Request) flow.Generator {
		return func(yield func(any) bool) error {
			defer close(closed)
			req.WriteString("<html><body>\n")
			for yield(flow.Cooperate(1000)) {
				req.WriteString("never sent")
			}
			_, writeErr = req.WriteString("after the end")
			return nil
		}
	})
	ctx, cancel := context.WithCancel(webContext(t))
	req, _ := http.NewRequestWithContext(ctx, "GET", srv.URL, nil)
	resp, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if line := webReadLine(t, bufio.NewReader(resp.Body)); line != "<html><body>\n" {
		t.Fatalf("read %q", line)
	}
	cancel() // the client goes away
	resp.Body.Close()
	webWait(t, closed, "the flow's generator to be closed")
	webOnReactor(t, r, func() {}) // the cancellation has run to its end
	if calls := r.GetDelayedCalls(); len(calls) != 0 {
		t.Errorf("delayed calls left: %v", calls)
	}
	if writeErr == nil {
		t.Error("a write after the client left did not fail")
	}
	if log.String() != "" {
		t.Errorf("a cancelled page was logged: %s", log)
	}
}

// A flow that fails before writing anything gives a 500; one that fails
// after writing aborts the response: the client sees it truncated. Both
// failures are logged.
func TestResourceFailure(t *testing.T) {
	leakcheck.Check(t) // goroutines and file descriptors
	_, _, srv, log := webServe(t, func(req *web.Request) flow.Generator {
		return func(yield func(any) bool) error {
			req.SetHeader("X-Page", "lost")
			if req.Args.Get("write") != "" {
				req.WriteString("<html><body>partial")
			}
			if !yield(flow.Cooperate(0)) {
				return nil
			}
			if req.Args.Get("panic") != "" {
				var items []string
				_ = items[len(req.Args.Get("panic"))] // a runtime panic: recovered as the flow's failure
			}
			return twisted.ValueError.New("broken page")
		}
	})

	resp := webGet(t, srv, "/")
	body, err := io.ReadAll(resp.Body)
	if resp.StatusCode != 500 || string(body) != "500 Internal Server Error\n" || err != nil || resp.Header.Get("X-Page") != "" {
		t.Errorf("failed before writing: %d %v %q, %v", resp.StatusCode, resp.Header, body, err)
	}
	for _, url := range []string{"/?write=1", "/?write=1&panic=1"} {
		resp = webGet(t, srv, url)
		body, err = io.ReadAll(resp.Body)
		if resp.StatusCode != 200 || string(body) != "<html><body>partial" || !errors.Is(err, io.ErrUnexpectedEOF) {
			t.Errorf("GET %s: %d %q, %v; want 200, the part written, then unexpected EOF", url, resp.StatusCode, body, err)
		}
	}
	logged := log.String()
	if n := strings.Count(logged, "flow.web: page failed"); n != 3 {
		t.Errorf("%d failures logged, want 3:\n%s", n, logged)
	}
	for _, want := range []string{"ValueError: broken page", "url=\"/?write=1&panic=1\"", "index out of range"} {
		if !strings.Contains(logged, want) {
			t.Errorf("the log lacks %q:\n%s", want, logged)
		}
	}
}

// A gen that panics, or returns no generator, fails the page as its
// generator would.
func TestResourceGenPanics(t *testing.T) {
	leakcheck.Check(t) // goroutines and file descriptors
	_, _, srv, log := webServe(t, func(req *web.Request) flow.Generator {
		if req.Args.Get("nil") != "" {
			return nil
		}
		panic(twisted.KeyError.New("boom"))
	})
	for _, url := range []string{"/", "/?nil=1"} {
		resp := webGet(t, srv, url)
		if resp.StatusCode != 500 {
			t.Errorf("GET %s: %d, want 500", url, resp.StatusCode)
		}
	}
	logged := log.String()
	if !strings.Contains(logged, "KeyError: 'boom'") || strings.Count(logged, "page failed") != 2 {
		t.Errorf("log: %s", logged)
	}
	if !strings.Contains(logged, "ValueError: A wrapper is not available for None") {
		t.Errorf("the nil generator's failure is not flow.wrap(None)'s: %s", logged)
	}
}

func TestResourceNilRender(t *testing.T) {
	defer func() {
		if err, _ := recover().(error); !errors.Is(err, twisted.TypeError) {
			t.Errorf("recovered %v, want a TypeError", err)
		}
	}()
	web.Resource(nil)
}

// A page of many writes arrives whole and in order, through the bounded
// buffer.
func TestResourceLargePage(t *testing.T) {
	leakcheck.Check(t) // goroutines and file descriptors
	const pieces = 1024
	piece := strings.Repeat("x", 4095) + "\n"
	_, _, srv, _ := webServe(t, func(req *web.Request) flow.Generator {
		return func(yield func(any) bool) error {
			for i := range pieces {
				fmt.Fprintf(req, "%05d", i)
				req.WriteString(piece)
				if !yield(i) { // a value: dropped, not written
					return nil
				}
			}
			return nil
		}
	})
	resp := webGet(t, srv, "/")
	page := bufio.NewReader(resp.Body)
	for i := range pieces {
		if line := webReadLine(t, page); line != fmt.Sprintf("%05d", i)+piece {
			t.Fatalf("line %d: %.20q", i, line)
		}
	}
	if rest, err := io.ReadAll(page); len(rest) > 0 || err != nil {
		t.Errorf("after the page: %q, %v", rest, err)
	}
}

// Many clients at once on one reactor: every page arrives whole.
func TestResourceManyClients(t *testing.T) {
	leakcheck.Check(t) // goroutines and file descriptors
	const clients, items = 200, 10
	_, _, srv, _ := webServe(t, func(req *web.Request) flow.Generator {
		return func(yield func(any) bool) error {
			name := req.Args.Get("name")
			for i := range items {
				fmt.Fprintf(req, "%s:%d\n", name, i)
				if !yield(flow.Cooperate(0)) {
					return nil
				}
			}
			return nil
		}
	})
	client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	errs := make(chan error, clients)
	ctx := webContext(t)
	for c := range clients {
		go func() {
			name := strconv.Itoa(c)
			req, err := http.NewRequestWithContext(ctx, "GET", srv.URL+"/?name="+name, nil)
			if err != nil {
				errs <- err
				return
			}
			resp, err := client.Do(req)
			if err != nil {
				errs <- err
				return
			}
			defer resp.Body.Close()
			body, err := io.ReadAll(resp.Body)
			var want strings.Builder
			for i := range items {
				fmt.Fprintf(&want, "%s:%d\n", name, i)
			}
			if err == nil && string(body) != want.String() {
				err = fmt.Errorf("page %s: %q", name, body)
			}
			errs <- err
		}()
	}
	for range clients {
		if err := webWait(t, errs, "a client's page"); err != nil {
			t.Error(err)
		}
	}
}
