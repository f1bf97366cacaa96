# Prelude of the test_threads.py scenarios: the shared stand-in for trial's
# TestCase (conformance/preludes/pyunit3.py; Go side: conformance/pyunit),
# trial's getTimeout, then the module-level imports of
# src/twisted/test/test_threads.py.
# conformance:include pyunit3.py
import os
import sys
import time
from unittest import skipIf

from twisted.internet import defer, error, interfaces, protocol, reactor, threads
from twisted.python import failure, log, threadable, threadpool

try:
    import threading
except ImportError:
    pass

# trial's TestCase.getTimeout: a test's timeout, 120 seconds by default.
TestCase.getTimeout = lambda self: 120
