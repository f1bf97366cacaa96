# src/twisted/protocols/test/test_basic.py ProducerTests.test_pauseResume (Twisted 22.4): the
# test_basic.py module is the prelude.
run(ProducerTests, "test_pauseResume")
