# Prelude of the flow edges suite (ours; Python 2.7, Twisted b2b5697a0f^).
#
# Each scenario is a small script of our own probing one edge of
# twisted.flow. These helpers are shared by all of them; helpers.go
# transcribes each one for the Go side.

from __future__ import generators
import re, time, warnings
warnings.simplefilter('ignore')

from twisted.flow import flow
from twisted.flow.threads import Threaded
from twisted.internet import reactor, defer
from twisted.python.failure import Failure


class slowlist:
    """an iterator over a copy of a list (not a flow list: no shortcuts)"""
    def __init__(self, list):
        self.list = list[:]
    def __iter__(self):
        return self
    def next(self):
        if self.list:
            return self.list.pop(0)
        raise StopIteration


class Chunks:
    """an iterator whose true 'chunked' attribute tells Threaded that it
    gives lists of values (a copy of chunks, one chunk at a time)"""
    chunked = True
    def __init__(self, chunks):
        self.chunks = chunks[:]
    def __iter__(self):
        return self
    def next(self):
        if not self.chunks:
            raise StopIteration
        return self.chunks.pop(0)


def block(stage, *trap):
    """flow.Block whose Cooperate pauses print 'sleep <timeout>' instead
    of sleeping"""
    b = flow.Block(stage, *trap)
    def sleep(timeout):
        print 'sleep %g' % timeout
    b.block = sleep
    return b


def raised(e):
    """print an exception caught by the scenario: class name and message
    (an address in the message, as in "instance at 0x...", is blanked)"""
    print 'raised', e.__class__.__name__, noaddr(str(e))


def noaddr(s):
    """s with each address ("at 0x7f..") blanked to "at 0x..." """
    return re.sub(r' at 0x[0-9a-fA-F]+', ' at 0x...', s)


def drain(it):
    """print each value the iterable gives, then 'end' or how it raised"""
    try:
        for x in it:
            print repr(x)
        print 'end'
    except Exception, e:
        raised(e)


def outcome(d):
    """print how the Deferred fires: 'result' and the repr of its result,
    or 'failure', the failure's class name and message (addresses
    blanked)"""
    def ok(r):
        print 'result', repr(r)
        return r
    def ko(f):
        print 'failure', f.type.__name__, noaddr(f.getErrorMessage())
    d.addCallbacks(ok, ko)
    return d


def wait(d, timeout=2):
    """run the reactor until the Deferred has fired, or print 'never fired'
    once timeout seconds have passed (the reactor runs at most once)"""
    fired = []
    def mark(r):
        fired.append(True)
        if reactor.running:
            reactor.callLater(0, reactor.stop)
        return r
    d.addBoth(mark)
    if fired:
        return
    def never():
        if not fired:
            print 'never fired'
            reactor.stop()
    reactor.callLater(timeout, never)
    reactor.run()


def run(stage, *trap):
    """flow.Deferred(stage, *trap): print its outcome once it fires"""
    d = outcome(flow.Deferred(stage, *trap))
    wait(d)
    return d

# ---- scenario ----
