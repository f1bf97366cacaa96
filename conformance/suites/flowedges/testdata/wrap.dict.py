# flow edges (deviation): wrapping a dict iterates over its keys, in the
# dict's hash order (here, small ints: ascending).
drain(block({1: 'a', 2: 'b', 3: 'c'}))
