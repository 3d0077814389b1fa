#!/usr/bin/env python3
# Reference host written the way the browsers' native messaging documentation example does it
# (struct.unpack('@I') on a 4-byte header, json.loads, json.dumps, sys.stdout.buffer.write + flush).
# It is the "what a typical host costs" yardstick for bench/driver: it answers `hello` and
# `page_state` with replies shaped like the real host's (docs/protocol.md), judging controls by key
# only, without a ruleset file or a state store.
import json
import struct
import sys

# The keys of the first pages of the walkthrough; enough to give the verdict real content.
SETTINGS = {
    "allowDataForGenerativeAI": "data-for-ai-improvement",
    "allowLinkedInAudienceNetwork": "ads-beyond-linkedin",
}


def get_message():
    raw_length = sys.stdin.buffer.read(4)
    if len(raw_length) < 4:
        sys.exit(0)
    message_length = struct.unpack('@I', raw_length)[0]
    message = sys.stdin.buffer.read(message_length).decode('utf-8')
    return json.loads(message)


def encode_message(message_content):
    encoded_content = json.dumps(message_content, separators=(',', ':')).encode('utf-8')
    encoded_length = struct.pack('@I', len(encoded_content))
    return encoded_length + encoded_content


def send_message(encoded_message):
    sys.stdout.buffer.write(encoded_message)
    sys.stdout.buffer.flush()


def verdict(message):
    highlight, ok, unknown = [], [], []
    for control in message.get("controls", []):
        setting = SETTINGS.get(control.get("key"))
        if setting is None:
            unknown.append({"key": control.get("key"), "label": control.get("label"), "why": "not_in_ruleset"})
        elif control.get("checked") is None:
            unknown.append({"key": control.get("key"), "label": control.get("label"), "why": "unreadable"})
        elif control.get("checked"):
            highlight.append({"key": control["key"], "setting": setting, "action": "switch-off",
                              "severity": "ai-training", "reason": "Switch it off."})
        else:
            ok.append(control["key"])
    return {"type": "verdict", "id": message.get("id"), "url": message.get("url"),
            "setting": None, "highlight": highlight, "ok": ok, "unknown": unknown, "drift": [],
            "progress": {"done": 0, "total": len(SETTINGS), "remaining": len(SETTINGS)},
            "next": None}


while True:
    received = get_message()
    kind = received.get("type") if isinstance(received, dict) else None
    if kind == "hello":
        reply = {"type": "hello", "id": received.get("id"), "host_version": "0.0.0", "protocol": 1,
                 "ruleset": {"name": "linkedin", "version": "reference", "count": len(SETTINGS)}}
    elif kind == "page_state":
        reply = verdict(received)
    else:
        reply = {"type": "error", "id": None, "code": "unknown_type", "message": "unknown type"}
    send_message(encode_message(reply))
