package flowdocs

import (
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"

	"github.com/twistedflow/twistedflow/conformance"
	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/flow/web"
)

// The examples of twisted/flow/web.py and of the howto's "Flow
// Resources", served by net/http on loopback to clients in the reactor's
// thread pool (the Python's urllib2 and httplib).

func init() {
	example("web.Resource", "twisted/flow/web.py Resource docstring (b2b5697a0f^), on a free loopback port, fetched at / and at a child path by a client in the reactor's thread pool; Cooperate(5) shortened to Cooperate(.1)", func(t *conformance.T) {
		reactor := prelude(t)

		render := func(req *web.Request) flow.Generator {
			return func(yield func(any) bool) error {
				req.WriteString("<html><head><title>Delayed</title></head>")
				req.WriteString("<body><h1>Delayed WebPage</h1>")
				if !yield(flow.Cooperate(.1)) {
					return nil
				}
				req.WriteString("<p>Delayed Content</p></body></html>")
				return nil
			}
		}

		// ours: the browser
		var pages [][]any
		browse := func(port *sitePort, paths ...string) {
			visit := func() {
				for _, path := range paths {
					page := urlopen(t, fmt.Sprintf("http://127.0.0.1:%d%s", port.GetHost().Port, path))
					pages = append(pages, []any{path, page.getcode(), page.gettype(), page.read()})
				}
				reactor.CallFromThread(func() { reactor.Stop() })
			}
			reactor.CallInThread(visit)
		}

		// print "visit http://localhost:8081/ to view"
		port := listenSite(t, 0, web.ResourceOn(reactor, render), "127.0.0.1")
		browse(port, "/", "/some/child?x=1")
		reactor.Run()

		for _, page := range pages {
			path, code, ctype, body := page[0], page[1], page[2], page[3]
			t.Print(path, code, ctype)
			t.Print(body)
		}
	})

	example("howto.FlowResources", howto+`"Flow Resources" (b2b5697a0f^), on a free loopback port, two clients in the reactor's thread pool fetching ?count=3 and ?count=5 at the same time; deterministic output only: random() is a fixed sequence (each page its own), the pauses its values`, func(t *conformance.T) {
		reactor := prelude(t)

		fixedRandom := func() func() float64 {
			// ours: random() as a fixed sequence
			values := []float64{0.0104729, 0.0213347, 0.0301419, 0.0112358, 0.0271828}
			return func() float64 { v := values[0]; values = values[1:]; return v }
		}

		cooperative := func(count int) flow.Generator {
			// simulate a cooperative resource, that not block
			return func(yield func(any) bool) error {
				random := fixedRandom() // from random import random
				idx := 0
				for idx < count {
					val := random()
					if !yield(flow.Cooperate(val)) {
						return nil
					}
					if !yield(last(twisted.Str(val), 5)) {
						return nil
					}
					idx += 1
				}
				return nil
			}
		}

		flowRender := func(req *web.Request) flow.Generator {
			return func(yield func(any) bool) error {
				count := atoi(argsGet(req.Args, "count", []string{"30"})[0])
				req.WriteString("<html><body>")
				fmt.Fprintf(req, " %d Random numbers: <ol>\n", count)
				source := flow.Wrap(cooperative(count))
				if !yield(source) {
					return nil
				}
				for {
					itm, err := source.Next()
					if stopped(err) {
						break
					}
					if err != nil {
						return err
					}
					fmt.Fprintf(req, "<li>%s</li>\n", itm)
					if !yield(source) {
						return nil
					}
				}
				req.WriteString("</ol></body></html>\n")
				return nil
			}
		}

		// class FlowResource is flow.web's Resource (without its errback)

		// ours: the two browsers
		var mu sync.Mutex // Python's dict, under the GIL
		pages := map[string]string{}
		browse := func(port *sitePort, paths ...string) {
			visit := func(path string) {
				page := urlopen(t, fmt.Sprintf("http://127.0.0.1:%d%s", port.GetHost().Port, path))
				mu.Lock()
				pages[path] = page.read()
				if len(pages) == len(paths) {
					reactor.CallFromThread(func() { reactor.Stop() })
				}
				mu.Unlock()
			}
			for _, path := range paths {
				reactor.CallInThread(func() { visit(path) })
			}
		}

		// print "visit http://localhost:8081/ to view the example"
		root := web.ResourceOn(reactor, flowRender)
		site := root
		port := listenSite(t, 0, site, "127.0.0.1")
		browse(port, "/?count=3", "/?count=5")
		reactor.Run()

		for _, path := range []string{"/?count=3", "/?count=5"} {
			t.Print(path)
			t.Print(strings.TrimSuffix(pages[path], "\n")) // print pages[path],
		}
	})

	Suite.Add(conformance.Scenario{
		Name:   "web.Resource.failure",
		Source: "twisted/flow/web.py Resource.render (b2b5697a0f^): a page whose flow fails, having written nothing, then part of the page",
		Origin: conformance.Recorded,
		Deviation: &conformance.Deviation{Reason: "The original prints the failure's traceback and finishes the request " +
			"as if the page were complete: status 200 and what was written (nothing, or part of the page), which a client " +
			"cannot tell from a complete page. Go logs the failure, then answers 500 Internal Server Error if the flow wrote " +
			"nothing, or, the status being sent, aborts the response after what was written: the client reads the part " +
			"and then an unexpected EOF."},
		Run: func(t *conformance.T) {
			reactor := prelude(t)

			broken := func(req *web.Request) flow.Generator {
				return func(yield func(any) bool) error {
					if req.Args["write"] != nil {
						req.WriteString("<html><body>partial")
					}
					if !yield(flow.Cooperate(.01)) {
						return nil
					}
					return twisted.ValueError.New("broken page")
				}
			}

			// ours: the browser
			var pages [][]any
			browse := func(port *sitePort, paths ...string) {
				visit := func() {
					for _, path := range paths {
						page, err := httpGet(fmt.Sprintf("http://127.0.0.1:%d%s", port.GetHost().Port, path))
						if err != nil {
							pages = append(pages, []any{path, err.Error(), "", twisted.None})
							continue
						}
						var e any = twisted.None
						body, err := io.ReadAll(page.Body)
						if err != nil {
							e = err.Error()
						}
						page.Body.Close()
						pages = append(pages, []any{path, page.StatusCode, string(body), e})
					}
					reactor.CallFromThread(func() { reactor.Stop() })
				}
				reactor.CallInThread(visit)
			}

			page := web.ResourceOn(reactor, broken)
			// ours: the failure's log (the original's traceback on its log)
			// is not part of the trace; keep it off the report's stderr.
			page.Logger = slog.New(slog.DiscardHandler)
			port := listenSite(t, 0, page, "127.0.0.1")
			browse(port, "/", "/?write=1")
			reactor.Run()

			for _, page := range pages {
				t.Print(page[0], page[1], twisted.Repr(page[2]), page[3])
			}
		},
	})

	Suite.Add(conformance.Scenario{
		Name:   "web.Resource.clientGone",
		Source: "twisted/flow/web.py Resource.render (b2b5697a0f^): a client that goes away in the middle of a page",
		Origin: conformance.Recorded,
		Deviation: &conformance.Deviation{Reason: "The original has no cancellation: when the client goes away, the page's " +
			"flow runs to its end, writing to the closed connection. Go cancels the flow's Deferred as soon as the server " +
			"sees the client gone: the generator is closed at its next yield (its finally clause runs), and the rest of " +
			"the page is never produced."},
		Run: func(t *conformance.T) {
			reactor := prelude(t)
			log := &threadLog{} // ours: what the client and the page did, in order

			var clientGone *deferred.Deferred
			render := func(req *web.Request) flow.Generator {
				return func(yield func(any) bool) error {
					defer func() { // finally:
						log.append("render: closed")
						reactor.CallLater(0, func() { reactor.Stop() })
					}()
					req.WriteString("<html><body>\n")
					if !yield(clientGone) {
						return nil
					}
					for i := range 20 {
						if !yield(flow.Cooperate(.05)) {
							return nil
						}
						fmt.Fprintf(req, "<p>%d</p>\n", i)
					}
					log.append("render: wrote the page to its end")
					return nil
				}
			}

			clientGone = deferred.New()

			// ours: the browser
			browse := func(port *sitePort, path string) {
				visit := func() {
					page, err := httpGet(fmt.Sprintf("http://127.0.0.1:%d%s", port.GetHost().Port, path))
					if err != nil {
						log.append(err.Error())
						return
					}
					head := make([]byte, len("<html><body>\n"))
					n, _ := io.ReadFull(page.Body, head)
					log.append("client: read " + twisted.Repr(string(head[:n])))
					// conn.close(); page.close(); then the line, with no
					// room for the server's "render: closed" in between
					log.appendAfter(func() { page.Body.Close() }, "client: gone")
					reactor.CallFromThread(func() { clientGone.Callback(nil) })
				}
				reactor.CallInThread(visit)
			}

			port := listenSite(t, 0, web.ResourceOn(reactor, render), "127.0.0.1")
			browse(port, "/")
			reactor.Run()

			for _, line := range log.startingWith("") {
				t.Print(line)
			}
		},
	})
}

// sitePort is what reactor.listenTCP returns for a twisted.web Site: here a
// net/http server of the resource.
type sitePort struct{ addr *net.TCPAddr }

// GetHost returns the address listened on (port.getHost()).
func (p *sitePort) GetHost() *net.TCPAddr { return p.addr }

// listenSite is reactor.listenTCP(port, Site(resource), interface=iface)
// for a web.Handler: a net/http server on the port, closed when the
// scenario ends.
func listenSite(t *conformance.T, port int, site http.Handler, iface string) *sitePort {
	ln, err := net.Listen("tcp", net.JoinHostPort(iface, strconv.Itoa(port)))
	if err != nil {
		t.Fatalf("listen: %v", err)
	}
	srv := &http.Server{Handler: site}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return &sitePort{addr: ln.Addr().(*net.TCPAddr)}
}

// httpGet is a GET over a connection of its own, closed after it, as
// httplib's and urllib2's.
func httpGet(url string) (*http.Response, error) {
	client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	return client.Get(url)
}

// urlPage is what urllib2.urlopen returns: the response, read whole.
type urlPage struct {
	code  int
	ctype string
	body  string
}

func (p *urlPage) getcode() int    { return p.code }
func (p *urlPage) gettype() string { return p.ctype } // page.info().gettype()
func (p *urlPage) read() string    { return p.body }

// urlopen is urllib2.urlopen(url); a failure is printed (the Python's
// would be raised in the client's thread, and the page missing).
func urlopen(t *conformance.T, url string) *urlPage {
	resp, err := httpGet(url)
	if err != nil {
		t.Print("urlopen:", err)
		return &urlPage{}
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Print("read:", err)
	}
	ctype, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type"))
	return &urlPage{code: resp.StatusCode, ctype: ctype, body: string(body)}
}

// argsGet is Python's args.get(key, def).
func argsGet(args url.Values, key string, def []string) []string {
	if v, ok := args[key]; ok {
		return v
	}
	return def
}

// atoi is Python's int(s): it raises (panics with) ValueError.
func atoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		panic(twisted.ValueError.New(fmt.Sprintf("invalid literal for int() with base 10: %s", twisted.Repr(s))))
	}
	return n
}

// last is Python's s[-n:].
func last(s string, n int) string {
	return s[max(0, len(s)-n):]
}
