# Edge case (ours): None in the list given to DeferredList or gatherResults
# (Twisted 22.4). Twisted adds its callbacks to the Deferreds one by one,
# and fails on None with AttributeError, having already added them to the
# Deferreds before it: with consumeErrors, their failures then vanish into
# a list that no one holds.
makers = [
    ("DeferredList", lambda ds: defer.DeferredList(ds, consumeErrors=True)),
    ("gatherResults", lambda ds: defer.gatherResults(ds, consumeErrors=True)),
]
for name, make in makers:
    first = Deferred()
    try:
        make([first, None])
        print(name, "accepted")
    except Exception as e:
        print(name, "raises", show(e))
    first.errback(ValueError("x"))
    results = []
    first.addBoth(results.append)
    print(name, "first Deferred's result:", show(results))
    first.addErrback(lambda f: None)
