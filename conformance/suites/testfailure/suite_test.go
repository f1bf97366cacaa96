package testfailure

import (
	"testing"

	"github.com/twistedflow/twistedflow/conformance"
	"github.com/twistedflow/twistedflow/internal/leakcheck"
)

func TestMain(m *testing.M) { leakcheck.Main(m) }

func TestConformance(t *testing.T) { conformance.Test(t, Suite) }
