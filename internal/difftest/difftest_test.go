package difftest

import (
	"os"
	"strings"
	"testing"

	"gotest.tools/v3/assert"

	"github.com/twistedflow/twistedflow/internal/leakcheck"
)

func TestMain(m *testing.M) { leakcheck.Main(m) }

func TestParseTraces(t *testing.T) {
	traces, err := ParseTraces(strings.NewReader("=== 0\na\nb\n=== 2\n=== 7\nc\n"))
	assert.NilError(t, err)
	assert.DeepEqual(t, traces, map[int][]string{0: {"a", "b"}, 2: {}, 7: {"c"}})
	_, err = ParseTraces(strings.NewReader("a\n"))
	assert.ErrorContains(t, err, "before any header")
	_, err = ParseTraces(strings.NewReader("=== x\n"))
	assert.ErrorContains(t, err, "bad header")
}

func TestFirstDifference(t *testing.T) {
	assert.Equal(t, FirstDifference([]string{"a", "b"}, []string{"a", "b"}), "")
	assert.Equal(t, FirstDifference([]string{"a", "b"}, []string{"a", "c"}), `line 2: Python "b", Go "c"`)
	assert.Equal(t, FirstDifference([]string{"a"}, []string{"a", "extra"}), `line 2: Python "", Go "extra"`)
}

func TestLoadPrograms(t *testing.T) {
	path := t.TempDir() + "/programs.json"
	assert.NilError(t, os.WriteFile(path, []byte(`[{"id": 0}, {"id": 1}]`), 0o644))
	type program struct{ ID int }
	assert.DeepEqual(t, LoadPrograms[program](t, path, 2), []program{{0}, {1}})
}
