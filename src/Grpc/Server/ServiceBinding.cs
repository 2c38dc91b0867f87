using Google.Protobuf.Reflection;

namespace ActorTrading.Grpc;

/// <summary>A service class bound to its protobuf service, with one <see cref="ServerMethod"/> per rpc.</summary>
internal sealed record ServiceBinding(Type ServiceType, ServiceDescriptor Descriptor, IReadOnlyList<ServerMethod> Methods);
