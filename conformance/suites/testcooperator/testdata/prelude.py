# Prelude of the scenarios of this suite: the shared stand-in for trial's
# TestCase (conformance/preludes/pyunit3.py; Go side: conformance/pyunit).
# conformance:include pyunit3.py

# src/twisted/test/test_cooperator.py itself, imported from the Twisted the
# script runs against: its module-level fakes (FakeDelayedCall,
# FakeScheduler, UnhandledException) and the fixture of its RunStateTests
# class, which every RunStateTests scenario shares: each script subclasses
# it with its one test method.
importTests("twisted.test.test_cooperator", globals())
