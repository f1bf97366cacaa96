# src/twisted/protocols/test/test_basic.py Int32Tests.test_partial (Twisted 22.4): the
# test_basic.py module is the prelude.
run(Int32Tests, "test_partial")
