package conformance

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
)

// A Corpus is a differential test over many generated programs: one small
// interpreter in Python (testdata/<Interpreter>) and one in Go ([Corpus].Run)
// each run every program of testdata/programs.json, a JSON array of objects
// with an "id"; the Python interpreter, given that file as its argument,
// prints "=== <id>" before each program's trace, and its recorded output is
// testdata/traces.golden. [NewCorpus] makes each program a scenario of kind
// [CorpusProgram], so that the report, the oracle and [Test] treat them as
// any other; the live Python runs once for the whole corpus.
type Corpus struct {
	// Interpreter is the Python script, under testdata.
	Interpreter string
	// Run runs one program, given as its JSON, in Go and prints its trace
	// through t, a line per line of the Python's.
	Run func(t *T, program json.RawMessage)
	// Deviation, if set, is asked about each program's Python trace. When
	// the program meets a documented deviation it returns the reason and the
	// trace the Go port prints instead; with suffix, the Go trace need only
	// end with that trace (the Python's other path printed less of it).
	Deviation func(python string) (reason, goTrace string, suffix bool)
}

// programsFile and tracesFile are a corpus's programs and the Python's
// recorded traces, under testdata.
const (
	programsFile = "programs.json"
	tracesFile   = "traces.golden"
)

// NewCorpus makes and registers a suite holding a corpus's programs as
// scenarios named "program<id>" (zero-padded, so they sort by id). A
// corpus whose files cannot be read is a suite of one failing scenario
// saying why.
func NewCorpus(name string, rt Runtime, files fs.FS, c Corpus) *Suite {
	s := &Suite{Name: name, Runtime: rt, files: files, corpus: &c}
	if _, file, _, ok := runtime.Caller(1); ok {
		s.dir = filepath.Dir(file)
	}
	registryMu.Lock()
	registry = append(registry, s)
	registryMu.Unlock()
	if err := s.loadCorpus(); err != nil {
		s.append(&Scenario{Name: "corpus", Source: "testdata/" + programsFile, Origin: Recorded, Kind: CorpusProgram,
			suite: s, at: registrationSite(), err: err})
	}
	return s
}

func (s *Suite) loadCorpus() error {
	c := s.corpus
	if c.Run == nil {
		return fmt.Errorf("corpus %s has no Go interpreter (Run)", s.Name)
	}
	if _, err := s.read(c.Interpreter); err != nil {
		return err
	}
	raw, err := fs.ReadFile(s.files, path.Join("testdata", programsFile))
	if err != nil {
		return fmt.Errorf("missing testdata/%s: %w", programsFile, err)
	}
	var programs []json.RawMessage
	if err := json.Unmarshal(raw, &programs); err != nil {
		return fmt.Errorf("testdata/%s: %w", programsFile, err)
	}
	if len(programs) == 0 {
		return fmt.Errorf("testdata/%s holds no program", programsFile)
	}
	traces := map[int]string{}
	if golden, err := s.read(tracesFile); err == nil {
		if traces, err = ParseTraces(golden); err != nil {
			return fmt.Errorf("testdata/%s: %w", tracesFile, err)
		}
	}
	ids := make([]int, len(programs))
	for i, p := range programs {
		var head struct {
			ID *int `json:"id"`
		}
		if err := json.Unmarshal(p, &head); err != nil || head.ID == nil {
			return fmt.Errorf("testdata/%s: program %d has no id", programsFile, i)
		}
		ids[i] = *head.ID
	}
	width := 1
	for _, id := range ids {
		width = max(width, len(strconv.Itoa(id)))
	}
	at := registrationSite()
	for i, p := range programs {
		id := ids[i]
		sc := &Scenario{
			Name:   fmt.Sprintf("program%0*d", width, id),
			Source: fmt.Sprintf("testdata/%s id %d, run by testdata/%s", programsFile, id, c.Interpreter),
			Origin: Recorded, Kind: CorpusProgram, Python: string(p) + "\n",
			suite: s, at: at, id: id,
		}
		trace, ok := traces[id]
		if !ok {
			sc.err, sc.noGolden = fmt.Errorf("no trace for program %d in testdata/%s", id, tracesFile), true
		}
		sc.Expected = trace
		sc.Run = func(t *T) { c.Run(t, p) }
		if ok && c.Deviation != nil {
			if reason, goTrace, suffix := c.Deviation(trace); reason != "" {
				goTrace = normalize(goTrace)
				sc.Deviation = &Deviation{Reason: reason, Expected: goTrace, suffix: suffix}
			}
		}
		s.append(sc)
	}
	return nil
}

// ParseTraces splits a corpus interpreter's output into each program's
// trace: the lines after its "=== <id>" header.
func ParseTraces(out string) (map[int]string, error) {
	traces := map[int]string{}
	id := -1
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 1<<24)
	var b strings.Builder
	flush := func() {
		if id >= 0 {
			traces[id] = b.String()
		}
		b.Reset()
	}
	for sc.Scan() {
		line := sc.Text()
		if rest, ok := strings.CutPrefix(line, "=== "); ok {
			n, err := strconv.Atoi(rest)
			if err != nil {
				return nil, fmt.Errorf("bad header %q", line)
			}
			flush()
			id = n
			continue
		}
		if id < 0 {
			return nil, fmt.Errorf("trace line before any header: %q", line)
		}
		b.WriteString(line)
		b.WriteByte('\n')
	}
	flush()
	return traces, sc.Err()
}

// formatTraces writes traces in the interpreter's format, by id.
func formatTraces(traces map[int]string) string {
	ids := make([]int, 0, len(traces))
	for id := range traces {
		ids = append(ids, id)
	}
	sort.Ints(ids)
	var b strings.Builder
	for _, id := range ids {
		fmt.Fprintf(&b, "=== %d\n%s", id, traces[id])
	}
	return b.String()
}
