# Prelude of the scenarios of this suite: the shared stand-in for trial's
# TestCase (conformance/preludes/pyunit3.py; Go side: conformance/pyunit).
# conformance:include pyunit3.py

# src/twisted/test/test_task.py itself, imported from the Twisted the
# script runs against: its module-level helpers (TestableLoopingCall,
# TestException, _FakeReactor), which the tests use; each script defines
# its test's class with the one test.
importTests("twisted.test.test_task", globals())
