package threads_test

import (
	"database/sql"
	"fmt"

	_ "modernc.org/sqlite" // registers "sqlite": pure Go, no cgo

	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/flow/threads"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// The QueryIterator docstring's example (the howto's "Using database
// connections"), on an embedded SQLite database: the consumer reads the
// rows of a query run in a thread. The output is the original's, recorded
// from Python 2.7 (conformance/suites/flowdocs howto.DatabaseConnections).
func ExampleQueryIterator() {
	dbpool, err := sql.Open("sqlite", ":memory:")
	if err != nil {
		panic(err)
	}
	defer dbpool.Close()
	r := reactor.New()

	// SQLite does not take the original's (SELECT 'one') UNION ALL ...
	sql := `SELECT 'one' UNION ALL SELECT 'two' UNION ALL SELECT 'three'`
	consumer := func(yield func(any) bool) error {
		fmt.Println("executing")
		query := threads.ThreadedOn(r, threads.QueryIterator(dbpool, sql))
		fmt.Println("yielding")
		if !yield(query) {
			return nil
		}
		fmt.Println("done yeilding")
		for {
			row, err := query.Next() // for row in query:
			if twisted.ClassOf(err) == twisted.StopIteration {
				return nil
			}
			if err != nil {
				return err
			}
			fmt.Println("Processed result : ", twisted.Str(row))
			if !yield(query) {
				return nil
			}
		}
	}

	finish := func(result any) (any, error) {
		fmt.Println("Deferred Complete : ", twisted.Str(result))
		return nil, r.Stop()
	}
	f := flow.DeferredOn(r, flow.Generator(consumer))
	f.AddBoth(finish)
	r.Run()
	// Output:
	// executing
	// yielding
	// done yeilding
	// Processed result :  ['one']
	// Processed result :  ['two']
	// Processed result :  ['three']
	// Deferred Complete :  []
}
