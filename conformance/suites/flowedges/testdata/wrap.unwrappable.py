# flow edges: wrap refuses what it cannot iterate: ValueError naming it.
for obj in [5, None, lambda: 7]:
    try:
        flow.wrap(obj)
    except ValueError, e:
        raised(e)
