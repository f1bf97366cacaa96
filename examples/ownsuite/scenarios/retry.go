package scenarios

import (
	"fmt"
	"strings"

	"github.com/twistedflow/twistedflow/conformance"
	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
)

// ConnectionError is Python 3's builtin of that name, an OSError.
var ConnectionError = twisted.NewClass("ConnectionError", twisted.OSError)

func init() {
	Deferreds.Add(conformance.Scenario{
		Name:   "retryDeferred",
		Source: "testdata/retryDeferred.py",
		Origin: conformance.Recorded,
		Run: func(t *conformance.T) {
			var attempts []int

			fetch := func() *deferred.Deferred {
				attempts = append(attempts, len(attempts)+1)
				if len(attempts) < 3 {
					return deferred.Fail(ConnectionError.New(fmt.Sprintf("attempt %d refused", len(attempts))))
				}
				return deferred.Succeed("payload")
			}

			var retry func(f *twisted.Failure, left int) (any, error)
			retry = func(f *twisted.Failure, left int) (any, error) {
				f.Trap(ConnectionError)
				t.Print("retry after", twisted.Repr(f.GetErrorMessage()))
				if left == 0 {
					return f, nil
				}
				d := fetch()
				d.AddErrback(func(f *twisted.Failure) (any, error) { return retry(f, left-1) })
				return d, nil
			}

			run := func(retries int) *deferred.Deferred {
				attempts = attempts[:0]
				d := fetch()
				d.AddErrback(func(f *twisted.Failure) (any, error) { return retry(f, retries) })
				d.AddCallback(func(s any) (any, error) { return strings.ToUpper(s.(string)), nil })
				d.AddCallback(func(s any) (any, error) {
					t.Print("got", twisted.Repr(s), "after", len(attempts), "attempts")
					return nil, nil
				})
				d.AddErrback(func(f *twisted.Failure) (any, error) {
					t.Print("gave up:", f.Type.Name(), twisted.Repr(f.GetErrorMessage()))
					return nil, nil
				})
				return d
			}

			run(5)
			run(1)
			d := deferred.New()
			d.AddErrback(func(f *twisted.Failure) (any, error) { f.Trap(twisted.KeyError); return nil, nil })
			d.AddErrback(func(f *twisted.Failure) (any, error) {
				t.Print("not a KeyError:", f.Type.Name())
				return nil, nil
			})
			d.Errback(twisted.ValueError.New("v"))
		},
	})
}
