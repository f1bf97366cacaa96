# src/twisted/protocols/test/test_basic.py FileSenderTests.test_transfer (Twisted 22.4): the
# test_basic.py module is the prelude.
run(FileSenderTests, "test_transfer")
