using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ActorTrading.Grpc;

/// <summary>
/// Gives each call its service instance: a singleton is resolved once at start-up (no per-call cost);
/// any other lifetime is resolved per call from the request's scope, as grpc-dotnet does.
/// </summary>
internal sealed class ServiceActivator(Type serviceType, object? singleton)
{
    public object Get(HttpContext http) => singleton ?? http.RequestServices.GetRequiredService(serviceType);

    public static ServiceActivator Create(Type serviceType, IServiceCollection services, IServiceProvider provider)
    {
        ServiceLifetime? lifetime = null;
        foreach (var descriptor in services)
        {
            if (descriptor.ServiceType == serviceType && descriptor.ServiceKey is null)
            {
                lifetime = descriptor.Lifetime;
            }
        }

        return lifetime switch
        {
            ServiceLifetime.Singleton => new ServiceActivator(serviceType, provider.GetRequiredService(serviceType)),
            null => throw new InvalidOperationException($"gRPC service {serviceType.Name} is not registered in the service collection."),
            _ => new ServiceActivator(serviceType, null),
        };
    }
}
