package reactor

import (
	"testing"

	"github.com/twistedflow/twistedflow/internal/leakcheck"
)

func TestMain(m *testing.M) { leakcheck.Main(m) }

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
