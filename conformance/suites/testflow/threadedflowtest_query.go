package testflow

import (
	"database/sql"
	"os"

	_ "github.com/jackc/pgx/v5/stdlib" // registers "pgx"
	_ "modernc.org/sqlite"             // registers "sqlite"

	"github.com/twistedflow/twistedflow/conformance"
	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/flow/threads"
)

// ThreadedFlowTest.testQueryIterator: the original query on the PostgreSQL
// server of TWISTEDFLOW_POSTGRES_DSN (.ci/postgres starts one). The Python
// side runs on a sqlite3 stand-in for pyPgSQL, with the query's
// parentheses dropped (SQLite does not take them); both print the rows
// the test checks.

func init() {
	Suite.Add(conformance.Scenario{
		Name: "ThreadedFlowTest.testQueryIterator",
		Source: "twisted/flow/test/test_flow.py ThreadedFlowTest.testQueryIterator (b2b5697a0f^): " +
			"Go on PostgreSQL with the original query; the Python on a sqlite3 stand-in for pyPgSQL, " +
			"without the query's parentheses (SQLite does not take them)",
		Origin: conformance.Recorded,
		Run: func(t *conformance.T) {
			run(t, func(self *TestCase) any {
				// try: ... except: return — but here an unreachable
				// server fails the scenario rather than passing it.
				dbpool, postgres := pgSQL(t)
				var x string
				if err := dbpool.QueryRow("SELECT 'x'").Scan(&x); err != nil {
					t.Fatalf("the database does not answer: %v", err)
				}
				expect := []any{[]any{"one"}, []any{"two"}, []any{"three"}}
				sql := `
          (SELECT 'one')
        UNION ALL
          (SELECT 'two')
        UNION ALL
          (SELECT 'three')
        `
				if !postgres {
					sql = `
          SELECT 'one'
        UNION ALL
          SELECT 'two'
        UNION ALL
          SELECT 'three'
        `
				}
				d := flow.DeferredOn(self.reactor, threads.ThreadedOn(self.reactor, threads.QueryIterator(dbpool, sql)))
				d.AddCallback(with(self.AssertEquals, expect))
				return d
			})
		},
	})
}

// pgSQL stands in for `from pyPgSQL import PgSQL`: the PostgreSQL server of
// TWISTEDFLOW_POSTGRES_DSN. Without it the scenario runs on an in-memory
// SQLite database (reporting postgres false), except under CI (CI=true),
// where PostgreSQL must be there.
func pgSQL(t *conformance.T) (db *sql.DB, postgres bool) {
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
