#!/usr/bin/python3
"""M/M/3 in SimPy 2.3 (Debian's python3-simpy), the reference for the simulator benchmark:
Poisson arrivals at 2 an hour, exponential work with a mean of 60 minutes, 3 engineers.

Usage: /usr/bin/python3 bench/mm3_simpy.py [--days N] [--seed S]
Prints one JSON line: customers served, wall seconds of the run, customers per wall second
and the mean queue wait in minutes.
"""
import argparse
import json
import random
import time

from SimPy.Simulation import Process, Resource, activate, hold, initialize, now, release, request, simulate

ARRIVALS_PER_MINUTE = 2 / 60
MEAN_WORK_MINUTES = 60
ENGINEERS = 3


class Customer(Process):
    def visit(self, desk, work, waits):
        arrived = now()
        yield request, self, desk
        waits.append(now() - arrived)
        yield hold, self, work
        yield release, self, desk


class Arrivals(Process):
    def generate(self, desk, until, waits, draws):
        while True:
            gap = draws.expovariate(ARRIVALS_PER_MINUTE)
            if now() + gap > until:
                return
            yield hold, self, gap
            customer = Customer()
            activate(customer, customer.visit(desk, draws.expovariate(1 / MEAN_WORK_MINUTES), waits))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=float, default=365)
    parser.add_argument("--seed", type=int, default=42)
    options = parser.parse_args()
    if options.days <= 0:
        parser.error("--days: needs a positive number")

    until = options.days * 24 * 60
    waits = []
    started = time.perf_counter()
    initialize()
    desk = Resource(capacity=ENGINEERS, name="desk")
    arrivals = Arrivals()
    activate(arrivals, arrivals.generate(desk, until, waits, random.Random(options.seed)))
    # Long enough for the last customer in to be served.
    simulate(until=until * 2 + 100_000)
    wall = time.perf_counter() - started
    print(json.dumps({
        "customers": len(waits),
        "wallSeconds": wall,
        "customersPerSecond": len(waits) / wall if wall > 0 else 0,
        "meanWaitMinutes": sum(waits) / len(waits) if waits else 0,
    }))


if __name__ == "__main__":
    main()
