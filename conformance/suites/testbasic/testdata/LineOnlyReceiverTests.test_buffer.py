# src/twisted/protocols/test/test_basic.py LineOnlyReceiverTests.test_buffer (Twisted 22.4): the
# test_basic.py module is the prelude.
run(LineOnlyReceiverTests, "test_buffer")
