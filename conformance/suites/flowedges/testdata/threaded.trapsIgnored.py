# flow edges (deviation): Threaded(source, *trap) never traps: its traps
# are stored as one tuple, which matches no failure; the flow fails.
def gen():
    yield 1
    raise ValueError('in thread')
run(Threaded(gen(), ValueError))
