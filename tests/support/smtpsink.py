#!/usr/bin/python3
"""A local SMTP server for tests and the demo: every message it accepts is stored as one
.eml file in a folder. It can be told to refuse messages: while the file REFUSE exists in the
folder, DATA is answered with the reply in that file (default "550 5.7.1 Refused by the test
sink"), e.g. "451 4.3.0 Try again later" for a temporary refusal.

Usage: smtpsink.py --dir FOLDER [--host 127.0.0.1] [--port 0]
Prints "smtpsink listening on HOST:PORT" once it accepts connections (port 0: a free one).
"""
import argparse
import os
import signal
import socket
import sys
import threading
import time

from aiosmtpd.controller import Controller


class StoreHandler:
    def __init__(self, folder):
        self.folder = folder
        self.count = 0
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        refuse = os.path.join(self.folder, "REFUSE")
        if os.path.exists(refuse):
            with open(refuse, encoding="utf-8") as f:
                reply = f.read().strip()
            return reply or "550 5.7.1 Refused by the test sink"
        with self.lock:
            self.count += 1
            number = self.count
        name = "%06d-%d.eml" % (number, os.getpid())
        partial = os.path.join(self.folder, "." + name + ".part")
        with open(partial, "wb") as f:
            f.write(b"X-Sink-Mail-From: " + envelope.mail_from.encode() + b"\r\n")
            f.write(b"X-Sink-Rcpt-To: " + ",".join(envelope.rcpt_tos).encode() + b"\r\n")
            f.write(envelope.original_content or envelope.content)
        os.replace(partial, os.path.join(self.folder, name))  # complete files only
        return "250 Message accepted for delivery"


def free_port(host):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dir", required=True, help="folder for the received messages")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="0: a free port")
    args = parser.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    port = args.port or free_port(args.host)
    controller = Controller(StoreHandler(args.dir), hostname=args.host, port=port,
                            data_size_limit=20 * 1024 * 1024)
    controller.start()
    print("smtpsink listening on %s:%d" % (args.host, port), flush=True)
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    while not stop.is_set():
        time.sleep(0.2)
    controller.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
