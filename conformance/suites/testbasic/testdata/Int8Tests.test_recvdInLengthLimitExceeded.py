# src/twisted/protocols/test/test_basic.py Int8Tests.test_recvdInLengthLimitExceeded (Twisted 22.4): the
# test_basic.py module is the prelude.
run(Int8Tests, "test_recvdInLengthLimitExceeded")
