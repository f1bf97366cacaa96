# flow edges: chunks kept by the consumer stay as they were given, while
# the stage goes on producing (here a chunked Callback fed in bursts).
cb = flow.Callback()
cb.chunked = True
def consumer():
    kept = []
    yield cb
    for chunk in cb:
        kept.append(chunk)
        yield cb
    print 'kept', kept
d = outcome(flow.Deferred(consumer()))
cb.result(1)
cb.result(2)
cb.result(3)
cb.finish()
