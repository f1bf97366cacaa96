"""Record how Twisted's task.Clock orders calls, for clock_ordering_test.go.

Generates random scenarios of callLater, reset, delay, cancel, advance and
getDelayedCalls on a task.Clock (some run from inside the scheduled calls),
runs them on Twisted's Clock, and writes each scenario's steps together with
the trace it produced as one JSON line. The Go test replays the steps on
reactor.Clock and must produce the same trace.

Run with Debian's python3-twisted:
    /usr/bin/python3 clock_ordering.py > clock_ordering.golden.jsonl
"""
import json
import random
import sys

from twisted.internet import error, task

DELAYS = [0, 0.5, 1, 1, 1.5, 2, 2, 3]
SHIFTS = [-1, -0.5, 0.5, 1, 2]


def gen_step(rng, n_ids, inside):
    r = rng.random()
    if r < 0.4 or n_ids[0] == 0:
        i = n_ids[0]
        n_ids[0] += 1
        actions = []
        if not inside and rng.random() < 0.4:
            actions = [gen_step(rng, n_ids, True) for _ in range(rng.randint(1, 3))]
        return ["later", rng.choice(DELAYS), i, actions]
    target = rng.randrange(max(0, n_ids[0] - 5), n_ids[0])
    if r < 0.57:
        return ["reset", target, rng.choice(DELAYS)]
    if r < 0.7:
        return ["delay", target, rng.choice(SHIFTS)]
    if r < 0.76:
        return ["cancel", target]
    if r < 0.85:
        return ["calls"]
    if inside and rng.random() < 0.5:
        return ["advance", rng.choice([0, 0.5, 1])]
    return ["advance", rng.choice([0, 0.5, 1, 1, 1.5, 2])]


def run(steps):
    clock = task.Clock()
    calls = {}
    trace = []

    def fire(i, actions):
        trace.append(["fire", i, clock.seconds()])
        for s in actions:
            do(s)

    def do(step):
        op = step[0]
        if op == "later":
            _, delay, i, actions = step
            calls[i] = clock.callLater(delay, fire, i, actions)
        elif op in ("reset", "delay", "cancel"):
            call = calls.get(step[1])
            if call is None:
                trace.append(["missing", step[1]])
                return
            try:
                if op == "reset":
                    call.reset(step[2])
                elif op == "delay":
                    call.delay(step[2])
                else:
                    call.cancel()
            except (error.AlreadyCalled, error.AlreadyCancelled) as e:
                trace.append(["err", op, step[1], type(e).__name__])
        elif op == "calls":
            ids = {id(c): i for i, c in calls.items()}
            trace.append(["calls", [ids[id(c)] for c in clock.getDelayedCalls()]])
        elif op == "advance":
            clock.advance(step[1])

    for s in steps:
        do(s)
    clock.advance(100)
    trace.append(["end", clock.seconds()])
    return trace


def main():
    rng = random.Random(20031)
    for _ in range(300):
        n_ids = [0]
        steps = [gen_step(rng, n_ids, False) for _ in range(rng.randint(5, 40))]
        json.dump({"steps": steps, "trace": run(steps)}, sys.stdout)
        sys.stdout.write("\n")


if __name__ == "__main__":
    main()
