package web_test

import (
	"fmt"
	"io"
	"net/http/httptest"

	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/flow/web"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// The Resource docstring's example: a page written in two parts, with a
// pause between them during which the reactor serves other pages. Here
// the pause is shortened, and a client on the reactor's thread pool
// stands in for the browser.
func ExampleResource() {
	render := func(req *web.Request) flow.Generator {
		return func(yield func(any) bool) error {
			req.WriteString("<html><head><title>Delayed</title></head>")
			req.WriteString("<body><h1>Delayed WebPage</h1>")
			if !yield(flow.Cooperate(.01)) {
				return nil
			}
			req.WriteString("<p>Delayed Content</p></body></html>")
			return nil
		}
	}

	r := reactor.New() // web.Resource(render) runs on reactor.Default()
	site := httptest.NewServer(web.ResourceOn(r, render))
	defer site.Close()
	r.CallInThread(func() {
		defer r.CallFromThread(func() { r.Stop() })
		resp, err := site.Client().Get(site.URL)
		if err != nil {
			fmt.Println(err)
			return
		}
		defer resp.Body.Close()
		page, _ := io.ReadAll(resp.Body)
		fmt.Println(resp.Status, resp.Header.Get("Content-Type"))
		fmt.Println(string(page))
	})
	r.Run()
	// Output:
	// 200 OK text/html
	// <html><head><title>Delayed</title></head><body><h1>Delayed WebPage</h1><p>Delayed Content</p></body></html>
}
