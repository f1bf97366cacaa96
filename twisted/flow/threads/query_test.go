package threads_test

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"github.com/twistedflow/twistedflow/internal/flowtest"
	"os"
	"strings"
	"sync"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // registers "pgx"
	"modernc.org/sqlite"

	"github.com/twistedflow/twistedflow/internal/leakcheck"
	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/flow/threads"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// The QueryIterator tests run on an embedded SQLite database, and on the
// PostgreSQL server TWISTEDFLOW_POSTGRES_DSN names (.ci/postgres starts
// one): without it they skip their PostgreSQL part with a message, but
// under CI (CI=true) they fail, as they do when the server does not answer.

// testQueryIteratorSQL is test_flow.py testQueryIterator's query, for
// PostgreSQL.
const testQueryIteratorSQL = `
          (SELECT 'one')
        UNION ALL
          (SELECT 'two')
        UNION ALL
          (SELECT 'three')
        `

// testQueryIteratorSQLite is the same query for SQLite, which does not
// take a parenthesised SELECT in a compound one.
const testQueryIteratorSQLite = `SELECT 'one' UNION ALL SELECT 'two' UNION ALL SELECT 'three'`

// database is a connection pool under test, and the dialect of its SQL.
type database struct {
	*sql.DB
	postgres bool
}

// sql returns the PostgreSQL or the SQLite form of a query.
func (db database) sql(postgres, sqlite string) string {
	if db.postgres {
		return postgres
	}
	return sqlite
}

// openSQLite opens an in-memory SQLite database, closed when t ends.
func openSQLite(t testing.TB) database {
	t.Helper()
	db, err := sql.Open("sqlite", ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return database{DB: db}
}

// openPostgres connects to the PostgreSQL server of TWISTEDFLOW_POSTGRES_DSN,
// closed when t ends; see above for when it skips or fails.
func openPostgres(t testing.TB) database {
	t.Helper()
	dsn := os.Getenv("TWISTEDFLOW_POSTGRES_DSN")
	if dsn == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("CI=true but TWISTEDFLOW_POSTGRES_DSN is not set: .ci/run starts PostgreSQL with .ci/postgres")
		}
		t.Skip("PostgreSQL part skipped: TWISTEDFLOW_POSTGRES_DSN is not set (`source .ci/postgres` starts a server and sets it)")
	}
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if err := db.Ping(); err != nil {
		t.Fatalf("PostgreSQL at TWISTEDFLOW_POSTGRES_DSN does not answer: %v", err)
	}
	return database{DB: db, postgres: true}
}

// eachDatabase runs f as a subtest on SQLite and on PostgreSQL.
func eachDatabase(t *testing.T, f func(t *testing.T, db database)) {
	t.Run("sqlite", func(t *testing.T) { f(t, openSQLite(t)) })
	t.Run("postgres", func(t *testing.T) { f(t, openPostgres(t)) })
}

// runQuery runs Threaded(source) under flow.Deferred, the thread and the
// flow under the test's control, to its end.
func runQuery(source any) *deferred.Deferred {
	th := flowtest.NewThreads()
	d := flow.DeferredOn(reactor.NewClock(), threads.ThreadedOn(th, source))
	th.RunUntil(d)
	return d
}

// eachRow is a flow that takes the rows of query as they come and gives
// each to f; it fails with f's error or the query's.
func eachRow(query *flow.ThreadedStage, f func(row any) error) flow.Generator {
	return flow.Generator(func(yield func(any) bool) error {
		for yield(query) {
			row, err := query.Next()
			if err != nil {
				return err
			}
			if err := f(row); err != nil {
				return err
			}
		}
		return nil
	})
}

// waitSleeping waits until PostgreSQL runs the query holding the string
// literal tag and that query is in its pg_sleep (each look is a query, no
// sleep).
func waitSleeping(t *testing.T, db database, tag string) {
	t.Helper()
	for running := 0; running == 0; {
		err := db.QueryRow(`SELECT count(*) FROM pg_stat_activity
			WHERE query LIKE '%''' || $1 || '''%' AND wait_event = 'PgSleep'`, tag).Scan(&running)
		if err != nil {
			t.Fatal(err)
		}
	}
}

// released fails t if db still has a connection in use.
func released(t *testing.T, db database) {
	t.Helper()
	if s := db.Stats(); s.InUse != 0 {
		t.Errorf("%d connections still in use (%d open)", s.InUse, s.OpenConnections)
	}
}

// test_flow.py testQueryIterator: the original query, on a real database.
func TestQueryIterator(t *testing.T) {
	eachDatabase(t, func(t *testing.T, db database) {
		sql := db.sql(testQueryIteratorSQL, testQueryIteratorSQLite)
		d := runQuery(threads.QueryIterator(db.DB, sql))
		flowtest.Check(t, flowtest.Result(t, d), "[['one'], ['two'], ['three']]")
		released(t, db)
	})
}

// FetchMany and FetchAll yield the same rows through Threaded, in chunks.
func TestQueryIteratorChunked(t *testing.T) {
	eachDatabase(t, func(t *testing.T, db database) {
		sql := db.sql(testQueryIteratorSQL, testQueryIteratorSQLite)
		for _, q := range []*threads.QuerySource{
			threads.QueryIterator(db.DB, sql).FetchMany(1),
			threads.QueryIterator(db.DB, sql).FetchMany(2),
			threads.QueryIterator(db.DB, sql).FetchMany(5),
			threads.QueryIterator(db.DB, sql).FetchAll(),
		} {
			if !q.Chunked() {
				t.Error("FetchMany/FetchAll source not chunked")
			}
			flowtest.Check(t, flowtest.Result(t, runQuery(q)), "[['one'], ['two'], ['three']]")
		}
		released(t, db)
	})
}

// pullAll pulls source to its end, as Python's list(iter(source)) would,
// and returns what each Next returned; it fails t unless source ends with
// StopIteration.
func pullAll(t *testing.T, source flow.Iterable) []any {
	t.Helper()
	it, err := source.Iter()
	out := []any{}
	for err == nil {
		var v any
		if v, err = it.Next(); err == nil {
			out = append(out, v)
		}
	}
	if twisted.ClassOf(err) != twisted.StopIteration {
		t.Fatalf("ended with %v, want StopIteration", err)
	}
	return out
}

// The chunks are those of the cursor's fetchone, fetchmany and fetchall,
// and the iterator releases the connection at its end, without Close.
func TestQueryIteratorFetch(t *testing.T) {
	eachDatabase(t, func(t *testing.T, db database) {
		sql := db.sql(testQueryIteratorSQL, testQueryIteratorSQLite)
		for _, c := range []struct {
			source *threads.QuerySource
			want   string
		}{
			{threads.QueryIterator(db.DB, sql), "[['one'], ['two'], ['three']]"},
			{threads.QueryIterator(db.DB, sql).FetchMany(2), "[[['one'], ['two']], [['three']]]"},
			{threads.QueryIterator(db.DB, sql).FetchMany(3), "[[['one'], ['two'], ['three']]]"},
			{threads.QueryIterator(db.DB, sql).FetchAll(), "[[['one'], ['two'], ['three']]]"},
			{threads.QueryIterator(db.DB, sql).FetchMany(0), "[[['one']], [['two']], [['three']]]"},
			{threads.QueryIterator(db.DB, db.sql("SELECT 1 WHERE false", "SELECT 1 WHERE 0")).FetchAll(), "[[]]"},
			{threads.QueryIterator(db.DB, db.sql("SELECT 1 WHERE false", "SELECT 1 WHERE 0")).FetchMany(2), "[]"},
		} {
			flowtest.Check(t, pullAll(t, c.source), c.want)
			released(t, db)
		}
	})
}

// Rows are []any of the column values; text is a string, binary data
// stays []byte; the query takes arguments.
func TestQueryIteratorValues(t *testing.T) {
	eachDatabase(t, func(t *testing.T, db database) {
		q := db.sql(
			"SELECT 1::int8, NULL, 'x'::text, $1::text, '\\x0102'::bytea, 1.5::float8",
			"SELECT 1, NULL, 'x', ?, X'0102', 1.5")
		got := pullAll(t, threads.QueryIterator(db.DB, q, "arg"))
		if len(got) != 1 {
			t.Fatalf("got %d rows, want 1", len(got))
		}
		row := got[0].([]any)
		flowtest.Check(t, row[:4], "[1, None, 'x', 'arg']")
		if b, ok := row[4].([]byte); !ok || string(b) != "\x01\x02" {
			t.Errorf("binary column: got %#v, want []byte{1, 2}", row[4])
		}
		flowtest.Check(t, row[5], "1.5")
	})
}

// A query the database rejects is the failure of the flow; the connection
// is released.
func TestQueryIteratorQueryError(t *testing.T) {
	eachDatabase(t, func(t *testing.T, db database) {
		d := runQuery(threads.QueryIterator(db.DB, "SELECT * FROM no_such_table"))
		f := flowtest.Failure(t, d)
		if msg := f.GetErrorMessage(); !strings.Contains(msg, "no_such_table") {
			t.Errorf("failure %q does not name the table", msg)
		}
		released(t, db)
	})
}

// An error after some rows (here integer overflow, or division by zero, at
// the third) fails the flow after the rows before it; the connection is
// released.
func TestQueryIteratorErrorMidQuery(t *testing.T) {
	eachDatabase(t, func(t *testing.T, db database) {
		q := db.sql(
			"SELECT 6 / (3 - i) FROM generate_series(1, 5) AS i",
			"SELECT abs(x) FROM (SELECT 1 AS x UNION ALL SELECT 2 UNION ALL SELECT -9223372036854775808 UNION ALL SELECT 4)")
		var rows []any
		th := flowtest.NewThreads()
		query := threads.ThreadedOn(th, threads.QueryIterator(db.DB, q))
		d := flow.DeferredOn(reactor.NewClock(), eachRow(query, func(row any) error {
			rows = append(rows, row)
			return nil
		}))
		th.RunUntil(d)
		flowtest.Failure(t, d)
		if len(rows) > 2 {
			t.Errorf("got rows %s, want at most the two before the error", twisted.Repr(rows))
		}
		released(t, db)
	})
}

// gates are the SQLite function qi_gate(x, name): it returns x, counts its
// calls, and at the row x equal to the gate's row it says so and waits
// until the test releases it. The query's thread is then known to be in
// the middle of a Next.
var (
	gatesMu    sync.Mutex
	gates      = map[string]*gate{}
	registerGT sync.Once
)

type gate struct {
	row              int64
	calls            int
	reached, release chan struct{}
}

func newGate(t *testing.T, name string, row int64) *gate {
	registerGT.Do(func() {
		sqlite.MustRegisterScalarFunction("qi_gate", 2, func(ctx *sqlite.FunctionContext, args []driver.Value) (driver.Value, error) {
			x, name := args[0].(int64), args[1].(string)
			gatesMu.Lock()
			g := gates[name]
			g.calls++
			gatesMu.Unlock()
			if x == g.row {
				close(g.reached)
				<-g.release
			}
			return x, nil
		})
	})
	g := &gate{row: row, reached: make(chan struct{}), release: make(chan struct{})}
	gatesMu.Lock()
	gates[name] = g
	gatesMu.Unlock()
	t.Cleanup(func() {
		gatesMu.Lock()
		delete(gates, name)
		gatesMu.Unlock()
	})
	return g
}

func (g *gate) callCount() int {
	gatesMu.Lock()
	defer gatesMu.Unlock()
	return g.calls
}

// Cancelling the flow while its thread is inside a Next (fetching row 2 of
// 1000) stops the thread after that row: no further row is read, the rows
// and the connection are released, and the thread's goroutine ends.
func TestQueryIteratorCancelSQLite(t *testing.T) {
	leakcheck.Check(t)
	db := openSQLite(t)
	g := newGate(t, "cancel", 2)
	q := `WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000)
		SELECT qi_gate(x, 'cancel') FROM c`
	th := flowtest.NewThreads()
	d := flow.DeferredOn(reactor.NewClock(), threads.ThreadedOn(th, threads.QueryIterator(db.DB, q)))
	<-g.reached
	d.Cancel()
	close(g.release)
	th.Wait()
	flowtest.FailureOf(t, d, deferred.CancelledError)
	if n := g.callCount(); n != 2 {
		t.Errorf("the query computed %d rows after the flow was cancelled at row 2, want none", n-2)
	}
	released(t, db)
	db.Close() // its connection opener goroutine too
}

// Cancelling the flow while PostgreSQL is streaming a long result stops
// the thread at its next row, and closing the rows does not read the rest
// (a billion rows): the query is interrupted, the connection released.
func TestQueryIteratorCancelPostgres(t *testing.T) {
	leakcheck.Check(t)
	db := openPostgres(t)
	th := flowtest.NewThreads()
	query := threads.ThreadedOn(th, threads.QueryIterator(db.DB, "SELECT generate_series(1, 1000000000)"))
	seen := 0
	d := flow.DeferredOn(reactor.NewClock(), eachRow(query, func(any) error {
		seen++
		return nil
	}))
	for seen == 0 {
		th.RunOne()
	}
	d.Cancel()
	th.Wait()
	flowtest.FailureOf(t, d, deferred.CancelledError)
	released(t, db)
	db.Close()
}

// A connection dropped mid-query (its server process terminated from
// another connection, while it streams a long result) is the failure of
// the flow, after the rows that arrived; the connection is released.
func TestQueryIteratorConnectionDropped(t *testing.T) {
	leakcheck.Check(t)
	db := openPostgres(t)
	th := flowtest.NewThreads()
	query := threads.ThreadedOn(th, threads.QueryIterator(db.DB, "SELECT pg_backend_pid(), generate_series(1, 1000000000)"))
	terminated := false
	consumer := eachRow(query, func(row any) error {
		if !terminated {
			terminated = true
			var ok bool
			pid := row.([]any)[0]
			if err := db.QueryRow("SELECT pg_terminate_backend($1)", pid).Scan(&ok); err != nil || !ok {
				return fmt.Errorf("pg_terminate_backend(%v): %v, %v", pid, ok, err)
			}
		}
		return nil
	})
	d := flow.DeferredOn(reactor.NewClock(), consumer)
	th.RunUntil(d)
	f := flowtest.Failure(t, d)
	if !terminated {
		t.Fatalf("failed before the first row: %s", f.GetErrorMessage())
	}
	t.Logf("the flow's failure: %s", f.GetErrorMessage())
	released(t, db)
	db.Close()
}

// Cancelling the context given to WithContext interrupts a query the
// database is still running (pg_sleep for an hour): the flow fails with
// it, the connection released.
func TestQueryIteratorContext(t *testing.T) {
	leakcheck.Check(t)
	db := openPostgres(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	th := flowtest.NewThreads()
	d := flow.DeferredOn(reactor.NewClock(), threads.ThreadedOn(th,
		threads.QueryIterator(db.DB, "SELECT 'qi-context', pg_sleep(3600)").WithContext(ctx)))
	waitSleeping(t, db, "qi-context")
	cancel()
	th.RunUntil(d)
	f := flowtest.Failure(t, d)
	if !errors.Is(f, context.Canceled) && !strings.Contains(f.GetErrorMessage(), "cancel") {
		t.Errorf("failure %q, want the query cancelled", f.GetErrorMessage())
	}
	released(t, db)
	db.Close()
}

// Cancelling the flow interrupts a query the database is still running
// (pg_sleep for an hour), with no context of the user's: Threaded cancels
// the one it gave the QuerySource. The thread ends, the connection is
// released.
func TestQueryIteratorCancelInterruptsQuery(t *testing.T) {
	leakcheck.Check(t)
	db := openPostgres(t)
	th := flowtest.NewThreads()
	d := flow.DeferredOn(reactor.NewClock(), threads.ThreadedOn(th,
		threads.QueryIterator(db.DB, "SELECT 'qi-interrupt', pg_sleep(3600)")))
	waitSleeping(t, db, "qi-interrupt")
	d.Cancel()
	th.Wait() // the thread ends: its query was interrupted
	flowtest.FailureOf(t, d, deferred.CancelledError)
	released(t, db)
	db.Close()
}
