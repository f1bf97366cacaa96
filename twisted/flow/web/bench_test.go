package web_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/flow/web"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// benchPage is the Resource docstring's page, its pause a Cooperate(0):
// three writes, one suspension on the reactor.
func benchPage(req *web.Request) flow.Generator {
	return func(yield func(any) bool) error {
		req.WriteString("<html><head><title>Delayed</title></head>")
		req.WriteString("<body><h1>Delayed WebPage</h1>")
		if !yield(flow.Cooperate(0)) {
			return nil
		}
		req.WriteString("<p>Delayed Content</p></body></html>")
		return nil
	}
}

// plainPage is the same page from a plain net/http handler, flushed at the
// same point: the floor.
func plainPage(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/html")
	io.WriteString(w, "<html><head><title>Delayed</title></head>")
	io.WriteString(w, "<body><h1>Delayed WebPage</h1>")
	http.NewResponseController(w).Flush()
	io.WriteString(w, "<p>Delayed Content</p></body></html>")
}

// benchServe measures pages/s of h over keep-alive loopback connections,
// from one client or from several at once.
func benchServe(b *testing.B, h http.Handler, parallel bool) {
	srv := httptest.NewServer(h)
	defer srv.Close()
	client := srv.Client()
	client.Transport.(*http.Transport).MaxIdleConnsPerHost = 64
	fetch := func() {
		resp, err := client.Get(srv.URL)
		if err != nil {
			b.Fatal(err)
		}
		n, err := io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if err != nil || n != 107 {
			b.Fatalf("page: %d bytes, %v", n, err)
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	if parallel {
		b.SetParallelism(4) // 4 clients per core
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				fetch()
			}
		})
	} else {
		for range b.N {
			fetch()
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "pages/s")
}

func BenchmarkFlowResource(b *testing.B) {
	for _, bc := range []struct {
		name     string
		parallel bool
	}{{"one client", false}, {"concurrent clients", true}} {
		b.Run(bc.name, func(b *testing.B) {
			r := reactor.New()
			ran := make(chan error, 1)
			go func() { ran <- r.Run() }()
			defer func() {
				r.CallFromThread(func() { r.Stop() })
				<-ran
			}()
			benchServe(b, web.ResourceOn(r, benchPage), bc.parallel)
		})
		b.Run(bc.name+" plain net/http", func(b *testing.B) {
			benchServe(b, http.HandlerFunc(plainPage), bc.parallel)
		})
	}
}
