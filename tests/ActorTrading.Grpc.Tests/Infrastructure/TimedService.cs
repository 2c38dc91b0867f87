using ActorTrading.Grpc.Tests.Protos.Timed;
using Google.Protobuf.WellKnownTypes;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace ActorTrading.Grpc.Tests.Infrastructure;

/// <summary>A service whose .proto imports other files (for reflection's transitive dependencies).</summary>
public sealed class TimedService
{
    public static ServiceDescriptor Descriptor => TimedServiceReflection.Descriptor.Services[0];

    public Task<Timestamp> Now(TimedRequest request, ServerCallContext context) => Task.FromResult(request.At ?? new Timestamp());
}
