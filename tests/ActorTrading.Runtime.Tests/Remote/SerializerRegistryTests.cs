using ActorTrading.Runtime.Remote;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace ActorTrading.Runtime.Tests.Remote;

public sealed class SerializerRegistryTests
{
    private sealed record Point(int X, int Y);

    private sealed class PointSerializer : ISerializer
    {
        public bool TrySerialize(object message, out string typeName, out ByteString payload)
        {
            typeName = message is Point ? "test.Point" : "";
            payload = message is Point p ? new Int64Value { Value = ((long)p.X << 32) | (uint)p.Y }.ToByteString() : ByteString.Empty;
            return message is Point;
        }

        public bool TryDeserialize(string typeName, ByteString payload, out object? message)
        {
            var value = typeName == "test.Point" ? Int64Value.Parser.ParseFrom(payload).Value : 0;
            message = typeName == "test.Point" ? new Point((int)(value >> 32), (int)value) : null;
            return message is not null;
        }
    }

    [Fact]
    public void Serialize_ProtobufMessage_UsesTheDescriptorFullName()
    {
        var registry = new SerializerRegistry(WrappersReflection.Descriptor);

        var (name, payload) = registry.Serialize(new StringValue { Value = "x" });

        Assert.Equal("google.protobuf.StringValue", name);
        Assert.Equal(new StringValue { Value = "x" }, registry.Deserialize(name, payload));
    }

    [Fact]
    public void Serialize_RecordWithPluggedSerializer_RoundTrips()
    {
        var registry = new SerializerRegistry().Add(new PointSerializer());

        var (name, payload) = registry.Serialize(new Point(3, -4));

        Assert.Equal(new Point(3, -4), registry.Deserialize(name, payload));
    }

    [Fact]
    public void Deserialize_UnknownTypeOrBadPayload_ThrowsRemoteSerializationException()
    {
        var registry = new SerializerRegistry(WrappersReflection.Descriptor);

        Assert.Throws<RemoteSerializationException>(() => registry.Deserialize("nope.Nothing", ByteString.Empty));
        Assert.Throws<RemoteSerializationException>(() => registry.Deserialize("google.protobuf.StringValue", ByteString.CopyFrom(0xFF, 0xFF)));
        Assert.Throws<RemoteSerializationException>(() => registry.Serialize(new object()));
    }
}
