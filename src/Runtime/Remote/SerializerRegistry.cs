using ActorTrading.Cluster.V1;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace ActorTrading.Runtime.Remote;

/// <summary>
/// The serializers of one node: protobuf first (by descriptor full name), then the pluggable ones in the order added.
/// The remote wire messages (<c>remote.proto</c>) are always registered.
/// <code>var serialization = new SerializerRegistry(); serialization.Protobuf.Register(OrdersReflection.Descriptor);
/// serialization.Add(new MarketTickSerializer());</code>
/// </summary>
public sealed class SerializerRegistry
{
    private readonly List<ISerializer> _others = [];

    public SerializerRegistry(params FileDescriptor[] files)
    {
        Protobuf.Register(RemoteReflection.Descriptor, AccountProtocolReflection.Descriptor);
        Protobuf.Register(files);
    }

    public ProtobufSerializer Protobuf { get; } = new();

    public SerializerRegistry Add(ISerializer serializer)
    {
        lock (_others) _others.Add(serializer);
        return this;
    }

    /// <exception cref="RemoteSerializationException">no serializer handles the message's type</exception>
    public (string TypeName, ByteString Payload) Serialize(object message)
    {
        if (Protobuf.TrySerialize(message, out var name, out var payload)) return (name, payload);
        foreach (var serializer in Snapshot())
            if (serializer.TrySerialize(message, out name, out payload)) return (name, payload);
        throw new RemoteSerializationException($"no serializer for {message.GetType().FullName}: register its protobuf file or an ISerializer");
    }

    /// <exception cref="RemoteSerializationException">the type name is unknown or the payload is malformed</exception>
    public object Deserialize(string typeName, ByteString payload)
    {
        try
        {
            if (Protobuf.TryDeserialize(typeName, payload, out var message)) return message!;
            foreach (var serializer in Snapshot())
                if (serializer.TryDeserialize(typeName, payload, out message)) return message!;
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new RemoteSerializationException($"malformed payload of {typeName}: {e.Message}");
        }
        throw new RemoteSerializationException($"unknown message type '{typeName}' (not registered on this node)");
    }

    private ISerializer[] Snapshot()
    {
        lock (_others) return [.. _others];
    }
}
