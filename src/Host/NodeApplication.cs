using ActorTrading.Api.V1;
using ActorTrading.Grpc;
using ActorTrading.Host.Api;
using ActorTrading.Host.Audit;
using ActorTrading.Host.Composition;
using ActorTrading.Host.Configuration;
using ActorTrading.Host.Http;
using ActorTrading.Host.Metrics;
using ActorTrading.Host.Security;
using ActorTrading.Host.Streaming;
using ActorTrading.Runtime.Remote;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ActorTrading.Host;

/// <summary>
/// The composition root: reads and validates the settings, opens the storage (embedded or PostgreSQL + Redis), and
/// wires the actor system, the gRPC services, interceptors (metrics → audit → auth), health, reflection, webhooks and
/// metrics onto one Kestrel. <see cref="BuildAsync"/> returns a <see cref="Node"/> that is started and stopped like a host.
/// </summary>
public static class NodeApplication
{
    public const string DefaultUrls = "http://127.0.0.1:5000";

    /// <param name="customize">For tests: replace services (e.g. <see cref="ITradingCore"/>) before the node is built.</param>
    public static async Task<Node> BuildAsync(string[] args, Action<WebApplicationBuilder>? customize = null, CancellationToken ct = default)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args });
        builder.Configuration.AddCommandLine(args, NodeOptions.Switches);
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole();

        var options = builder.Configuration.GetSection(NodeOptions.Section).Get<NodeOptions>() ?? new NodeOptions();
        if (options.AdminKey.Length == 0) options.AdminKey = builder.Configuration["ACTORTRADING_ADMIN_KEY"] ?? "";
        var postgres = builder.Configuration.GetConnectionString("Postgres");
        var redis = builder.Configuration.GetConnectionString("Redis");
        var problems = NodeOptionsValidator.Validate(options, postgres, redis).ToList();
        var grpcUrls = NodeOptionsValidator.SplitUrls(builder.Configuration["urls"] is { Length: > 0 } u ? u : DefaultUrls).ToList();
        foreach (var url in grpcUrls.Where(url => !ListenAddress.TryParse(url, out _)))
            problems.Add($"--urls '{url}' is not an http://host:port address (the gRPC port speaks cleartext HTTP/2)");
        if (problems.Count > 0) throw new NodeConfigurationException(problems);

        var endpoints = new NodeEndpointsInfo();
        builder.WebHost.ConfigureKestrel(k =>
        {
            // gRPC (h2c prior knowledge) and gRPC-Web (HTTP/1.1, browsers) share the gRPC port.
            Listen(k, grpcUrls, l => l.UseGrpcCleartextSharedPort(), endpoints.Grpc);
            Listen(k, NodeOptionsValidator.SplitUrls(options.HttpUrls), l => l.Protocols = HttpProtocols.Http1, endpoints.Http);
        });
        builder.Services.Configure<HostOptions>(h => h.ShutdownTimeout = options.ShutdownTimeout + TimeSpan.FromSeconds(10));

        var metrics = new NodeMetrics();
        var exporter = new PrometheusExporter();
        var storage = await NodeStorage.OpenAsync(postgres, redis, TimeProvider.System, ct, options.JournalBatchesInFlight).ConfigureAwait(false);
        storage.MeasureJournal(metrics.Meter);

        var s = builder.Services;
        s.AddSingleton(Options.Create(options));
        s.AddSingleton(storage);
        s.AddSingleton(metrics);
        s.AddSingleton(exporter);
        s.AddSingleton(endpoints);
        s.AddSingleton(new AdminKey(options.AdminKey));
        s.TryAddSingleton(TimeProvider.System);
        s.AddSingleton<ApiKeyAuthenticator>();
        s.AddSingleton<AuditTrail>();
        s.AddHostedService(sp => sp.GetRequiredService<AuditTrail>());
        s.AddSingleton<ActorHost>();
        s.AddHostedService(sp => sp.GetRequiredService<ActorHost>());
        s.AddSingleton<ActorRouter>();
        s.AddSingleton<StreamPump>();
        s.AddSingleton<WebhookTokens>();
        s.AddSingleton<Readiness>();
        var grpc = s.AddGrpc(o => o.MaxReceiveMessageSize = options.MaxReceiveMessageSize)
            .AddInterceptor<MetricsInterceptor>()
            .AddInterceptor<AuditInterceptor>()
            .AddInterceptor<AuthInterceptor>()
            .AddService<AccountsApi>(AccountsReflection.Descriptor)
            .AddService<OrdersApi>(OrdersReflection.Descriptor)
            .AddService<PortfolioApi>(PortfolioReflection.Descriptor)
            .AddService<MarketDataApi>(MarketDataReflection.Descriptor)
            .AddService<StrategiesApi>(StrategiesReflection.Descriptor)
            .AddService<ClusterApi>(ClusterReflection.Descriptor)
            .AddHealth()
            .AddReflection();
        if (options.Cluster.Enabled)
        {
            s.AddSingleton(sp => new RemotingService(sp.GetRequiredService<ActorHost>().Remoting!));
            grpc.AddService<RemotingService>(ActorTrading.Cluster.V1.RemoteReflection.Descriptor);
        }
        customize?.Invoke(builder);
        s.TryAddSingleton(TradingCoreWiring.Create);

        var app = builder.Build();
        app.UseGrpc();
        NodeEndpoints.Map(app);
        return new Node(app, storage, options, endpoints);
    }

    private static void Listen(KestrelServerOptions kestrel, IEnumerable<string> urls, Action<ListenOptions> configure, List<ListenOptions> into)
    {
        foreach (var url in urls)
        {
            ListenAddress.TryParse(url, out var address);
            foreach (var ip in address!.Resolve())
                kestrel.Listen(ip, address.Port, l => { configure(l); into.Add(l); });
        }
    }
}
