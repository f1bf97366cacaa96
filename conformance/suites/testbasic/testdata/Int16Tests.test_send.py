# src/twisted/protocols/test/test_basic.py Int16Tests.test_send (Twisted 22.4): the
# test_basic.py module is the prelude.
run(Int16Tests, "test_send")
