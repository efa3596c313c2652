#!/usr/bin/env python3
"""A partner's destination-inquiry endpoint, for the sandbox's tests: DANA calls it, it answers.

The path picks the behaviour: POST /<variant>/destination/inquiry. `conformant` answers as
document 003 says; every other variant breaks one rule. Each request's DANA signature is checked
with the `openssl` command (an implementation other than the sandbox's) over the exact text of the
request member, found by Python's own JSON decoder; the outcome is appended to --log as one JSON
line, so a test can assert what the sandbox sent. Answers are signed with the `openssl` command
too, with --partner-key.

Standard library only. Prints the port it listens on, then serves until killed.
"""
import argparse
import base64
import datetime
import http.server
import json
import os
import socket
import socketserver
import ssl
import struct
import subprocess
import sys
import tempfile
import threading
import time

DECODER = json.JSONDecoder()
JAKARTA = datetime.timezone(datetime.timedelta(hours=7))
LOG_LOCK = threading.Lock()


def skip_space(text, index):
    while index < len(text) and text[index] in " \t\r\n":
        index += 1
    return index


def member_text(text, name):
    """The exact text of a top-level member's value."""
    index = skip_space(text, 0)
    if text[index] != "{":
        raise ValueError("not an object")
    index += 1
    while True:
        index = skip_space(text, index)
        key, index = DECODER.raw_decode(text, index)
        index = skip_space(text, index)
        if text[index] != ":":
            raise ValueError("no colon")
        index = skip_space(text, index + 1)
        start = index
        _, index = DECODER.raw_decode(text, index)
        if key == name:
            return text[start:index]
        index = skip_space(text, index)
        if text[index] != ",":
            raise ValueError("no member " + name)
        index += 1


def openssl_verifies(message, signature_b64, public_key):
    try:
        signature = base64.b64decode(signature_b64, validate=True)
    except Exception:
        return False
    with tempfile.NamedTemporaryFile() as file:
        file.write(signature)
        file.flush()
        result = subprocess.run(
            ["openssl", "dgst", "-sha256", "-verify", public_key, "-signature", file.name],
            input=message, capture_output=True,
        )
    return result.returncode == 0


def openssl_sign(message, private_key):
    result = subprocess.run(["openssl", "dgst", "-sha256", "-sign", private_key], input=message, capture_output=True, check=True)
    return base64.b64encode(result.stdout).decode()


def compact(value):
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def result_for(destination, variant):
    primary = destination.get("primaryParam", "")
    if primary.startswith("sandbox-unknown") and variant != "knows-everyone":
        return {
            "inquiryId": "inq-" + primary[-8:],
            "inquiryStatus": {"code": "20", "status": "FAILED", "message": "Invalid Destination"},
            "destinationInfo": {"primaryParam": primary, "secondaryParam": destination.get("secondaryParam", "")},
        }
    result = {
        "inquiryId": "inq-" + primary[:20],
        "inquiryStatus": {"code": "10", "status": "SUCCESS", "message": "Success"},
        "destinationInfo": {"primaryParam": primary, "secondaryParam": destination.get("secondaryParam", "")},
        "customerName": "John Rambo",
        "period": ["2001-07-01T00:00:00+00:00", "2001-08-01T00:00:00+00:00"],
        "totalAmount": {"value": "20000000", "currency": "IDR"},
        "baseAmount": {"value": "10000000", "currency": "IDR"},
        "adminFee": {"value": "250000", "currency": "IDR"},
        "providerName": "PLN Palyja",
        "fineAmount": None,
        "dueDate": "2019-07-01T00:00:00+07:00",
        "meterNumber": "1234567890",
        "type": "ELECTRICITY",
        "billDetail": [{"customerName": "John Rambo", "invoiceNumber": "INV-1", "amount": {"value": "10000000", "currency": "IDR"}, "description": "July"}],
    }
    if "billAmount" in destination:
        result["destinationInfo"]["billAmount"] = destination["billAmount"]
    if variant == "undocumented-status":
        result["inquiryStatus"] = {"code": "77", "status": "SUCCESS", "message": "Success"}
    if variant == "missing-customer-name":
        del result["customerName"]
    if variant == "decimal-amount":
        result["totalAmount"] = {"value": "200000.00", "currency": "IDR"}
    if variant == "bad-due-date":
        result["dueDate"] = "2019-07-01"
    if variant == "bad-bill-detail":
        del result["billDetail"][0]["invoiceNumber"]
    if variant == "wrong-destination":
        result["destinationInfo"]["primaryParam"] = "999"
    return result


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_POST(self):
        parts = self.path.strip("/").split("/")
        variant = parts[0] if len(parts) == 3 and parts[1:] == ["destination", "inquiry"] else "unknown-path"
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        text = body.decode("utf-8")
        try:
            request = json.loads(text)
            member = member_text(text, "request").encode("utf-8")
            verified = openssl_verifies(member, request.get("signature", ""), self.server.dana_public_key)
        except Exception as error:
            request, member, verified = None, b"", False
            self.record({"variant": variant, "error": str(error)})
        else:
            self.record({
                "variant": variant, "verified": verified, "contentType": self.headers.get("Content-Type"),
                "head": request["request"]["head"], "body": request["request"]["body"],
            })
        if variant == "unknown-path":
            return self.answer(404, b'{"error":"no such variant"}')
        if not verified and variant != "ignores-signature":
            return self.answer(401, b'{"error":"invalid signature"}')
        if variant == "slow":
            time.sleep(9)
        if variant == "reset":
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()
            self.close_connection = True
            return
        if variant == "not-json":
            return self.answer(200, b"OK", content_type="text/plain")
        if variant == "http-500":
            return self.answer(500, b'{"error":"boom"}')
        if variant == "http-403":
            return self.answer(403, b'{"error":"forbidden"}')
        if variant == "http-400":
            return self.answer(400, b'{"error":"illegal parameter"}')
        head = request["request"]["head"]
        response = {
            "head": {
                "version": "2.0",
                "function": "dana.other.function" if variant == "wrong-function" else head["function"],
                "respTime": "2019-07-01 10:00:00" if variant == "bad-resp-time" else datetime.datetime.now(JAKARTA).strftime("%Y-%m-%dT%H:%M:%S+07:00"),
                "reqMsgId": "not-the-request-id" if variant == "wrong-req-msg-id" else head["reqMsgId"],
            },
            "body": {"inquiryResults": [result_for(d, variant) for d in request["request"]["body"]["destinationInfos"]]},
        }
        if variant == "missing-results":
            response["body"] = {}
        if variant == "too-few-results":
            response["body"]["inquiryResults"] = response["body"]["inquiryResults"][:1]
        member = compact(response).encode("utf-8")
        envelope = {"response": "MEMBER"}
        if variant != "no-signature":
            key = self.server.other_key if variant == "wrong-signature" else self.server.partner_key
            envelope["signature"] = openssl_sign(member, key)
        payload = compact(envelope).replace('"MEMBER"', member.decode("utf-8"), 1).encode("utf-8")
        if variant == "no-envelope":
            payload = member
        self.answer(200, payload, chunked=variant == "chunked")

    def answer(self, status, payload, content_type="application/json", chunked=False):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        if chunked:
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            for start in range(0, len(payload), 100):
                piece = payload[start:start + 100]
                self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
            self.wfile.write(b"0\r\n\r\n")
        else:
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

    def record(self, entry):
        with LOG_LOCK, open(self.server.log, "a") as file:
            file.write(json.dumps(entry) + "\n")


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dana-public-key", required=True)
    parser.add_argument("--partner-key", required=True)
    parser.add_argument("--other-key", required=True)
    parser.add_argument("--log", required=True)
    parser.add_argument("--cert")
    parser.add_argument("--cert-key")
    options = parser.parse_args()
    server = Server(("127.0.0.1", 0), Handler)
    server.dana_public_key = options.dana_public_key
    server.partner_key = options.partner_key
    server.other_key = options.other_key
    server.log = options.log
    if options.cert:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(options.cert, options.cert_key)
        server.socket = context.wrap_socket(server.socket, server_side=True)
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
