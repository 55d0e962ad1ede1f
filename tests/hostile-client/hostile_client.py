#!/usr/bin/env python3
"""A foreign AMQP client (Python's pika, not .NET) against a running Malaysia.Ops operation.

It connects with each service's own broker credentials, as anyone holding them could, and

  attack   publishes every known abuse plus COUNT generated bad messages (malformed,
           truncated, wrong or missing type, lying headers, oversized, impossible values,
           reused message ids with other content, forged senders) to the exchanges each user
           may write to, and prints what it sent as JSON: for each service queue, how many
           copies of refused input reach it; the pairs of sound incidents sent under one message id,
           of which exactly one must be booked; what the
           broker itself refused.
  audit    tries every user against queues and exchanges it must not touch (configure, write,
           read, delete) and prints the matrix as JSON: each attempt with its outcome.

Settings come from the environment (passwords never on a command line):
  HOSTILE_PORT, HOSTILE_VHOST, HOSTILE_PASSWORD_<USER> (WORKLOAD, DISPATCH, DESK_US, DESK_MY,
  CONSOLE), HOSTILE_COUNT (generated bad messages, default 1000), HOSTILE_SEED (default 1),
  HOSTILE_EPOCH (the run's simulated start, ISO 8601), HOSTILE_MY_INCIDENT (an incident the MY
  desk holds, for the forged-sender cases).
Needs Debian's python3-pika.
"""
import json
import os
import random
import sys
import uuid

import pika
import pika.exceptions

CONTRACTS = "Malaysia.Ops.Contracts:"
RAISED = CONTRACTS + "IncidentRaised"
ACKNOWLEDGED = CONTRACTS + "IncidentAcknowledged"
RESOLVED = CONTRACTS + "IncidentResolved"
DESK_STATE = CONTRACTS + "DeskStateReported"
CLOCK_CHANGE = CONTRACTS + "SimulationClockChangeRequested"
ASSIGNMENTS = CONTRACTS + "IncidentAssignedToDesk"
USERS = ["workload", "dispatch", "desk-us", "desk-my", "console"]

# Which service queue a message published to an exchange reaches, while the desks, dispatch and
# the workload run (the console does not): the copies whose fate the test checks.
TARGETS = {
    RAISED: "dispatch",
    ACKNOWLEDGED: "dispatch",
    RESOLVED: "dispatch",
    DESK_STATE: "dispatch",
    CLOCK_CHANGE: "dispatch",
}


def target_of(exchange, routing_key):
    if exchange == ASSIGNMENTS:
        return "desk-" + routing_key
    return TARGETS[exchange]


def setting(name, default=None):
    value = os.environ.get(name, default)
    if value is None:
        sys.exit(f"hostile_client: error: {name} is not set")
    return value


def password_of(user):
    return setting("HOSTILE_PASSWORD_" + user.upper().replace("-", "_"))


def connect(user):
    credentials = pika.PlainCredentials(user, password_of(user))
    parameters = pika.ConnectionParameters(
        host="127.0.0.1",
        port=int(setting("HOSTILE_PORT")),
        virtual_host=setting("HOSTILE_VHOST"),
        credentials=credentials,
        client_properties={"connection_name": f"hostile-client-{user}"},
        connection_attempts=3,
        retry_delay=1,
        blocked_connection_timeout=60,
    )
    return pika.BlockingConnection(parameters)


class Publisher:
    """One confirmed channel per user; a channel the broker closes is counted and reopened."""

    def __init__(self):
        self.connections = {}
        self.channels = {}

    def channel(self, user):
        if user not in self.connections or not self.connections[user].is_open:
            self.connections[user] = connect(user)
            self.channels.pop(user, None)
        if user not in self.channels or not self.channels[user].is_open:
            channel = self.connections[user].channel()
            channel.confirm_delivery()
            self.channels[user] = channel
        return self.channels[user]

    def publish(self, user, exchange, routing_key, body, content_type="application/json",
                message_type=None, message_id=None, headers=None, user_id=None, stamped=True):
        """Publishes and waits for the broker's confirm; returns None when the broker took the
        message, or the reason it refused it (the channel is then closed by the broker). The
        message carries the connection's own user as its user-id, as the services' do (the
        broker vouches for it), unless another user_id is given or stamped is False."""
        if user_id is None and stamped:
            user_id = user
        all_headers = dict(headers or {})
        if message_type is not None:
            all_headers["MT-MessageType"] = message_type
        properties = pika.BasicProperties(
            content_type=content_type,
            delivery_mode=2,
            message_id=message_id or str(uuid.uuid4()),
            headers=all_headers,
            user_id=user_id,
        )
        payload = body if isinstance(body, bytes) else body.encode("utf-8")
        try:
            self.channel(user).basic_publish(exchange, routing_key, payload, properties, mandatory=False)
            return None
        except pika.exceptions.ChannelClosedByBroker as closed:
            self.channels.pop(user, None)
            return f"{closed.reply_code} {closed.reply_text}"
        except pika.exceptions.ConnectionClosedByBroker as closed:
            self.connections.pop(user, None)
            self.channels.pop(user, None)
            return f"{closed.reply_code} {closed.reply_text}"

    def close(self):
        for connection in self.connections.values():
            if connection.is_open:
                connection.close()


def urn(name):
    return "urn:message:" + CONTRACTS + name


def incident(incident_id, epoch, severity=2, type_=0, work=20, summary="GPU node lost"):
    return {"incidentId": incident_id, "type": type_, "severity": severity, "clusterId": "kul-gpu-1",
            "summary": summary, "workMinutes": work, "simulatedAt": epoch, "schemaVersion": 1}


def assignment(incident_id, desk, epoch, work=20, severity=2, type_=0):
    return {"incidentId": incident_id, "deskId": desk, "shiftId": f"{desk}-20260713", "deskOnDutyFrom": epoch,
            "arrivedInCoverageGap": False, "type": type_, "severity": severity, "workMinutes": work,
            "simulatedAt": epoch, "schemaVersion": 1}


class Attack:
    def __init__(self, publisher, epoch, rng):
        self.publisher = publisher
        self.epoch = epoch
        self.rng = rng
        self.refused_copies = {"dispatch": 0, "desk-us": 0, "desk-my": 0}
        # Two sound incidents under one message id: dispatch books whichever it takes first and
        # refuses the other (it may take them in either order).
        self.reused_pairs = []
        # Acknowledgements the client itself put on the wire, by incident: a witness of the
        # acknowledgements exchange hears them besides the desks' own.
        self.forged_acknowledgements = {}
        self.broker_refused = []
        self.cases = {}
        self.sent = 0

    def send(self, case, user, exchange, routing_key, body, expect="refused", **kwargs):
        """expect: 'refused' (a service must put it in an error or skipped queue), 'booked'
        (a sound incident that must be booked once), or 'broker' (the broker must refuse it)."""
        reason = self.publisher.publish(user, exchange, routing_key, body, **kwargs)
        self.sent += 1
        self.cases[case] = self.cases.get(case, 0) + 1
        if reason is not None:
            self.broker_refused.append({"case": case, "user": user, "exchange": exchange, "reason": reason})
            if expect != "broker":
                raise SystemExit(f"hostile_client: error: the broker refused case {case} as {user} "
                                 f"to {exchange}: {reason}")
            return
        if expect == "broker":
            raise SystemExit(f"hostile_client: error: the broker took case {case} as {user} to {exchange}, "
                             "which it must refuse")
        if expect == "refused":
            self.refused_copies[target_of(exchange, routing_key)] += 1

    def raw(self, case, user, exchange, routing_key, message, type_name, **kwargs):
        self.send(case, user, exchange, routing_key, json.dumps(message), message_type=urn(type_name), **kwargs)

    def named_cases(self, my_incident):
        e = self.epoch
        # A raw JSON message with no type header, on every endpoint that hosts several consumers.
        self.send("no type header", "console", CLOCK_CHANGE, "", json.dumps({"requestedBy": "x"}))
        self.send("no type header", "workload", RAISED, "", json.dumps(incident("INC-X-NOTYPE", e)))
        self.send("no type header", "desk-my", ACKNOWLEDGED, "", json.dumps({"incidentId": my_incident, "deskId": "my"}))
        self.forged_acknowledgements[my_incident] = self.forged_acknowledgements.get(my_incident, 0) + 1
        self.send("no type header", "dispatch", ASSIGNMENTS, "my", json.dumps(assignment("INC-X-NOTYPE-A", "my", e)))
        # A clock change that is not one: no change named, nobody named, a speed that is no speed.
        self.raw("bad clock change", "console", CLOCK_CHANGE, "", {"simulatedAt": e}, "SimulationClockChangeRequested")
        self.raw("bad clock change", "console", CLOCK_CHANGE, "", {"change": 7, "requestedBy": "x", "simulatedAt": e}, "SimulationClockChangeRequested")
        self.raw("bad clock change", "console", CLOCK_CHANGE, "", {"change": 2, "speed": -5, "requestedBy": "x", "simulatedAt": e}, "SimulationClockChangeRequested")
        self.raw("bad clock change", "console", CLOCK_CHANGE, "", {"change": 0, "requestedBy": "", "simulatedAt": e}, "SimulationClockChangeRequested")
        # A second incident under a message id already used, with other content.
        reused = str(uuid.uuid4())
        self.raw("reused message id", "workload", RAISED, "", incident("INC-X-REUSED-1", e), "IncidentRaised", expect="booked", message_id=reused)
        self.raw("reused message id", "workload", RAISED, "", incident("INC-X-REUSED-2", e), "IncidentRaised", message_id=reused)
        self.reused_pairs.append(["INC-X-REUSED-1", "INC-X-REUSED-2"])
        # Desks acting for each other.
        self.raw("forged sender", "desk-us", RESOLVED, "", {"incidentId": my_incident, "deskId": "my", "simulatedAt": e}, "IncidentResolved")
        self.raw("forged sender", "desk-us", ACKNOWLEDGED, "", {"incidentId": my_incident, "deskId": "us", "simulatedAt": e}, "IncidentAcknowledged")
        self.forged_acknowledgements[my_incident] += 1
        # The right desk, but no user-id for the broker to vouch for.
        self.raw("no user id", "desk-my", ACKNOWLEDGED, "", {"incidentId": my_incident, "deskId": "my", "simulatedAt": e}, "IncidentAcknowledged", stamped=False)
        self.forged_acknowledgements[my_incident] += 1
        self.raw("forged sender", "desk-my", DESK_STATE, "", {"deskId": "us", "human": False, "faults": [], "simulatedAt": e,
                                                               "started": True, "instance": str(uuid.uuid4())}, "DeskStateReported")
        # Work one desk hands another that dispatch never escalated. (A desk's user assigning its
        # own desk work is that desk's own doing: dispatch books none of it.)
        self.raw("forged sender", "desk-my", ASSIGNMENTS, "us", assignment("INC-X-NEVER-ASSIGNED", "us", e), "IncidentAssigned")
        self.raw("forged sender", "desk-us", ASSIGNMENTS, "my", assignment("INC-X-NEVER-ASSIGNED-2", "my", e), "IncidentAssigned")
        # A user id that is not the connection's own, and exchanges a user may not write to.
        self.raw("lying user id", "desk-my", RESOLVED, "", {"incidentId": my_incident, "deskId": "us", "simulatedAt": e},
                 "IncidentResolved", expect="broker", user_id="desk-us")
        self.raw("exchange not permitted", "workload", CLOCK_CHANGE, "", {"change": 0, "requestedBy": "x", "simulatedAt": e},
                 "SimulationClockChangeRequested", expect="broker")
        self.raw("exchange not permitted", "desk-us", RAISED, "", incident("INC-X-DESK-RAISE", e), "IncidentRaised", expect="broker")
        self.send("default exchange not permitted", "dispatch", "", "desk-my", json.dumps(assignment("INC-X-DIRECT", "my", e)),
                  expect="broker", message_type=urn("IncidentAssigned"))

    def generated(self, count, my_incident):
        kinds = [self.truncated, self.garbage, self.unknown_type, self.lying_type, self.impossible_incident,
                 self.impossible_assignment, self.missing_fields, self.wrong_json_shape, self.oversized,
                 self.reused_id, self.forged]
        for n in range(count):
            self.rng.choice(kinds)(n, my_incident)

    def sound_raise(self, n):
        return incident(f"INC-X-{n:05d}", self.epoch, severity=self.rng.randint(1, 4), type_=self.rng.randint(0, 8))

    def truncated(self, n, _):
        body = json.dumps(self.sound_raise(n))
        self.send("truncated", "workload", RAISED, "", body[: self.rng.randint(0, len(body) - 1)], message_type=urn("IncidentRaised"))

    def garbage(self, n, _):
        body = bytes(self.rng.getrandbits(8) for _ in range(self.rng.randint(1, 400)))
        user, exchange, key = self.rng.choice([("workload", RAISED, ""), ("dispatch", ASSIGNMENTS, "us"), ("desk-my", ACKNOWLEDGED, "")])
        content_type = self.rng.choice(["application/json", "application/vnd.masstransit+json", "application/octet-stream", "text/plain"])
        self.send("garbage", user, exchange, key, body, content_type=content_type, message_type=urn("IncidentRaised"))

    def unknown_type(self, n, _):
        user, exchange, key = self.rng.choice([("workload", RAISED, ""), ("dispatch", ASSIGNMENTS, "my"), ("console", CLOCK_CHANGE, "")])
        self.raw("unknown type", user, exchange, key, {"anything": n}, f"NoSuchMessage{n}")

    def lying_type(self, n, _):
        # An incident's body under the type of a clock change, and the other way round.
        if self.rng.random() < 0.5:
            self.raw("lying type header", "console", CLOCK_CHANGE, "", self.sound_raise(n), "SimulationClockChangeRequested")
        else:
            self.raw("lying type header", "workload", RAISED, "", {"change": 0, "requestedBy": "x", "simulatedAt": self.epoch}, "IncidentRaised")

    def impossible_incident(self, n, _):
        message = self.sound_raise(n)
        field, value = self.rng.choice([
            ("severity", self.rng.choice([0, 5, 99, -1])),
            ("type", self.rng.choice([-1, 9, 42])),
            ("workMinutes", self.rng.choice([-5, -0.001, 1e12, 525_601])),
            ("incidentId", self.rng.choice(["", "   ", "I" * 129])),
            ("summary", "s" * self.rng.randint(2_001, 6_000)),
            ("clusterId", "c" * self.rng.randint(129, 1_000)),
        ])
        message[field] = value
        self.raw("impossible values", "workload", RAISED, "", message, "IncidentRaised")

    def impossible_assignment(self, n, _):
        desk = self.rng.choice(["us", "my"])
        message = assignment(f"INC-X-A{n:05d}", desk, self.epoch)
        field, value = self.rng.choice([
            ("workMinutes", self.rng.choice([-1, 1e15])),
            ("severity", 17),
            ("type", 77),
            ("incidentId", self.rng.choice(["", "A" * 300])),
        ])
        message[field] = value
        self.raw("impossible values", "dispatch", ASSIGNMENTS, desk, message, "IncidentAssigned")

    def missing_fields(self, n, my_incident):
        if self.rng.random() < 0.5:
            self.raw("missing fields", "workload", RAISED, "", {"severity": 2}, "IncidentRaised")
        else:
            self.raw("missing fields", "desk-my", RESOLVED, "", {"simulatedAt": self.epoch}, "IncidentResolved")

    def wrong_json_shape(self, n, _):
        body = self.rng.choice(["[]", "null", "42", "\"text\"", "{\"incidentId\": {\"nested\": true}}", "{\"severity\": \"high\"}"])
        self.send("wrong JSON shape", "workload", RAISED, "", body, message_type=urn("IncidentRaised"))

    def oversized(self, n, _):
        # Large, but a few at most: the point is that a big body is refused, not the broker's disk.
        size = self.rng.choice([64 * 1024, 512 * 1024, 2 * 1024 * 1024]) if n % 50 == 0 else 20_000
        self.raw("oversized", "workload", RAISED, "", incident(f"INC-X-BIG{n:05d}", self.epoch, summary="x" * size), "IncidentRaised")

    def reused_id(self, n, _):
        reused = str(uuid.uuid4())
        first, second = f"INC-X-R{n:05d}", f"INC-X-R{n:05d}-OTHER"
        self.raw("reused message id", "workload", RAISED, "", incident(first, self.epoch), "IncidentRaised", expect="booked", message_id=reused)
        self.raw("reused message id", "workload", RAISED, "", incident(second, self.epoch, severity=1), "IncidentRaised", message_id=reused)
        self.reused_pairs.append([first, second])

    def forged(self, n, my_incident):
        kind = self.rng.randrange(3)
        if kind == 0:
            self.raw("forged sender", "desk-us", RESOLVED, "", {"incidentId": my_incident, "deskId": "my", "simulatedAt": self.epoch}, "IncidentResolved")
        elif kind == 1:
            self.raw("forged sender", "desk-my", DESK_STATE, "", {"deskId": "us", "human": False, "faults": [], "simulatedAt": self.epoch,
                                                                   "started": True, "instance": str(uuid.uuid4())}, "DeskStateReported")
        else:
            self.raw("forged sender", "desk-us", ASSIGNMENTS, "my", assignment(f"INC-X-F{n:05d}", "my", self.epoch), "IncidentAssigned")


def attack():
    rng = random.Random(int(setting("HOSTILE_SEED", "1")))
    count = int(setting("HOSTILE_COUNT", "1000"))
    publisher = Publisher()
    run = Attack(publisher, setting("HOSTILE_EPOCH"), rng)
    try:
        my_incident = setting("HOSTILE_MY_INCIDENT")
        run.named_cases(my_incident)
        run.generated(count, my_incident)
    finally:
        publisher.close()
    json.dump({
        "sent": run.sent,
        "refusedCopies": run.refused_copies,
        "reusedPairs": run.reused_pairs,
        "forgedAcknowledgements": run.forged_acknowledgements,
        "brokerRefused": len(run.broker_refused),
        "brokerRefusals": run.broker_refused,
        "cases": run.cases,
    }, sys.stdout)


# What each user must not do: (action, resource) pairs. A user's own queue, and the exchanges it
# publishes to or reads, are left out: MassTransit declares those, which RabbitMQ's configure
# permission covers.
FORBIDDEN = {
    "workload": [("read", "dispatch"), ("read", "desk-us"), ("read", "desk-my"), ("configure", "dispatch"),
                 ("write", CLOCK_CHANGE), ("write", ASSIGNMENTS), ("write", ACKNOWLEDGED), ("write", DESK_STATE),
                 ("write", ""), ("bind", ASSIGNMENTS), ("configure", ASSIGNMENTS), ("delete", ASSIGNMENTS)],
    "dispatch": [("read", "desk-us"), ("read", "desk-my"), ("configure", "desk-us"), ("write", ACKNOWLEDGED),
                 ("write", RAISED), ("write", CLOCK_CHANGE), ("write", ""), ("delete-queue", "desk-my")],
    "desk-us": [("read", "dispatch"), ("read", "desk-my"), ("configure", "desk-my"), ("write", RAISED),
                ("write", CLOCK_CHANGE), ("write", ""), ("bind-key", "my"), ("bind-key", "#"), ("delete-queue", "dispatch"),
                ("delete-queue", "desk-my")],
    "desk-my": [("read", "dispatch"), ("read", "desk-us"), ("configure", "desk-us"), ("write", RAISED),
                ("write", CLOCK_CHANGE), ("write", ""), ("bind-key", "us"), ("bind-key", "#"), ("delete-queue", "dispatch"),
                ("delete-queue", "desk-us")],
    "console": [("read", "dispatch"), ("read", "desk-us"), ("read", "desk-my"), ("configure", "desk-us"),
                ("write", ACKNOWLEDGED), ("write", RESOLVED), ("write", ""), ("delete-queue", "dispatch")],
}


# A queue inside each user's own temporary-queue pattern (host_process_clock_tag), which it may
# declare: a tap would be bound there.
OWN_TEMPORARY_QUEUE = {
    "workload": "hostile_MalaysiaOpsWorkloadWorker_clock_tap",
    "desk-us": "hostile_MalaysiaOpsDeskUnitedStatesWorker_clock_tap",
    "desk-my": "hostile_MalaysiaOpsDeskMalaysiaWorker_clock_tap",
}


def try_action(publisher, user, action, resource):
    """Returns None when the broker allowed the action, else its refusal."""
    try:
        channel = publisher.channel(user)
        if action == "read":
            channel.basic_get(resource, auto_ack=False)
        elif action == "configure":
            channel.queue_declare(resource, durable=True, arguments={"x-queue-type": "quorum"})
        elif action == "delete-queue":
            channel.queue_delete(resource, if_unused=True, if_empty=True)
        elif action == "write":
            return publisher.publish(user, resource, "dispatch" if resource == "" else "", "{}", message_type=urn("NoSuchMessage"))
        elif action == "delete":
            channel.exchange_delete(resource, if_unused=True)
        elif action in ("bind", "bind-key"):
            queue = OWN_TEMPORARY_QUEUE[user]
            channel.queue_declare(queue, exclusive=True, auto_delete=True)
            channel.queue_bind(queue, ASSIGNMENTS, routing_key="my" if action == "bind" else resource)
        return None
    except pika.exceptions.ChannelClosedByBroker as closed:
        publisher.channels.pop(user, None)
        return f"{closed.reply_code} {closed.reply_text}"


def audit():
    publisher = Publisher()
    attempts = []
    try:
        for user, forbidden in FORBIDDEN.items():
            for action, resource in forbidden:
                refusal = try_action(publisher, user, action, resource)
                attempts.append({"user": user, "action": action, "resource": resource or "(default exchange)",
                                 "refused": refusal is not None, "reason": refusal or ""})
    finally:
        publisher.close()
    json.dump({"attempts": attempts}, sys.stdout)


def main():
    mode = sys.argv[1] if len(sys.argv) == 2 else ""
    if mode == "attack":
        attack()
    elif mode == "audit":
        audit()
    else:
        sys.exit("usage: hostile_client.py attack|audit (settings from HOSTILE_* variables)")


if __name__ == "__main__":
    main()
