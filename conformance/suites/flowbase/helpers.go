package flowbase

import (
	"errors"
	"strings"

	"github.com/twistedflow/twistedflow/twisted"
)

// upper is str.upper (ASCII).
func upper(s string) string { return strings.ToUpper(s) }

// isStopIteration reports whether err ends a for loop over a stage.
func isStopIteration(err error) bool { return errors.Is(err, twisted.StopIteration) }
