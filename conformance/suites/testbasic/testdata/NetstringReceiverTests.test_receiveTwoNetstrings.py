# src/twisted/protocols/test/test_basic.py NetstringReceiverTests.test_receiveTwoNetstrings (Twisted 22.4): the
# test_basic.py module is the prelude.
run(NetstringReceiverTests, "test_receiveTwoNetstrings")
