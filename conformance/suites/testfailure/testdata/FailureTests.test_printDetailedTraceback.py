# src/twisted/test/test_failure.py FailureTests.test_printDetailedTraceback (Twisted 22.4): the
# test_failure.py module is the prelude.
run(FailureTests, "test_printDetailedTraceback")
