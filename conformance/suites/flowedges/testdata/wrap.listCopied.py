# flow edges: wrap copies a list when it wraps it: changing the list
# afterwards changes nothing in the flow.
src = [1, 2, 3]
s = flow.wrap(src)
src[0] = 'changed'
src.append(4)
drain(block(s))
