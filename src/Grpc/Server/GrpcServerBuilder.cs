using Google.Protobuf.Reflection;
using Microsoft.Extensions.DependencyInjection;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ActorTrading.Grpc;

/// <summary>Adds services and interceptors to the gRPC server (returned by <c>services.AddGrpc()</c>).</summary>
public sealed class GrpcServerBuilder
{
    internal GrpcServerBuilder(IServiceCollection services, GrpcServiceRegistry registry)
    {
        Services = services;
        Registry = registry;
    }

    public IServiceCollection Services { get; }

    internal GrpcServiceRegistry Registry { get; }

    /// <summary>
    /// Serves <paramref name="service"/> with <typeparamref name="TService"/>, binding every rpc now: a missing method,
    /// a wrong request/response type or a wrong streaming shape throws here, at start-up. TService is registered as a
    /// singleton unless it is registered already (register it scoped first if it needs per-call state).
    /// </summary>
    public GrpcServerBuilder AddService<TService>(ServiceDescriptor service)
        where TService : class
    {
        ArgumentNullException.ThrowIfNull(service);
        Registry.Add(new ServiceBinding(typeof(TService), service, ServiceBinder.Bind(typeof(TService), service)));
        Services.TryAddSingleton<TService>();
        return this;
    }

    /// <summary>Serves the only service of <paramref name="file"/> (e.g. <c>AccountsReflection.Descriptor</c>).</summary>
    public GrpcServerBuilder AddService<TService>(FileDescriptor file)
        where TService : class
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Services.Count != 1)
        {
            throw new ArgumentException(
                $"{file.Name} declares {file.Services.Count} services ({string.Join(", ", file.Services.Select(s => s.Name))}): pass the ServiceDescriptor.");
        }

        return AddService<TService>(file.Services[0]);
    }

    /// <summary>Serves <c>grpc.health.v1.Health</c>; set statuses through <see cref="HealthStatusRegistry"/> (from DI).</summary>
    public GrpcServerBuilder AddHealth()
    {
        Services.TryAddSingleton<HealthStatusRegistry>();
        return AddService<HealthService>(HealthService.Descriptor);
    }

    /// <summary>Serves server reflection, <c>grpc.reflection.v1</c> and <c>v1alpha</c>, over every bound service.</summary>
    public GrpcServerBuilder AddReflection()
    {
        Services.TryAddSingleton<ReflectionIndex>();
        AddService<ReflectionService>(ReflectionService.Descriptor);
        return AddService<ReflectionServiceV1Alpha>(ReflectionServiceV1Alpha.Descriptor);
    }

    /// <summary>Runs <typeparamref name="TInterceptor"/> around every call, in the order added (first added = outermost).</summary>
    public GrpcServerBuilder AddInterceptor<TInterceptor>()
        where TInterceptor : ServerInterceptor
    {
        Services.TryAddSingleton<TInterceptor>();
        Registry.AddInterceptor(typeof(TInterceptor));
        return this;
    }
}
