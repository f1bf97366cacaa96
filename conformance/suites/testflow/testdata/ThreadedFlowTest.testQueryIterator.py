# twisted/flow/test/test_flow.py ThreadedFlowTest.testQueryIterator (b2b5697a0f^).
#
# The test runs on pyPgSQL and a PostgreSQL server (and silently passes
# without them). Neither is available to Python 2.7 here, so PgSQL below
# stands in for pyPgSQL's PgSQL module over the stdlib's sqlite3, another
# DB-API module: its connect() opens an in-memory SQLite database whose
# rows are lists of byte strings, which compare and print as pyPgSQL's
# result rows do (['one']). SQLite does not take a parenthesised SELECT in
# a compound select, so the query's parentheses are dropped (marked below);
# otherwise the body is verbatim. The Go side runs the original query on a
# real PostgreSQL server (TWISTEDFLOW_POSTGRES_DSN).
import sqlite3

class PgSQL:
    """Stands in for pyPgSQL's PgSQL module (a DB-API module) over sqlite3."""
    def connect():
        conn = sqlite3.connect(':memory:')
        conn.text_factory = str
        conn.row_factory = lambda cursor, row: list(row)
        return conn
    connect = staticmethod(connect)

class ThreadedFlowTest(TestCase):
    def testQueryIterator(self):
        try:
            # from pyPgSQL import PgSQL: the stand-in above
            dbpool = PgSQL
            c = dbpool.connect()
            r = c.cursor()
            r.execute("SELECT 'x'")
            r.fetchone()
        except:
            # PostgreSQL is not installed or bad permissions
            return
        expect = [['one'],['two'],['three']]
        # SQLite: the original's (SELECT 'one') UNION ALL (SELECT 'two')
        # UNION ALL (SELECT 'three'), without the parentheses.
        sql = """
          SELECT 'one'
        UNION ALL
          SELECT 'two'
        UNION ALL
          SELECT 'three'
        """
        d = flow.Deferred(Threaded(QueryIterator(dbpool, sql)))
        d.addCallback(self.assertEquals, expect)
        return d

run(ThreadedFlowTest, 'testQueryIterator')
