package deferops

import (
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"testing"
)

var generate = flag.Bool("generate", false, "write testdata/programs.json anew")

// programCount is how many sequences the corpus holds.
const programCount = 400

func randomProgram(rng *rand.Rand, id int) program {
	p := program{ID: id, N: 1 + rng.IntN(3)}
	nops := 4 + rng.IntN(22)
	for range nops {
		i := rng.IntN(p.N)
		var op []any
		switch r := rng.IntN(100); {
		case r < 22:
			op = []any{"cb", i, returnHow(rng, p.N, i, false)}
		case r < 38:
			op = []any{"eb", i, returnHow(rng, p.N, i, true)}
		case r < 48:
			op = []any{"both", i, returnHow(rng, p.N, i, false)}
		case r < 56:
			op = []any{"pause", i}
		case r < 65:
			op = []any{"unpause", i}
		case r < 79:
			op = []any{"callback", i}
		case r < 86:
			op = []any{"errback", i}
		case r < 93:
			if p.N == 1 {
				op = []any{"callback", i}
				break
			}
			j := rng.IntN(p.N - 1)
			if j >= i {
				j++
			}
			op = []any{"chain", i, j}
		default:
			op = []any{"cancel", i}
		}
		p.Ops = append(p.Ops, op)
	}
	return p
}

// returnHow picks how a callback ends. A callback never returns the
// Deferred it is attached to: Twisted only warns there and the Deferred
// then waits on itself forever, a case test_defer.py covers.
func returnHow(rng *rand.Rand, n, self int, errback bool) string {
	hows := []string{"ret", "ret", "raise", "fail", "pass"}
	if errback {
		hows = append(hows, "trap", "trap")
	}
	if n > 1 {
		hows = append(hows, "d")
	}
	how := hows[rng.IntN(len(hows))]
	if how == "d" {
		j := rng.IntN(n - 1)
		if j >= self {
			j++
		}
		how = fmt.Sprintf("d%d", j)
	}
	return how
}

func TestGenerate(t *testing.T) {
	if !*generate {
		t.Skip("run with -generate to write testdata/programs.json anew")
	}
	rng := rand.New(rand.NewPCG(2003, 423))
	programs := make([]program, programCount)
	for id := range programs {
		programs[id] = randomProgram(rng, id)
	}
	b, err := json.MarshalIndent(programs, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("testdata/programs.json", append(b, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
}
