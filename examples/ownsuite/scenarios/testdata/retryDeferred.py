# A Deferred chain of our own, for Twisted 22.4 (python3): a fetch that
# fails twice with ConnectionError, retried by an errback, then a result
# transformed by callbacks; the last failure is trapped by class.
from twisted.internet import defer

attempts = []

def fetch():
    attempts.append(len(attempts) + 1)
    if len(attempts) < 3:
        return defer.fail(ConnectionError("attempt %d refused" % len(attempts)))
    return defer.succeed("payload")

def retry(failure, left):
    failure.trap(ConnectionError)
    print("retry after", repr(failure.getErrorMessage()))
    if left == 0:
        return failure
    d = fetch()
    d.addErrback(retry, left - 1)
    return d

def run(retries):
    del attempts[:]
    d = fetch()
    d.addErrback(retry, retries)
    d.addCallback(lambda s: s.upper())
    d.addCallback(lambda s: print("got", repr(s), "after", len(attempts), "attempts"))
    d.addErrback(lambda f: print("gave up:", f.type.__name__, repr(f.getErrorMessage())))
    return d

run(5)
run(1)
d = defer.Deferred()
d.addErrback(lambda f: f.trap(KeyError))
d.addErrback(lambda f: print("not a KeyError:", f.type.__name__))
d.errback(ValueError("v"))
