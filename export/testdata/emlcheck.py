"""Reads a mail file with Python's standard email package, as a mail
client would, and prints as JSON what it finds: the decoded headers, the
texts, and each attachment with its type, name and SHA-256.

Usage: python3 emlcheck.py FILE.eml
"""
import email
import email.policy
import hashlib
import json
import sys

with open(sys.argv[1], "rb") as f:
    msg = email.message_from_binary_file(f, policy=email.policy.default)

out = {
    "defects": [str(d) for part in msg.walk() for d in part.defects],
    "subject": str(msg["subject"]),
    "from": [a.addr_spec for a in msg["from"].addresses] if msg["from"] else [],
    "to": [[a.display_name, a.addr_spec] for a in msg["to"].addresses] if msg["to"] else [],
    "unsent": msg["x-unsent"],
    "type": msg.get_content_type(),
    "plain": msg.get_body(preferencelist=("plain",)).get_content(),
    "html": msg.get_body(preferencelist=("html",)).get_content(),
    "attachments": [],
}
for part in msg.iter_attachments():
    data = part.get_content()
    if isinstance(data, str):
        data = part.get_payload(decode=True)
    out["attachments"].append({
        "filename": part.get_filename(),
        "type": part.get_content_type(),
        "method": part.get_param("method"),
        "sha256": hashlib.sha256(data).hexdigest(),
    })
print(json.dumps(out, ensure_ascii=False))
