using System.Collections.Frozen;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ActorTrading.Grpc;

public static class GrpcApplicationBuilderExtensions
{
    /// <summary>
    /// Adds the gRPC (and gRPC-Web) dispatcher to the pipeline. Put it before routing: it answers only requests with a
    /// gRPC content type (and 415 for a known gRPC path with another content type) and passes everything else on.
    /// </summary>
    public static IApplicationBuilder UseGrpc(this IApplicationBuilder app)
    {
        var provider = app.ApplicationServices;
        var registry = provider.GetService<GrpcServiceRegistry>()
            ?? throw new InvalidOperationException("Call services.AddGrpc() before app.UseGrpc().");
        var options = provider.GetRequiredService<IOptions<GrpcServerOptions>>().Value;
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger("ActorTrading.Grpc");
        var runtime = new ServerRuntime(options, logger, provider.GetService<TimeProvider>() ?? TimeProvider.System);
        var interceptors = registry.InterceptorTypes.Select(t => (ServerInterceptor)provider.GetRequiredService(t)).ToArray();
        var methods = new Dictionary<string, ServerMethod>(StringComparer.Ordinal);
        foreach (var binding in registry.Bindings)
        {
            var activator = ServiceActivator.Create(binding.ServiceType, registry.Services, provider);
            foreach (var method in binding.Methods)
            {
                method.Initialize(activator, interceptors);
                methods.Add(method.Path, method);
            }
        }

        return app.UseMiddleware<GrpcMiddleware>(methods.ToFrozenDictionary(StringComparer.Ordinal), runtime);
    }
}
