package flowdocs

import (
	"database/sql"
	"os"

	_ "github.com/jackc/pgx/v5/stdlib" // registers "pgx"
	_ "modernc.org/sqlite"             // registers "sqlite"

	"github.com/twistedflow/twistedflow/conformance"
	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/flow/threads"
)

// "Using database connections": the listing's query on the PostgreSQL
// server of TWISTEDFLOW_POSTGRES_DSN (.ci/postgres starts one), as its
// author tested it. The Python side runs on an adbapi pool of sqlite3, the
// query's parentheses dropped (SQLite does not take them).

func init() {
	example("howto.DatabaseConnections", howto+`"Using database connections" (b2b5697a0f^), also the threads.QueryIterator docstring: `+
		`Go on PostgreSQL with the listing's query; the Python on an adbapi.ConnectionPool of sqlite3 with pyPgSQL-like rows, `+
		`without the query's parentheses (SQLite does not take them)`, func(t *conformance.T) {
		reactor := prelude(t)

		dbpool, postgres := connectionPool(t)

		sql := `
  (SELECT 'one')
UNION ALL
  (SELECT 'two')
UNION ALL
  (SELECT 'three')
`
		if !postgres { // as the Python side's
			sql = `
  SELECT 'one'
UNION ALL
  SELECT 'two'
UNION ALL
  SELECT 'three'
`
		}
		consumer := func() flow.Generator {
			return func(yield func(any) bool) error {
				t.Print("executing")
				query := threads.ThreadedOn(reactor, threads.QueryIterator(dbpool, sql))
				t.Print("yielding")
				if !yield(query) {
					return nil
				}
				t.Print("done yeilding")
				for {
					row, err := query.Next() // for row in query:
					if stopped(err) {
						return nil
					}
					if err != nil {
						return err
					}
					t.Print("Processed result : ", row)
					if !yield(query) {
						return nil
					}
				}
			}
		}

		finish := func(result any) (any, error) {
			t.Print("Deferred Complete : ", result)
			return nil, reactor.Stop()
		}
		f := flow.DeferredOn(reactor, consumer())
		f.AddBoth(finish)
		reactor.Run()
	})
}

// connectionPool stands in for the listing's adbapi.ConnectionPool: the
// PostgreSQL server of TWISTEDFLOW_POSTGRES_DSN. Without it the scenario
// runs on an in-memory SQLite database (reporting postgres false), except
// under CI (CI=true), where PostgreSQL must be there.
func connectionPool(t *conformance.T) (db *sql.DB, postgres bool) {
	dsn := os.Getenv("TWISTEDFLOW_POSTGRES_DSN")
	driver, source := "pgx", dsn
	if dsn == "" {
		if os.Getenv("CI") == "true" {
			t.Fatalf("CI=true but TWISTEDFLOW_POSTGRES_DSN is not set: .ci/run starts PostgreSQL with .ci/postgres")
		}
		driver, source = "sqlite", ":memory:"
	}
	db, err := sql.Open(driver, source)
	if err != nil {
		t.Fatalf("sql.Open: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	return db, dsn != ""
}
