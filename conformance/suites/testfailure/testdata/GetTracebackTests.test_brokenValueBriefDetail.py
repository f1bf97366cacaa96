# src/twisted/test/test_failure.py GetTracebackTests.test_brokenValueBriefDetail (Twisted 22.4): the
# test_failure.py module is the prelude.
run(GetTracebackTests, "test_brokenValueBriefDetail")
