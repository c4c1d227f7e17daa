"""The RQ worker's warm shutdown does not hang and does not break (masthead/core/rq_worker.py says
why it could do either).

The races are forced: the pub/sub listener thread is given time to read the UNSUBSCRIBE reply
before the worker goes on to stop it (the order that hung a graceful stop in CI), or a message
wakes it just as the shutdown begins (the gap in which the first fix let it close the connection
under the UNSUBSCRIBE being written).
"""

import json
import shutil
import time

import pytest
import redis
from redis.client import PubSub
from rq.worker import Worker as StockWorker

from masthead.core.rq_worker import Worker
from tests.helpers import RedisServer, wait_for

pytestmark = pytest.mark.skipif(not shutil.which("redis-server"), reason="needs redis-server")


@pytest.fixture
def own_redis():
    server = RedisServer()
    yield redis.Redis.from_url(server.url)
    server.stop()


def subscribed(worker):
    worker.subscribe()
    # The listener has read the SUBSCRIBE confirmation and waits for messages, as in a running worker.
    wait_for(lambda: worker.pubsub.subscribed, timeout=5, message="the worker's subscription")
    return worker


def unsubscribe_after_the_listener_read_the_reply(worker):
    """Seconds `worker.unsubscribe()` takes when the listener thread wins the race."""
    send_unsubscribe = worker.pubsub.unsubscribe

    def unsubscribe_then_yield(*args):
        send_unsubscribe(*args)
        time.sleep(0.5)  # the listener reads the reply and goes round its loop meanwhile

    worker.pubsub.unsubscribe = unsubscribe_then_yield
    started = time.monotonic()
    worker.unsubscribe()
    elapsed = time.monotonic() - started
    assert not worker.pubsub_thread.is_alive()
    return elapsed


def test_a_warm_shutdown_stops_the_listener_at_once_even_when_it_wins_the_race(own_redis):
    worker = subscribed(Worker(["default"], connection=own_redis))
    assert unsubscribe_after_the_listener_read_the_reply(worker) < 3


def test_a_message_as_the_shutdown_begins_does_not_close_the_connection_under_it(own_redis):
    worker = subscribed(Worker(["default"], connection=own_redis))
    send_unsubscribe = worker.pubsub.unsubscribe
    alive_when_sent = []

    def wake_the_listener_then_unsubscribe(*args):
        # A command for this worker arrives (an unknown one: rq ignores it); the listener wakes,
        # handles it and goes round its loop before UNSUBSCRIBE is written.
        own_redis.publish(worker.pubsub_channel_name, json.dumps({"command": "none"}))
        time.sleep(0.5)
        alive_when_sent.append(worker.pubsub_thread.is_alive())
        return send_unsubscribe(*args)

    worker.pubsub.unsubscribe = wake_the_listener_then_unsubscribe
    worker.unsubscribe()
    # Still listening when UNSUBSCRIBE went out: the listener closes the connection only after.
    assert alive_when_sent == [True]
    assert not worker.pubsub_thread.is_alive()


def test_the_stock_worker_hangs_in_the_same_order_so_the_first_test_can_fail(own_redis, monkeypatch):
    # rq's own worker, same forced order: its listener waits out redis-py's poll interval. rq sets
    # 60 s; 4 s here, so this proof that the race is real costs seconds.
    run_in_thread = PubSub.run_in_thread
    monkeypatch.setattr(
        PubSub, "run_in_thread", lambda pubsub, **kw: run_in_thread(pubsub, **kw | {"sleep_time": 4})
    )
    worker = subscribed(StockWorker(["default"], connection=own_redis))
    assert unsubscribe_after_the_listener_read_the_reply(worker) >= 3
