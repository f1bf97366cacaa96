# Prelude of the flow docs conformance suite (Python 2.7, Twisted b2b5697a0f^).
#
# printFlow is the helper of twisted/flow/wrap.py's wrap() docstring,
# verbatim ("save this function, it is used everwhere"): the examples of
# stage.py and pipe.py call it.
#
# The listings' `from __future__ import generators` lines are here: a
# __future__ import must open the file, and each script follows the
# prelude (they are no-ops under 2.7 anyway).
from __future__ import generators

from twisted.flow import flow
from twisted.internet import reactor, defer

# save this function, it is used everwhere
def printFlow(source):
    def printer(source):
        source = flow.wrap(source)
        while True:
            yield source
            print source.next()
    d = flow.Deferred(printer(source))
    d.addCallback(lambda _: reactor.stop())
    reactor.run()

# The watchdog is not in the docs: it ends a script whose reactor.run()
# never returns, as the original's does where a flow finishes before the
# reactor runs (printFlow's reactor.stop() then raises ReactorNotRunning
# into the Deferred, and nothing stops the reactor). It prints one line
# saying so; scripts that finish in time never see it.
def watchdog():
    print "watchdog: the reactor was still running after %d seconds; stopping it" % WATCHDOG
    reactor.stop()
WATCHDOG = 5
reactor.callLater(WATCHDOG, watchdog)

# --- end of the prelude; the example follows ---
