# flow edges: Zip pads the shorter inputs with None until the longest ends.
drain(block(flow.Zip([1, 2, 3], ['a'])))
drain(block(flow.Zip(['a'], [1, 2, 3])))
