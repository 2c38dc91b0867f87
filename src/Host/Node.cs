using ActorTrading.Api.V1;
using ActorTrading.Actors.Hosting;
using ActorTrading.Host.Composition;
using ActorTrading.Host.Configuration;
using ActorTrading.Host.Http;
using ActorTrading.Host.Metrics;
using ActorTrading.Host.Security;

namespace ActorTrading.Host;

/// <summary>
/// A built node: start it, read where it listens, stop it (SIGTERM does the same: stop taking calls, let in-flight calls
/// finish, end streams, passivate actors, drain the audit, flush and close the journal).
/// </summary>
public sealed class Node(WebApplication app, NodeStorage storage, NodeOptions options, NodeEndpointsInfo endpoints) : IAsyncDisposable
{
    public WebApplication App => app;
    public NodeStorage Storage => storage;
    public NodeOptions Options => options;
    public IReadOnlyList<string> GrpcUrls => endpoints.GrpcUrls;
    public IReadOnlyList<string> HttpUrls => endpoints.HttpUrls;

    /// <summary>The admin key created at this start when none was configured (null otherwise).</summary>
    public string? BootstrapAdminKey { get; private set; }

    public async Task StartAsync(CancellationToken ct = default)
    {
        if (!app.Services.GetRequiredService<AdminKey>().IsConfigured)
            BootstrapAdminKey = (await storage.ApiKeys.CreateAsync("admin", Role.Admin, [], ct).ConfigureAwait(false)).Key;
        var readiness = app.Services.GetRequiredService<Readiness>();
        app.Lifetime.ApplicationStopping.Register(readiness.Draining);
        var metrics = app.Services.GetRequiredService<NodeMetrics>();
        var actors = app.Services.GetRequiredService<ActorHost>();
        metrics.Meter.CreateObservableGauge("actortrading.node.active_actors", () => actors.IsStarted ? actors.Cluster.ActivationCount : 0,
            description: "virtual actors active on this node (accounts, symbols)");
        metrics.Meter.CreateObservableGauge("actortrading.node.active_accounts", () => actors.IsStarted ? actors.Cluster.ActivationCountOf(TradingCore.AccountKind) : 0,
            description: "account actors active on this node");
        await app.StartAsync(ct).ConfigureAwait(false);
        Announce();
    }

    public async Task StopAsync(CancellationToken ct = default)
    {
        await app.StopAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Runs until SIGTERM / Ctrl+C, then shuts down gracefully.</summary>
    public async Task RunAsync()
    {
        await StartAsync().ConfigureAwait(false);
        await app.WaitForShutdownAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync().ConfigureAwait(false);
        await storage.DisposeAsync().ConfigureAwait(false);
    }

    private void Announce()
    {
        if (!storage.IsDurable)
        {
            Console.WriteLine("""
                ************************************************************************************
                * WARNING: EMBEDDED NODE - NOTHING IS DURABLE.                                      *
                * Accounts, orders and keys live in memory and are lost when this process stops.    *
                * Set ConnectionStrings__Postgres (and ConnectionStrings__Redis) for a durable node. *
                ************************************************************************************
                """);
        }
        if (BootstrapAdminKey is not null)
            Console.WriteLine($"ActorTrading admin API key (shown once, set ACTORTRADING_ADMIN_KEY to choose your own): {BootstrapAdminKey}");
        Console.WriteLine($"ActorTrading node '{options.NodeId}' ready ({storage.Describe()}): grpc={string.Join(",", GrpcUrls)} http={string.Join(",", HttpUrls)}");
    }
}
