# flow edges: an iterable with a true 'chunked' attribute gives lists of
# values, which Threaded spreads out (Chunks: see the prelude).
run(Threaded(Chunks([[1, 2], [], [3]])))
