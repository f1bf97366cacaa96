# Prelude of the test_basic.py scenarios (Twisted 22.4, CPython 3): the
# shared stand-in for trial's TestCase (conformance/preludes/pyunit3.py; Go
# side: conformance/pyunit), then src/twisted/protocols/test/test_basic.py
# itself, imported from the Twisted the script runs against
# (twisted.protocols.test.test_basic, which Debian's python3-twisted ships)
# with the stand-in's unittest as its twisted.trial.unittest. Each scenario
# script runs one of its tests: run(Class, "test_name").
# conformance:include pyunit3.py

importTests("twisted.protocols.test.test_basic", globals())
