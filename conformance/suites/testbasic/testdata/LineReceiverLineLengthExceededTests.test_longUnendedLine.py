# src/twisted/protocols/test/test_basic.py LineReceiverLineLengthExceededTests.test_longUnendedLine (Twisted 22.4): the
# test_basic.py module is the prelude.
run(LineReceiverLineLengthExceededTests, "test_longUnendedLine")
