"""The RQ worker `manage.py worker` runs when tasks go through Redis.

It is rq's own worker with one fix: a warm shutdown that could hang for a minute.

rq 3.0's `unsubscribe()` sends UNSUBSCRIBE and only then stops the pub/sub listener thread. If
that thread reads the UNSUBSCRIBE reply before `stop()` clears its running flag, it goes round
its loop once more, finds the connection no longer subscribed and waits on redis-py's
`subscribed_event` for its whole poll interval (60 s, set by rq), and `stop()` joins it without a
timeout. Under load the thread wins that race often enough to fail a deploy's graceful stop (it
failed CI once: docs/notes/stop-29.md). Clearing the flag *before* UNSUBSCRIBE is sent means the
thread's next check, right after it reads the reply, ends the loop.
"""

from rq.worker import Worker as RQWorker


class Worker(RQWorker):
    def unsubscribe(self):
        if self.pubsub_thread:
            # Clears the running flag only: joining here (timeout=0) returns at once; the parent
            # then unsubscribes and joins a thread that will exit on the reply it is waiting for.
            self.pubsub_thread.stop(timeout=0)
        super().unsubscribe()
