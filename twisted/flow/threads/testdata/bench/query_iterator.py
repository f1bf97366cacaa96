# The Python 2.7 anchor of BenchmarkQueryIterator: the original
# Threaded(QueryIterator) under flow.Deferred on the reactor, row at a time,
# fetchmany (arraysize 100) and fetchall, beside a plain fetchone loop, over
# the stdlib's sqlite3 (the same 10,000-row query, in-memory). Run:
#   PYTHONPATH=/work/ref/twisted-flow:/work/ref/zope/src python2.7 query_iterator.py
import sqlite3, time
from twisted.internet import reactor
from twisted.flow import flow
from twisted.flow.threads import QueryIterator, Threaded

ROWS = 10000
SQL = """WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 10000)
         SELECT x, 'row ' || x FROM c"""
RUNS = 20

class Pool:
    """A DB-API connect() over sqlite3, with the arraysize fetchmany uses."""
    def __init__(self, arraysize=1):
        self.arraysize = arraysize
    def connect(self):
        conn = sqlite3.connect(':memory:')
        arraysize = self.arraysize
        class Conn:
            def cursor(self):
                c = conn.cursor()
                c.arraysize = arraysize
                return c
        return Conn()

def plain():
    c = sqlite3.connect(':memory:').cursor()
    c.execute(SQL)
    n = 0
    while c.fetchone():
        n += 1
    assert n == ROWS

def best(f):
    b = None
    for i in range(RUNS):
        t = time.time()
        f()
        d = time.time() - t
        if b is None or d < b:
            b = d
    return ROWS / b

results = []
def flows(name, make):
    times = []
    def one(i):
        if i == RUNS:
            results.append((name, ROWS / min(times)))
            return next_bench()
        t = time.time()
        d = flow.Deferred(Threaded(make()))
        def done(rows):
            assert len(rows) == ROWS, len(rows)
            times.append(time.time() - t)
            one(i + 1)
        d.addCallback(done)
        d.addErrback(lambda f: (f.printTraceback(), reactor.stop()))
    one(0)

benches = [
    ("row", lambda: QueryIterator(Pool(), SQL)),
    ("fetchmany100", lambda: QueryIterator(Pool(100), SQL, fetchmany=True)),
    ("fetchall", lambda: QueryIterator(Pool(), SQL, fetchall=True)),
]
def next_bench():
    if benches:
        name, make = benches.pop(0)
        reactor.callLater(0, flows, name, make)
    else:
        reactor.stop()

print "plain fetchone loop: %d rows/s" % best(plain)
reactor.callWhenRunning(next_bench)
reactor.run()
for name, rate in results:
    print "Threaded(QueryIterator) %s: %d rows/s" % (name, rate)
