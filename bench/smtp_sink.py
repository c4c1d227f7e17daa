"""A counting SMTP sink for the newsletter benchmark: accepts everything, keeps nothing.

    python bench/smtp_sink.py PORT COUNT_FILE

Runs in its own process (its own core, its own GIL), like a real mail server would. Writes the
number of messages received to COUNT_FILE every half second and on exit.
"""

import asyncio
import signal
import sys
import threading
from pathlib import Path

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self):
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        self.count += len(envelope.rcpt_tos)
        return "250 OK"


def main():
    port, count_file = int(sys.argv[1]), Path(sys.argv[2])
    sink = Sink()
    controller = Controller(sink, hostname="127.0.0.1", port=port, data_size_limit=None)
    controller.start()
    done = threading.Event()
    signal.signal(signal.SIGTERM, lambda *a: done.set())
    signal.signal(signal.SIGINT, lambda *a: done.set())
    print("ready", flush=True)
    while not done.wait(0.5):
        count_file.write_text(str(sink.count))
    controller.stop()
    count_file.write_text(str(sink.count))


if __name__ == "__main__":
    asyncio.set_event_loop(asyncio.new_event_loop())
    main()
