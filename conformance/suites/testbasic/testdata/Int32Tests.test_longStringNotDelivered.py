# src/twisted/protocols/test/test_basic.py Int32Tests.test_longStringNotDelivered (Twisted 22.4): the
# test_basic.py module is the prelude.
run(Int32Tests, "test_longStringNotDelivered")
