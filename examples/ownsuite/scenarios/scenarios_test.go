package scenarios

import (
	"testing"

	"github.com/twistedflow/twistedflow/conformance"
)

// go test checks the Go against the goldens and, where the Python is
// installed, runs it live too.
func TestFlows(t *testing.T)     { conformance.Test(t, Flows) }
func TestDeferreds(t *testing.T) { conformance.Test(t, Deferreds) }
