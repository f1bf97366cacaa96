# src/twisted/protocols/test/test_basic.py LineReceiverLineLengthExceededTests.test_maximumLineLengthRemaining (Twisted 22.4): the
# test_basic.py module is the prelude.
run(LineReceiverLineLengthExceededTests, "test_maximumLineLengthRemaining")
