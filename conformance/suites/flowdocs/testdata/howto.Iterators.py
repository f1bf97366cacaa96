# doc/flow/howto/flow.xhtml "Iterators and generators": the Counter
# iterator class, verbatim but for the import, which fails under the 2009
# Twisted (twisted.python.compat no longer has iter and StopIteration: they
# went with Python 2.1 support): the listing as written stops there with an
# ImportError. Here the ImportError is caught and printed, and the
# builtins stand in, as the listing means.
try:
    from twisted.python.compat import iter, StopIteration
except ImportError, e:
    print "ImportError:", e

class Counter:
    def __init__(self, count):
        self.count = count
    def __iter__(self):
        return self
    def next(self):
        ret = self.count
        self.count -= 1
        if ret: return ret
        raise StopIteration
        return ret

import sys
if sys.version_info < (2,2):
    def list(it):
        ret = []
        it = iter(it)
        try:
            while 1:
                ret.append(it.next())
        except StopIteration: pass
        return ret

print list(Counter(3))

# prints: [3, 2, 1]
