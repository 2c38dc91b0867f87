using Google.Protobuf.Reflection;
using Microsoft.Extensions.DependencyInjection;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace ActorTrading.Grpc;

/// <summary>The services bound so far (singleton in DI). Health and reflection read it to know what the server serves.</summary>
public sealed class GrpcServiceRegistry
{
    private readonly List<ServiceBinding> _bindings = [];
    private readonly List<Type> _interceptorTypes = [];

    internal GrpcServiceRegistry(IServiceCollection services) => Services = services;

    /// <summary>The protobuf services served, in registration order.</summary>
    public IReadOnlyList<ServiceDescriptor> ServiceDescriptors => _bindings.Select(b => b.Descriptor).ToArray();

    internal IServiceCollection Services { get; }

    internal IReadOnlyList<ServiceBinding> Bindings => _bindings;

    internal IReadOnlyList<Type> InterceptorTypes => _interceptorTypes;

    internal void Add(ServiceBinding binding)
    {
        if (_bindings.Any(b => b.Descriptor.FullName == binding.Descriptor.FullName))
        {
            throw new InvalidOperationException($"Service {binding.Descriptor.FullName} is bound twice.");
        }

        _bindings.Add(binding);
    }

    internal void AddInterceptor(Type type) => _interceptorTypes.Add(type);
}
