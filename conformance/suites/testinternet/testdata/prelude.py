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
import warnings


def _assertWarns(self, category, message, filename, f, *args, **kwargs):
    """
    trial's assertWarns, as far as ThreePhaseEventTests uses it: calling f
    emits a warning of category with message. (The filename it was emitted
    from, which the Go side has no counterpart of, is not checked.)
    """
    with warnings.catch_warnings(record=True) as shown:
        warnings.simplefilter("always")
        result = f(*args, **kwargs)
    first = shown[0] if shown else None
    self._check(
        first is not None and first.category is category and str(first.message) == message,
        "assertWarns",
        category,
        str(first.message) if first else None,
    )
    return result


TestCase.assertWarns = _assertWarns
