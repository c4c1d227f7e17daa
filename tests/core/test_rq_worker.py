"""The RQ worker's warm shutdown does not hang (masthead/core/rq_worker.py says why it could).

The race is forced: the pub/sub listener thread is given time to read the UNSUBSCRIBE reply
before the worker goes on to stop it, which is the order that hung a graceful stop in CI.
"""

import shutil
import time

import pytest
import redis
from redis.client import PubSub
from rq.worker import Worker as StockWorker

from masthead.core.rq_worker import Worker
from tests.helpers import RedisServer

pytestmark = pytest.mark.skipif(not shutil.which("redis-server"), reason="needs redis-server")


@pytest.fixture
def own_redis():
    server = RedisServer()
    yield redis.Redis.from_url(server.url)
    server.stop()


def unsubscribe_after_the_listener_read_the_reply(worker):
    """Seconds `worker.unsubscribe()` takes when the listener thread wins the race."""
    worker.subscribe()
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
    assert unsubscribe_after_the_listener_read_the_reply(Worker(["default"], connection=own_redis)) < 3


def test_the_stock_worker_hangs_in_the_same_order_so_the_test_above_can_fail(own_redis, monkeypatch):
    # rq's own worker, same forced order: its listener waits out redis-py's poll interval. rq sets
    # 60 s; 4 s here, so this proof that the race is real costs seconds.
    run_in_thread = PubSub.run_in_thread
    monkeypatch.setattr(
        PubSub, "run_in_thread", lambda pubsub, **kw: run_in_thread(pubsub, **kw | {"sleep_time": 4})
    )
    worker = StockWorker(["default"], connection=own_redis)
    assert unsubscribe_after_the_listener_read_the_reply(worker) >= 3
