# flow edges: Threaded over a string iterates its characters, as iter()
# does; so does a chunked source's chunk that is a string.
d = outcome(flow.Deferred(defer.DeferredList([
    outcome(flow.Deferred(Threaded('abc'))),
    outcome(flow.Deferred(Threaded(Chunks(['ab', '', 'c'])))),
])))
wait(d, 0.5)
