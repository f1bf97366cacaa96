# Prelude of the flow protocol base-class scenarios (Python 2.7, Twisted
# b2b5697a0f^, 2009): the shared stand-in for trial's TestCase
# (conformance/preludes/pyunit3.py, under Python 2 with print_function;
# Go side: conformance/pyunit), then what the scenarios share: flow,
# twisted.protocols.basic and loopback, and a line client that sends its
# lines and collects the answers until it has as many as it expects.
#
# The scenarios are ours: twisted/flow/protocol.py's makeProtocol(
# controller, baseClass, *callbacks) with the base classes of
# twisted.protocols.basic, which no test of test_flow.py exercises.
from __future__ import print_function
# conformance:include pyunit3.py

from twisted.flow import flow
from twisted.internet import protocol
from twisted.protocols import basic, loopback


class LineClient(basic.LineReceiver):
    """Writes each of chunks as one write, then collects the lines it
    receives; once it has `expected` of them, it closes the connection."""

    def __init__(self, chunks, expected):
        self.chunks = chunks
        self.expected = expected
        self.lines = []

    def connectionMade(self):
        for chunk in self.chunks:
            self.transport.write(chunk)

    def lineReceived(self, line):
        self.lines.append(line)
        if len(self.lines) == self.expected:
            self.transport.loseConnection()


# --- end of the prelude; the scenario follows ---
