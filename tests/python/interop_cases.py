"""The standard gRPC interop test cases (grpc/doc/interop-test-descriptions.md), plus message
size limits, health and reflection, written against grpcio's generic multi-callables.

Each case raises AssertionError (or grpc.RpcError) on failure. Where grpcio cannot do what a
case asks, the case says so in NOTES and does the closest thing it can.
"""

import grpc

from interop_protos import test_service_methods
from interop_reflection import reflection_case
from interop_support import ECHO_INITIAL, ECHO_TRAILING, GUARD, MIB4, SPECIAL_MESSAGE, Pipe, expect_status

NOTES = {
    "server_compressed_unary": "grpcio does not expose the compressed flag of received messages",
    "server_compressed_streaming": "grpcio does not expose the compressed flag of received messages",
    "client_compressed_streaming": "grpcio compresses per call, not per message: "
                                   "both messages are sent compressed with expect_compressed=true",
}


class Cases:
    def __init__(self, channel, protos, server_checks_compression=True):
        """server_checks_compression=False (e.g. grpc-js): skip the CompressedRequest feature probes."""
        self.checks_compression = server_checks_compression
        self.channel = channel
        self.p = protos
        self.m = test_service_methods(protos)

    # -- helpers --------------------------------------------------------------------------
    def payload(self, size):
        return self.p["grpc.testing.Payload"](body=b"\x00" * size)

    def bool_value(self, value):
        return self.p["grpc.testing.BoolValue"](value=value)

    def simple_request(self, **kw):
        return self.p["grpc.testing.SimpleRequest"](**kw)

    def out_request(self, sizes, payload_size=None, **kw):
        params = [self.p["grpc.testing.ResponseParameters"](size=s) for s in sizes]
        req = self.p["grpc.testing.StreamingOutputCallRequest"](response_parameters=params, **kw)
        if payload_size is not None:
            req.payload.CopyFrom(self.payload(payload_size))
        return req

    def in_request(self, size, expect_compressed=None):
        req = self.p["grpc.testing.StreamingInputCallRequest"](payload=self.payload(size))
        if expect_compressed is not None:
            req.expect_compressed.CopyFrom(self.bool_value(expect_compressed))
        return req

    def large_request(self, **kw):
        return self.simple_request(response_size=314159, payload=self.payload(271828), **kw)

    def assert_large_response(self, resp):
        assert len(resp.payload.body) == 314159, "payload %d bytes" % len(resp.payload.body)
        assert resp.payload.body == b"\x00" * 314159, "payload is not all zeros"

    # -- standard cases -------------------------------------------------------------------
    def empty_unary(self):
        resp = self.m["EmptyCall"].unary_unary(self.channel)(self.p["grpc.testing.Empty"](), timeout=GUARD)
        assert resp is not None and resp.ByteSize() == 0

    def large_unary(self):
        self.assert_large_response(self.m["UnaryCall"].unary_unary(self.channel)(self.large_request(), timeout=GUARD))

    def client_compressed_unary(self):
        call = self.m["UnaryCall"].unary_unary(self.channel)
        probe = self.large_request(expect_compressed=self.bool_value(True))
        if self.checks_compression:
            expect_status(grpc.StatusCode.INVALID_ARGUMENT,
                          lambda: call(probe, timeout=GUARD, compression=grpc.Compression.NoCompression))
        self.assert_large_response(call(probe, timeout=GUARD, compression=grpc.Compression.Gzip))
        plain = self.large_request(expect_compressed=self.bool_value(False))
        self.assert_large_response(call(plain, timeout=GUARD, compression=grpc.Compression.NoCompression))

    def server_compressed_unary(self):
        call = self.m["UnaryCall"].unary_unary(self.channel)
        for compressed in (True, False):
            req = self.large_request(response_compressed=self.bool_value(compressed))
            self.assert_large_response(call(req, timeout=GUARD))

    def client_streaming(self):
        sizes = [27182, 8, 1828, 45904]
        resp = self.m["StreamingInputCall"].stream_unary(self.channel)(
            iter([self.in_request(s) for s in sizes]), timeout=GUARD)
        assert resp.aggregated_payload_size == 74922, resp.aggregated_payload_size

    def client_compressed_streaming(self):
        call = self.m["StreamingInputCall"].stream_unary(self.channel)
        if self.checks_compression:
            expect_status(grpc.StatusCode.INVALID_ARGUMENT,
                          lambda: call(iter([self.in_request(27182, True)]), timeout=GUARD,
                                       compression=grpc.Compression.NoCompression))
        requests = [self.in_request(27182, True), self.in_request(45904, True)]
        resp = call(iter(requests), timeout=GUARD, compression=grpc.Compression.Gzip)
        assert resp.aggregated_payload_size == 73086, resp.aggregated_payload_size

    def server_streaming(self):
        sizes = [31415, 9, 2653, 58979]
        responses = list(self.m["StreamingOutputCall"].unary_stream(self.channel)(
            self.out_request(sizes), timeout=GUARD))
        got = [len(r.payload.body) for r in responses]
        assert got == sizes, got

    def server_compressed_streaming(self):
        params = [self.p["grpc.testing.ResponseParameters"](size=31415, compressed=self.bool_value(True)),
                  self.p["grpc.testing.ResponseParameters"](size=92653, compressed=self.bool_value(False))]
        req = self.p["grpc.testing.StreamingOutputCallRequest"](response_parameters=params)
        responses = list(self.m["StreamingOutputCall"].unary_stream(self.channel)(req, timeout=GUARD))
        got = [len(r.payload.body) for r in responses]
        assert got == [31415, 92653], got

    def ping_pong(self):
        pipe = Pipe()
        responses = self.m["FullDuplexCall"].stream_stream(self.channel)(pipe, timeout=GUARD)
        for size, payload in zip([31415, 9, 2653, 58979], [27182, 8, 1828, 45904]):
            pipe.add(self.out_request([size], payload))
            resp = next(responses)
            assert len(resp.payload.body) == size, (size, len(resp.payload.body))
        pipe.close()
        rest = list(responses)
        assert not rest, "unexpected extra responses: %d" % len(rest)

    def empty_stream(self):
        responses = list(self.m["FullDuplexCall"].stream_stream(self.channel)(iter([]), timeout=GUARD))
        assert not responses, "expected zero responses, got %d" % len(responses)

    def custom_metadata(self):
        metadata = (ECHO_INITIAL, ECHO_TRAILING)
        _, call = self.m["UnaryCall"].unary_unary(self.channel).with_call(
            self.large_request(), metadata=metadata, timeout=GUARD)
        self._assert_echoed(call.initial_metadata(), call.trailing_metadata())
        pipe = Pipe()
        responses = self.m["FullDuplexCall"].stream_stream(self.channel)(pipe, metadata=metadata, timeout=GUARD)
        pipe.add(self.out_request([314159], 271828))
        pipe.close()
        got = [len(r.payload.body) for r in responses]
        assert got == [314159], got
        self._assert_echoed(responses.initial_metadata(), responses.trailing_metadata())

    def _assert_echoed(self, initial, trailing):
        assert ECHO_INITIAL in tuple(initial), "initial metadata: %r" % (initial,)
        assert ECHO_TRAILING in tuple(trailing), "trailing metadata: %r" % (trailing,)

    def status_code_and_message(self, message="test status message"):
        status = self.p["grpc.testing.EchoStatus"](code=2, message=message)
        expect_status(grpc.StatusCode.UNKNOWN,
                      lambda: self.m["UnaryCall"].unary_unary(self.channel)(
                          self.simple_request(response_status=status), timeout=GUARD), message)
        req = self.p["grpc.testing.StreamingOutputCallRequest"](response_status=status)
        expect_status(grpc.StatusCode.UNKNOWN,
                      lambda: list(self.m["FullDuplexCall"].stream_stream(self.channel)(iter([req]), timeout=GUARD)),
                      message)

    def special_status_message(self):
        status = self.p["grpc.testing.EchoStatus"](code=2, message=SPECIAL_MESSAGE)
        expect_status(grpc.StatusCode.UNKNOWN,
                      lambda: self.m["UnaryCall"].unary_unary(self.channel)(
                          self.simple_request(response_status=status), timeout=GUARD), SPECIAL_MESSAGE)

    def unimplemented_method(self):
        expect_status(grpc.StatusCode.UNIMPLEMENTED,
                      lambda: self.m["UnimplementedCall"].unary_unary(self.channel)(
                          self.p["grpc.testing.Empty"](), timeout=GUARD))

    def unimplemented_service(self):
        expect_status(grpc.StatusCode.UNIMPLEMENTED,
                      lambda: self.m["UnimplementedService"].unary_unary(self.channel)(
                          self.p["grpc.testing.Empty"](), timeout=GUARD))

    def cancel_after_begin(self):
        pipe = Pipe()
        future = self.m["StreamingInputCall"].stream_unary(self.channel).future(pipe, timeout=GUARD)
        future.cancel()
        assert future.cancelled(), "future not cancelled"
        assert future.code() == grpc.StatusCode.CANCELLED, future.code()

    def cancel_after_first_response(self):
        pipe = Pipe()
        responses = self.m["FullDuplexCall"].stream_stream(self.channel)(pipe, timeout=GUARD)
        pipe.add(self.out_request([31415], 27182))
        resp = next(responses)
        assert len(resp.payload.body) == 31415
        responses.cancel()
        expect_status(grpc.StatusCode.CANCELLED, lambda: next(responses))

    def timeout_on_sleeping_server(self):
        pipe = Pipe()
        responses = self.m["FullDuplexCall"].stream_stream(self.channel)(pipe, timeout=0.001)
        pipe.add(self.out_request([], 27182))
        expect_status(grpc.StatusCode.DEADLINE_EXCEEDED, lambda: next(responses))
        pipe.close()

    # -- limits, health, reflection -------------------------------------------------------
    def max_request_size(self):
        """The server's default 4 MiB receive limit rejects a bigger request; the channel survives."""
        req = self.simple_request(response_size=1, payload=self.payload(MIB4 + 1))
        expect_status(grpc.StatusCode.RESOURCE_EXHAUSTED,
                      lambda: self.m["UnaryCall"].unary_unary(self.channel)(req, timeout=GUARD))
        self.empty_unary()

    def max_response_size(self):
        """grpcio's default 4 MiB receive limit rejects a bigger response; the channel survives."""
        req = self.simple_request(response_size=MIB4 + 1)
        expect_status(grpc.StatusCode.RESOURCE_EXHAUSTED,
                      lambda: self.m["UnaryCall"].unary_unary(self.channel)(req, timeout=GUARD))
        self.empty_unary()

    def health_check(self):
        check = self.m["HealthCheck"].unary_unary(self.channel)
        request = self.p["grpc.health.v1.HealthCheckRequest"]
        serving = self.p["grpc.health.v1.HealthCheckResponse"].SERVING
        for service in ("", "grpc.testing.TestService"):
            status = check(request(service=service), timeout=GUARD).status
            assert status == serving, "%r: status %d" % (service, status)
        expect_status(grpc.StatusCode.NOT_FOUND,
                      lambda: check(request(service="grpc.testing.NoSuchService"), timeout=GUARD))

    def reflection_v1(self):
        reflection_case(self, "grpc.reflection.v1", self.m["ReflectionV1"])

    def reflection_v1alpha(self):
        reflection_case(self, "grpc.reflection.v1alpha", self.m["ReflectionV1alpha"])


ALL = [
    "empty_unary", "large_unary", "client_compressed_unary", "server_compressed_unary",
    "client_streaming", "client_compressed_streaming", "server_streaming",
    "server_compressed_streaming", "ping_pong", "empty_stream", "custom_metadata",
    "status_code_and_message", "special_status_message", "unimplemented_method",
    "unimplemented_service", "cancel_after_begin", "cancel_after_first_response",
    "timeout_on_sleeping_server", "max_request_size", "max_response_size", "health_check",
    "reflection_v1", "reflection_v1alpha",
]
