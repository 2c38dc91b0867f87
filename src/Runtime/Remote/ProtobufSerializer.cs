using System.Collections.Concurrent;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace ActorTrading.Runtime.Remote;

/// <summary>
/// Any protobuf message whose file was registered: the type name on the wire is the descriptor's full name
/// (<c>actortrading.v1.PlaceOrderRequest</c>), the payload its binary form.
/// </summary>
public sealed class ProtobufSerializer : ISerializer
{
    private readonly ConcurrentDictionary<string, MessageParser> _parsers = new(StringComparer.Ordinal);

    /// <summary>Registers every message of the files (and their nested messages).</summary>
    public void Register(params FileDescriptor[] files)
    {
        foreach (var file in files)
            foreach (var message in file.MessageTypes) Register(message);
    }

    private void Register(MessageDescriptor message)
    {
        if (message.Parser is { } parser) _parsers[message.FullName] = parser;
        foreach (var nested in message.NestedTypes) Register(nested);
    }

    public bool IsRegistered(string typeName) => _parsers.ContainsKey(typeName);

    public bool TrySerialize(object message, out string typeName, out ByteString payload)
    {
        if (message is IMessage proto && _parsers.ContainsKey(proto.Descriptor.FullName))
        {
            typeName = proto.Descriptor.FullName;
            payload = proto.ToByteString();
            return true;
        }
        typeName = "";
        payload = ByteString.Empty;
        return false;
    }

    public bool TryDeserialize(string typeName, ByteString payload, out object? message)
    {
        if (_parsers.TryGetValue(typeName, out var parser))
        {
            message = parser.ParseFrom(payload);
            return true;
        }
        message = null;
        return false;
    }
}
