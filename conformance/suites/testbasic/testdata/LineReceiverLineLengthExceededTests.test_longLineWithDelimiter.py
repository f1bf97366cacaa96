# src/twisted/protocols/test/test_basic.py LineReceiverLineLengthExceededTests.test_longLineWithDelimiter (Twisted 22.4): the
# test_basic.py module is the prelude.
run(LineReceiverLineLengthExceededTests, "test_longLineWithDelimiter")
