# doc/flow/howto/flow.xhtml "Using database connections" (b2b5697a0f^); the
# threads.QueryIterator docstring is the same listing.
#
# The listing's pool is an adbapi.ConnectionPool of "SomeDriver" on a
# PostgreSQL-like server ("I test with" pyPgSQL). Neither a server nor
# pyPgSQL is available to Python 2.7 here, so the pool is an
# adbapi.ConnectionPool of the stdlib's sqlite3 on an in-memory database,
# whose rows are made lists of byte strings (as pyPgSQL's rows print:
# ['one']); SQLite does not take a parenthesised SELECT in a compound
# select, so the query's parentheses are dropped. Otherwise verbatim. The
# Go side runs the original query on a real PostgreSQL server
# (TWISTEDFLOW_POSTGRES_DSN).
from twisted.enterprise import adbapi
from twisted.internet   import reactor
from twisted.flow import flow
from twisted.flow.threads import QueryIterator, Threaded

def rowsAsLists(conn):   # ours: pyPgSQL-like rows
    conn.text_factory = str
    conn.row_factory = lambda cursor, row: list(row)

# was: adbapi.ConnectionPool("SomeDriver",host='localhost',
#          db='Database',user='User',passwd='Password')
# (check_same_thread: the pool closes its connections from the main thread)
dbpool = adbapi.ConnectionPool("sqlite3", ":memory:", check_same_thread=False,
                               cp_openfun=rowsAsLists)

# # I test with...
# from pyPgSQL import PgSQL
# dbpool = PgSQL

# SQLite: the listing's (SELECT 'one') UNION ALL (SELECT 'two') UNION ALL
# (SELECT 'three'), without the parentheses.
sql = """
  SELECT 'one'
UNION ALL
  SELECT 'two'
UNION ALL
  SELECT 'three'
"""
def consumer():
    print "executing"
    query = Threaded(QueryIterator(dbpool, sql))
    print "yielding"
    yield query
    print "done yeilding"
    for row in query:
        print "Processed result : ", row
        yield query

from twisted.internet import reactor
def finish(result): 
    print "Deferred Complete : ", result
    reactor.stop()
f = flow.Deferred(consumer())
f.addBoth(finish)
reactor.run()
