namespace ActorTrading.Runtime.Remote;

/// <summary>A message cannot cross nodes: no serializer for its type, or a payload that does not parse.</summary>
public sealed class RemoteSerializationException(string message) : Exception(message);
