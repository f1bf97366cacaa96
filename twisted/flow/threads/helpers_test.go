package threads_test

import (
	"testing"

	"github.com/twistedflow/twistedflow/internal/leakcheck"
)

func TestMain(m *testing.M) { leakcheck.Main(m) }
