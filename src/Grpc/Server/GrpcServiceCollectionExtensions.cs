using Microsoft.Extensions.DependencyInjection;

namespace ActorTrading.Grpc;

public static class GrpcServiceCollectionExtensions
{
    /// <summary>Adds the gRPC server; bind services on the returned builder and call <c>app.UseGrpc()</c>.</summary>
    public static GrpcServerBuilder AddGrpc(this IServiceCollection services, Action<GrpcServerOptions>? configure = null)
    {
        var existing = services.FirstOrDefault(d => d.ServiceType == typeof(GrpcServiceRegistry))?.ImplementationInstance as GrpcServiceRegistry;
        var registry = existing ?? new GrpcServiceRegistry(services);
        if (existing is null)
        {
            services.AddSingleton(registry);
            services.AddOptions<GrpcServerOptions>();
        }

        if (configure is not null)
        {
            services.Configure(configure);
        }

        return new GrpcServerBuilder(services, registry);
    }
}
