# flow edges: an iterator class in the state pattern (next rebound at each
# step) as a flow source, cooperating in one of its states.
class States:
    def __iter__(self):
        self.next = self.state_one
        return self
    def state_one(self):
        self.next = self.state_pause
        return 'one'
    def state_pause(self):
        self.next = self.state_two
        return flow.Cooperate(0.5)
    def state_two(self):
        self.next = self.state_stop
        return 'two'
    def state_stop(self):
        raise StopIteration
drain(block(States()))
run(States())
