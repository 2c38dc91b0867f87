"""Server reflection checks (grpc.reflection.v1 and v1alpha share one message shape)."""

from google.protobuf import descriptor_pb2

from interop_support import GUARD, Pipe

EXPECTED_SERVICES = {
    "grpc.testing.TestService",
    "grpc.health.v1.Health",
    "grpc.reflection.v1.ServerReflection",
    "grpc.reflection.v1alpha.ServerReflection",
}
NOT_FOUND = 5


def reflection_case(cases, package, method):
    """Lists services, then asks for files by symbol and by name on ONE stream, as real tools
    (grpcurl, buf curl) do; an unknown symbol must give an error_response, not end the stream."""
    request = cases.p[package + ".ServerReflectionRequest"]
    pipe = Pipe()
    responses = method.stream_stream(cases.channel)(pipe, timeout=GUARD)

    def ask(**kw):
        pipe.add(request(**kw))
        return next(responses)

    listed = ask(list_services="*")
    assert listed.WhichOneof("message_response") == "list_services_response", listed
    names = {s.name for s in listed.list_services_response.service}
    missing = EXPECTED_SERVICES - names
    assert not missing, "list_services misses %s (got %s)" % (sorted(missing), sorted(names))
    assert "grpc.testing.UnimplementedService" not in names, "lists a service it does not serve"

    files = _files(ask(file_containing_symbol="grpc.testing.TestService"))
    test_proto = files.get("grpc/testing/test.proto")
    assert test_proto is not None, "TestService not in %s" % sorted(files)
    service = [s for s in test_proto.service if s.name == "TestService"]
    assert service and "UnaryCall" in [m.name for m in service[0].method], "TestService descriptor"

    files = _files(ask(file_containing_symbol="grpc.testing.SimpleRequest"))
    assert "grpc/testing/messages.proto" in files, "SimpleRequest not in %s" % sorted(files)

    files = _files(ask(file_by_filename="grpc/testing/empty.proto"))
    assert "grpc/testing/empty.proto" in files, sorted(files)

    unknown = ask(file_containing_symbol="grpc.testing.NoSuchSymbol")
    assert unknown.WhichOneof("message_response") == "error_response", unknown
    assert unknown.error_response.error_code == NOT_FOUND, unknown.error_response

    pipe.close()
    rest = list(responses)
    assert not rest, "unexpected extra responses: %d" % len(rest)


def _files(response):
    assert response.WhichOneof("message_response") == "file_descriptor_response", response
    files = {}
    for raw in response.file_descriptor_response.file_descriptor_proto:
        proto = descriptor_pb2.FileDescriptorProto.FromString(raw)
        files[proto.name] = proto
    return files
