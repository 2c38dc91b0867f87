using Google.Protobuf;

namespace ActorTrading.Runtime.Remote;

/// <summary>
/// Turns messages that cross nodes into bytes and back. Protobuf messages need none (see <see cref="ProtobufSerializer"/>);
/// register one for other types (e.g. a C# record with a protobuf wire form) in <see cref="SerializerRegistry"/>.
/// </summary>
public interface ISerializer
{
    /// <summary>False when this serializer does not handle <paramref name="message"/>'s type.</summary>
    bool TrySerialize(object message, out string typeName, out ByteString payload);

    /// <summary>False when this serializer does not know <paramref name="typeName"/>.</summary>
    bool TryDeserialize(string typeName, ByteString payload, out object? message);
}
