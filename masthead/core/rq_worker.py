"""The RQ worker `manage.py worker` runs when tasks go through Redis.

It is rq's own worker with one change: its pub/sub listener polls every second, not every minute,
so a warm shutdown cannot hang for a minute.

rq 3.0's `unsubscribe()` sends UNSUBSCRIBE, then stops the listener thread and joins it without a
timeout. If that thread reads the UNSUBSCRIBE reply before `stop()` clears its running flag, it
goes round its loop once more, finds the connection no longer subscribed and waits on redis-py's
`subscribed_event` for its whole poll interval (`sleep_time`, 60 s in rq). Under load the thread
wins that race often enough to fail a deploy's graceful stop (it failed CI once:
docs/notes/stop-29.md). With a one-second poll the wait is at most a second.

Clearing the flag *before* UNSUBSCRIBE, the first fix tried, is not safe: a thread that wakes in
that gap (a message, or a poll timing out) ends its loop and closes the connection while
UNSUBSCRIBE is being written on it ("Bad file descriptor", docs/notes/stop-30.md). rq's order,
with the flag cleared only after UNSUBSCRIBE is sent, never closes the connection under the send.

The cost of the shorter poll is one `poll()` system call a second in an idle worker; no command
goes to Redis (no health-check interval is set).
"""

from rq.worker import Worker as RQWorker

LISTENER_POLL_SECONDS = 1


class Worker(RQWorker):
    def subscribe(self):
        """rq's subscribe(), with the listener's poll interval shortened (the docstring above)."""
        self.log.info("Worker %s: subscribing to channel %s", self.name, self.pubsub_channel_name)
        self.pubsub = self.connection.pubsub()
        self.pubsub.subscribe(**{self.pubsub_channel_name: self.handle_payload})
        self.pubsub_thread = self.pubsub.run_in_thread(
            sleep_time=LISTENER_POLL_SECONDS, daemon=True, exception_handler=self._pubsub_exception_handler
        )
