# A shared prelude that includes itself, used by the harness tests.
# conformance:include selftestcycle.py
