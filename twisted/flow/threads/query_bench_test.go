package threads_test

import (
	"database/sql"
	"os"
	"testing"

	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/flow/threads"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// benchRows is how many rows each query of BenchmarkQueryIterator returns.
const benchRows = 10000

// BenchmarkQueryIterator reads a query of benchRows rows (an integer and a
// short text each) through Threaded(QueryIterator) under flow.Deferred on
// the real reactor, row at a time, in FetchMany chunks and with FetchAll,
// beside a plain database/sql loop scanning the same rows into []any (the
// floor), on SQLite and, when TWISTEDFLOW_POSTGRES_DSN is set, on
// PostgreSQL. rows/s counts the query's rows.
func BenchmarkQueryIterator(b *testing.B) {
	b.Run("sqlite", func(b *testing.B) {
		db := openSQLite(b)
		benchQueries(b, db.DB, `WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 10000)
			SELECT x, 'row ' || x FROM c`)
	})
	b.Run("postgres", func(b *testing.B) {
		if os.Getenv("TWISTEDFLOW_POSTGRES_DSN") == "" {
			b.Skip("TWISTEDFLOW_POSTGRES_DSN is not set")
		}
		db := openPostgres(b)
		benchQueries(b, db.DB, `SELECT i, 'row ' || i FROM generate_series(1, 10000) AS i`)
	})
}

func benchQueries(b *testing.B, db *sql.DB, query string) {
	b.Run("plain", func(b *testing.B) {
		for b.Loop() {
			if n := plainQuery(b, db, query); n != benchRows {
				b.Fatalf("%d rows", n)
			}
		}
		b.ReportMetric(float64(benchRows*b.N)/b.Elapsed().Seconds(), "rows/s")
	})
	for _, c := range []struct {
		name   string
		source func() *threads.QuerySource
	}{
		{"row", func() *threads.QuerySource { return threads.QueryIterator(db, query) }},
		{"fetchmany100", func() *threads.QuerySource { return threads.QueryIterator(db, query).FetchMany(100) }},
		{"fetchall", func() *threads.QuerySource { return threads.QueryIterator(db, query).FetchAll() }},
	} {
		b.Run(c.name, func(b *testing.B) {
			r := reactor.New()
			var got int
			var err error
			// One reactor run: each query's flow starts the next one when
			// its Deferred fires.
			n := 0
			var next func()
			next = func() {
				if n == b.N {
					r.Stop()
					return
				}
				n++
				d := flow.DeferredOn(r, threads.ThreadedOn(r, c.source()))
				d.AddCallbacks(func(rows any) (any, error) {
					got = len(rows.([]any))
					if got != benchRows {
						r.Stop()
						return nil, nil
					}
					next()
					return nil, nil
				}, func(f *twisted.Failure) (any, error) {
					err = f
					r.Stop()
					return nil, nil
				})
			}
			b.ResetTimer()
			r.CallWhenRunning(next)
			if e := r.Run(); e != nil {
				b.Fatal(e)
			}
			if err != nil || got != benchRows {
				b.Fatalf("got %d rows, %v", got, err)
			}
			b.ReportMetric(float64(benchRows*b.N)/b.Elapsed().Seconds(), "rows/s")
		})
	}
}

// plainQuery reads the rows of query into []any values, as QueryIterator
// does, in a plain database/sql loop.
func plainQuery(b *testing.B, db *sql.DB, query string) int {
	rows, err := db.Query(query)
	if err != nil {
		b.Fatal(err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		b.Fatal(err)
	}
	n := 0
	ptrs := make([]any, len(cols))
	for rows.Next() {
		row := make([]any, len(cols))
		for i := range row {
			ptrs[i] = &row[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			b.Fatal(err)
		}
		n++
	}
	if err := rows.Err(); err != nil {
		b.Fatal(err)
	}
	return n
}
