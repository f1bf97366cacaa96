# flow edges: Zip of empty inputs gives nothing; one empty input is padded.
drain(block(flow.Zip([], [])))
drain(block(flow.Zip([], [1])))
run(flow.Zip([], ()))
