"""Message classes for the interop, health and reflection protos, built at run time.

Debian's grpcio (1.51) has no usable code generator (python3-grpc-tools is 1.14, too old for
protobuf 4), so the classes come from a FileDescriptorSet that the build of
tests/ActorTrading.Grpc.Interop writes next to its dll (interop.protoset, made by the protoc
inside Grpc.Tools).
"""

import os

from google.protobuf import descriptor_pb2, message_factory

_HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_PROTOSET = os.path.join(
    _HERE, "..", "ActorTrading.Grpc.Interop", "bin", "Release", "net10.0", "interop.protoset")


class Protos:
    """Holds one class per message full name, e.g. protos["grpc.testing.SimpleRequest"]."""

    def __init__(self, protoset_path):
        if not os.path.isfile(protoset_path):
            raise FileNotFoundError(
                "descriptor set %s not found: build tests/ActorTrading.Grpc.Interop "
                "(dotnet build -c Release) or pass --protoset" % protoset_path)
        with open(protoset_path, "rb") as f:
            file_set = descriptor_pb2.FileDescriptorSet.FromString(f.read())
        self._classes = message_factory.GetMessages(list(file_set.file))

    def __getitem__(self, full_name):
        return self._classes[full_name]


class Method:
    """A method path plus the serializers grpcio needs for a generic multi-callable."""

    def __init__(self, path, request_class, response_class):
        self.path = path
        self.request_class = request_class
        self.response_class = response_class

    def unary_unary(self, channel):
        return channel.unary_unary(self.path, **self._codec())

    def unary_stream(self, channel):
        return channel.unary_stream(self.path, **self._codec())

    def stream_unary(self, channel):
        return channel.stream_unary(self.path, **self._codec())

    def stream_stream(self, channel):
        return channel.stream_stream(self.path, **self._codec())

    def _codec(self):
        return {
            "request_serializer": self.request_class.SerializeToString,
            "response_deserializer": self.response_class.FromString,
        }


def test_service_methods(protos):
    """The grpc.testing methods used by the interop cases, by short name."""
    empty = protos["grpc.testing.Empty"]
    simple_req = protos["grpc.testing.SimpleRequest"]
    simple_resp = protos["grpc.testing.SimpleResponse"]
    out_req = protos["grpc.testing.StreamingOutputCallRequest"]
    out_resp = protos["grpc.testing.StreamingOutputCallResponse"]
    in_req = protos["grpc.testing.StreamingInputCallRequest"]
    in_resp = protos["grpc.testing.StreamingInputCallResponse"]
    svc = "/grpc.testing.TestService/"
    return {
        "EmptyCall": Method(svc + "EmptyCall", empty, empty),
        "UnaryCall": Method(svc + "UnaryCall", simple_req, simple_resp),
        "StreamingOutputCall": Method(svc + "StreamingOutputCall", out_req, out_resp),
        "StreamingInputCall": Method(svc + "StreamingInputCall", in_req, in_resp),
        "FullDuplexCall": Method(svc + "FullDuplexCall", out_req, out_resp),
        "UnimplementedCall": Method(svc + "UnimplementedCall", empty, empty),
        "UnimplementedService": Method(
            "/grpc.testing.UnimplementedService/UnimplementedCall", empty, empty),
        "HealthCheck": Method(
            "/grpc.health.v1.Health/Check",
            protos["grpc.health.v1.HealthCheckRequest"],
            protos["grpc.health.v1.HealthCheckResponse"]),
        "ReflectionV1": Method(
            "/grpc.reflection.v1.ServerReflection/ServerReflectionInfo",
            protos["grpc.reflection.v1.ServerReflectionRequest"],
            protos["grpc.reflection.v1.ServerReflectionResponse"]),
        "ReflectionV1alpha": Method(
            "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo",
            protos["grpc.reflection.v1alpha.ServerReflectionRequest"],
            protos["grpc.reflection.v1alpha.ServerReflectionResponse"]),
    }
