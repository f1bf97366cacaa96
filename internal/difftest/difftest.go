// Package difftest holds what the differential tests share: reading the
// traces an interpreter printed for a corpus of programs, and naming where
// two traces part.
package difftest

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"testing"
)

// LoadPrograms reads a corpus of programs (a JSON array) from path, and
// fails t if it cannot, or if it holds fewer than atLeast programs.
func LoadPrograms[P any](t testing.TB, path string, atLeast int) []P {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var programs []P
	if err := json.Unmarshal(b, &programs); err != nil {
		t.Fatal(err)
	}
	if len(programs) < atLeast {
		t.Fatalf("only %d programs in the corpus %s", len(programs), path)
	}
	return programs
}

// ParseTraces splits an interpreter's output into each program's lines:
// a program's trace is the lines after its "=== <id>" header.
func ParseTraces(r io.Reader) (map[int][]string, error) {
	traces := map[int][]string{}
	id := -1
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		line := sc.Text()
		if rest, ok := strings.CutPrefix(line, "=== "); ok {
			n, err := strconv.Atoi(rest)
			if err != nil {
				return nil, fmt.Errorf("bad header %q", line)
			}
			id = n
			traces[id] = []string{}
			continue
		}
		if id < 0 {
			return nil, fmt.Errorf("trace line before any header: %q", line)
		}
		traces[id] = append(traces[id], line)
	}
	return traces, sc.Err()
}

// FirstDifference describes the first line where got departs from want
// (the Python's trace), or returns "" when they are equal.
func FirstDifference(want, got []string) string {
	for i := range max(len(want), len(got)) {
		var w, g string
		if i < len(want) {
			w = want[i]
		}
		if i < len(got) {
			g = got[i]
		}
		if w != g {
			return fmt.Sprintf("line %d: Python %q, Go %q", i+1, w, g)
		}
	}
	return ""
}
