# Prelude of the test_internet.py scenarios: the shared stand-in for trial's
# TestCase (conformance/preludes/pyunit3.py; Go side: conformance/pyunit),
# then the module-level imports of src/twisted/test/test_internet.py that
# the transcribed tests use.
# conformance:include pyunit3.py
import os
import time
from unittest import skipIf

from twisted.internet import abstract, base, defer, error, interfaces, protocol, reactor
from twisted.internet.defer import Deferred, passthru
from twisted.python import util
