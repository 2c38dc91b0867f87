"""Shared pieces of the interop cases: limits, echo constants, a blocking request pipe, status checks."""

import threading

import grpc

GUARD = 30.0  # seconds; a failure guard so a hung server fails the case instead of hanging it
MIB4 = 4 * 1024 * 1024
ECHO_INITIAL = ("x-grpc-test-echo-initial", "test_initial_metadata_value")
ECHO_TRAILING = ("x-grpc-test-echo-trailing-bin", b"\xab\xab\xab")
SPECIAL_MESSAGE = "\t\ntest with whitespace\r\nand Unicode BMP \u263a and non-BMP \U0001f608\t\n"


class Pipe:
    """A blocking request iterator for client and bidi streams."""

    def __init__(self):
        self._cond = threading.Condition()
        self._items = []
        self._closed = False

    def add(self, item):
        with self._cond:
            self._items.append(item)
            self._cond.notify()

    def close(self):
        with self._cond:
            self._closed = True
            self._cond.notify()

    def __iter__(self):
        return self

    def __next__(self):
        with self._cond:
            while not self._items and not self._closed:
                self._cond.wait()
            if self._items:
                return self._items.pop(0)
            raise StopIteration()


def expect_status(code, fn, details=None):
    try:
        fn()
    except grpc.RpcError as e:
        assert e.code() == code, "expected %s, got %s: %s" % (code, e.code(), e.details())
        if details is not None:
            assert e.details() == details, "expected details %r, got %r" % (details, e.details())
        return e
    raise AssertionError("expected status %s, call succeeded" % code)
