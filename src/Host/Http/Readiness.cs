using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;
using ActorTrading.Grpc;
using ActorTrading.Host.Composition;

namespace ActorTrading.Host.Http;

/// <summary>
/// Ready = the actor system runs, the journal answers, market data flows and the node is not stopping. Each check that
/// fails adds its reason. The gRPC health statuses follow: NOT_SERVING while draining.
/// </summary>
public sealed class Readiness(ActorHost actors, NodeStorage storage, ITradingCore core, IHostApplicationLifetime lifetime, HealthStatusRegistry health)
{
    public async Task<IReadOnlyList<string>> ProblemsAsync(CancellationToken ct)
    {
        var problems = new List<string>();
        if (lifetime.ApplicationStopping.IsCancellationRequested) problems.Add("the node is shutting down");
        if (!actors.IsStarted) problems.Add("the actor system is not running");
        if (!await storage.IsJournalUpAsync(ct).ConfigureAwait(false)) problems.Add("the journal (PostgreSQL) does not answer");
        if (core.FeedProblem is { } feed) problems.Add("market data: " + feed);
        return problems;
    }

    /// <summary>Sets every gRPC health status to NOT_SERVING (at the start of shutdown).</summary>
    public void Draining()
    {
        foreach (var service in ServiceNames) health.SetStatus(service, ServingStatus.NotServing);
    }

    public static IReadOnlyList<string> ServiceNames { get; } =
    [
        "", "actortrading.v1.Accounts", "actortrading.v1.Orders", "actortrading.v1.Portfolio",
        "actortrading.v1.MarketData", "actortrading.v1.Strategies", "actortrading.v1.Cluster",
    ];
}
