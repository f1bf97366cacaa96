# src/twisted/protocols/test/test_basic.py LineReceiverTests.test_buffer (Twisted 22.4): the
# test_basic.py module is the prelude.
run(LineReceiverTests, "test_buffer")
