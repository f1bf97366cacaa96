package threads

import (
	"context"
	"database/sql"
	"strings"

	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/flow"
)

// QuerySource is the source made by [QueryIterator]: give it to [Threaded].
type QuerySource struct {
	pool      *sql.DB
	query     string
	args      []any
	ctx       context.Context
	fetchMany int  // rows per chunk; 0: not FetchMany
	fetchAll  bool // one chunk of every row
}

// A QuerySource is a chunked source that the flow's end interrupts.
var (
	_ flow.Chunker         = (*QuerySource)(nil)
	_ flow.IterableContext = (*QuerySource)(nil)
)

// QueryIterator converts a database query into a result iterator
// (twisted.flow.threads.QueryIterator): run in [Threaded], it connects
// (takes a connection of pool), executes query with args, and yields the
// rows, as a flow source:
//
//	rows := threads.Threaded(threads.QueryIterator(db, "SELECT name FROM t"))
//
// Each row is a []any of its column values as the driver scans them, with
// the text that a driver gives as []byte made a string (columns of a
// binary type, BYTEA, BLOB, BINARY..., or of no known type stay []byte);
// [twisted.Repr] prints a row as Python prints a DB-API row list, ['one'].
//
// The rows come one at a time (the cursor's fetchone), or in chunks with
// [QuerySource.FetchMany] (fetchmany) or [QuerySource.FetchAll]
// (fetchall): a chunked source ([flow.Chunker]), whose rows Threaded adds
// to its results a chunk at a time.
//
// All the blocking work (connecting, executing, fetching) happens in Iter
// and Next, which Threaded calls on its thread; wrapped directly, without
// Threaded, the query would block the reactor, as in the original.
//
// Unlike the original, which left the connection to the pool (adbapi's
// pool kept it, a bare DB-API module dropped it to the garbage
// collector), the rows and the connection are released as soon as the
// last row is fetched, when the query fails, and when the flow is closed
// (it ended, failed or was cancelled: Threaded's thread stops before its
// next row and closes the iterator). A query error, or a connection lost
// mid-query, is the failure of the flow. Under Threaded, the flow's end
// also interrupts a query the database is still running ([QuerySource] is
// a [flow.IterableContext]), as cancelling the context given to
// [QuerySource.WithContext] does.
func QueryIterator(pool *sql.DB, query string, args ...any) *QuerySource {
	return &QuerySource{pool: pool, query: query, args: args, ctx: context.Background()}
}

// FetchMany makes the source yield chunks of size rows (the last may be
// shorter), as the original's fetchmany=True yields cursor.fetchmany()
// chunks of the cursor's arraysize (1 unless changed). A size below 1 is 1.
// It returns q.
func (q *QuerySource) FetchMany(size int) *QuerySource {
	q.fetchMany, q.fetchAll = max(size, 1), false
	return q
}

// FetchAll makes the source yield every row as one chunk, as the
// original's fetchall=True yields cursor.fetchall(). It returns q.
func (q *QuerySource) FetchAll() *QuerySource {
	q.fetchAll, q.fetchMany = true, 0
	return q
}

// WithContext makes ctx bound the connection and the query: cancelling it
// interrupts a query the database is still running (the flow then fails
// with the driver's error). It returns q.
func (q *QuerySource) WithContext(ctx context.Context) *QuerySource {
	q.ctx = ctx
	return q
}

// Chunked reports whether the source yields chunks of rows
// ([QuerySource.FetchMany], [QuerySource.FetchAll]): [Threaded] reads it
// (the original's chunked attribute).
func (q *QuerySource) Chunked() bool { return q.fetchMany > 0 || q.fetchAll }

// Iter connects and executes the query (the original's __iter__), and
// returns the iterator over its rows.
func (q *QuerySource) Iter() (flow.Iterator, error) { return q.IterContext(context.Background()) }

// IterContext is [QuerySource.Iter] bounded by ctx as well as by
// [QuerySource.WithContext]'s: when either is done, a query still running
// is interrupted. [Threaded] calls it on its thread, with a context that
// the flow's end cancels.
func (q *QuerySource) IterContext(stop context.Context) (flow.Iterator, error) {
	ctx, cancelQuery := context.WithCancel(q.ctx)
	unhook := context.AfterFunc(stop, cancelQuery)
	cancel := func() { unhook(); cancelQuery() }
	it := &queryRows{source: q, cancel: cancel}
	conn, err := q.pool.Conn(ctx)
	if err != nil {
		cancel()
		return nil, err
	}
	it.conn = conn
	rows, err := conn.QueryContext(ctx, q.query, q.args...)
	if err != nil {
		it.close()
		return nil, err
	}
	it.rows = rows
	types, err := rows.ColumnTypes()
	if err != nil {
		it.close()
		return nil, err
	}
	it.keepBytes = make([]bool, len(types))
	it.dest = make([]any, len(types))
	for i, t := range types {
		it.keepBytes[i] = binary(t.DatabaseTypeName())
	}
	return it, nil
}

// binary reports whether a column of the database type name holds bytes
// rather than text: BYTEA, BLOB, BINARY, VARBINARY, ..., or no type at all
// (the driver could not tell, as SQLite's for an expression: bytes it
// gives are a blob's).
func binary(name string) bool {
	name = strings.ToUpper(name)
	return name == "" || name == "BYTEA" || strings.Contains(name, "BLOB") || strings.Contains(name, "BINARY")
}

// queryRows is the iterator over a query's rows: the original's cursor and
// connection.
type queryRows struct {
	source    *QuerySource
	conn      *sql.Conn
	rows      *sql.Rows
	cancel    context.CancelFunc
	keepBytes []bool
	dest      []any // Scan's pointers into the row being read
	done      bool
}

// Next returns the next row, or chunk of rows; at the end of the rows it
// releases them and the connection, and returns StopIteration (FetchAll:
// after its one chunk).
func (it *queryRows) Next() (any, error) {
	if it.done {
		return nil, twisted.StopIteration.New()
	}
	q := it.source
	switch {
	case q.fetchAll:
		var chunk []any
		for {
			row, err := it.fetchone()
			if err != nil {
				return nil, err
			}
			if row == nil {
				return chunk, nil // done: the next call stops
			}
			chunk = append(chunk, row)
		}
	case q.fetchMany > 0:
		chunk := make([]any, 0, q.fetchMany)
		for len(chunk) < q.fetchMany {
			row, err := it.fetchone()
			if err != nil {
				return nil, err
			}
			if row == nil {
				break
			}
			chunk = append(chunk, row)
		}
		if len(chunk) == 0 {
			return nil, twisted.StopIteration.New()
		}
		return chunk, nil
	default:
		row, err := it.fetchone()
		if err != nil {
			return nil, err
		}
		if row == nil {
			return nil, twisted.StopIteration.New()
		}
		return row, nil
	}
}

// fetchone returns the next row, or nil at the end; at the end, or on an
// error, the rows and the connection are released.
func (it *queryRows) fetchone() (row []any, err error) {
	if it.done {
		return nil, nil
	}
	if !it.rows.Next() {
		err := it.rows.Err()
		it.release(false)
		return nil, err
	}
	row = make([]any, len(it.keepBytes))
	for i := range row {
		it.dest[i] = &row[i]
	}
	if err := it.rows.Scan(it.dest...); err != nil {
		it.release(true)
		return nil, err
	}
	for i, v := range row {
		if b, ok := v.([]byte); ok && !it.keepBytes[i] {
			row[i] = string(b)
		}
	}
	return row, nil
}

// Close releases the rows and the connection if Next has not: Threaded
// calls it when its thread stops, at the end or because the flow was
// closed before the last row.
func (it *queryRows) Close() { it.release(true) }

// close releases what Iter took before it failed.
func (it *queryRows) close() { it.release(true) }

// release closes the rows and returns the connection to the pool, once.
// Abandoning unread rows, it first cancels the query's context, so that
// closing them does not read the rest of a long result (the driver
// interrupts the query, or drops the connection).
func (it *queryRows) release(abandon bool) {
	if it.done {
		return
	}
	it.done = true
	if abandon {
		it.cancel()
	}
	if it.rows != nil {
		it.rows.Close()
	}
	if it.conn != nil {
		it.conn.Close()
	}
	it.cancel()
}
