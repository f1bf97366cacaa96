# src/twisted/protocols/test/test_basic.py LineOnlyReceiverTests.test_greaterThanMaximumLineLength (Twisted 22.4): the
# test_basic.py module is the prelude.
run(LineOnlyReceiverTests, "test_greaterThanMaximumLineLength")
