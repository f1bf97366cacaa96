# A shared prelude that includes another, used by the harness tests.
# conformance:include selftest.py
outer = 3
