using ActorTrading.Actors.Brokers;
using ActorTrading.Actors.Gateways;
using ActorTrading.Actors.Hosting;
using ActorTrading.Actors.Model;
using ActorTrading.Actors.Ports;
using ActorTrading.Actors.Risk;
using ActorTrading.Api.V1;
using ActorTrading.Cluster.V1;
using ActorTrading.Runtime;
using ActorTrading.Runtime.Cluster;
using ActorTrading.Runtime.Remote;
using Microsoft.AspNetCore.Builder;

namespace ActorTrading.Actors.Tests.Wire;

/// <summary>
/// One cluster node in this process running the real trading core (account placed on <c>owner</c>; symbol and gateway
/// node-local, each node with its own paper broker) on real remoting (Kestrel h2c on loopback), with the API and account
/// protocol messages and the gateway wire serializer registered as a node does. Nodes share one journal, as they share
/// PostgreSQL.
/// </summary>
public sealed class CoreWireNode : IAsyncDisposable
{
    private readonly WebApplication _app;

    private CoreWireNode(ActorSystem system, Remote remote, Runtime.Cluster.Cluster cluster, PaperBroker paper, WebApplication app)
    {
        System = system;
        Remote = remote;
        Cluster = cluster;
        Paper = paper;
        _app = app;
    }

    public ActorSystem System { get; }
    public Remote Remote { get; }
    public Runtime.Cluster.Cluster Cluster { get; }
    public PaperBroker Paper { get; }

    public static async Task<CoreWireNode> StartAsync(string memberId, string owner, IMembershipProvider membership, IAccountJournal journal)
    {
        var port = RemotingEndpoint.FreePort();
        var system = new ActorSystem(new ActorSystemConfig { Address = "127.0.0.1:" + port });
        var serializers = new SerializerRegistry(AccountsReflection.Descriptor, OrdersReflection.Descriptor, PortfolioReflection.Descriptor,
            MarketDataReflection.Descriptor, StrategiesReflection.Descriptor, CommonReflection.Descriptor, AccountProtocolReflection.Descriptor)
            .Add(GatewayWireSerializer.Instance);
        var remote = new Remote(system, new RemoteConfig(memberId, serializers));
        remote.Start();
        var paper = new PaperBroker(InstrumentCatalog.Default, TimeProvider.System);
        var services = new TradingServices(new TradingCoreOptions
        {
            Journal = journal, BrokerFactory = _ => paper, DefaultLimits = RiskSettings.Default with { EnforceMarketHours = false },
        }, TimeProvider.System);
        var kinds = TradingCore.Kinds(services).Select(k => k.Name == TradingCore.AccountKind ? k : k.AsNodeLocal()).ToArray();
        var cluster = new Runtime.Cluster.Cluster(system, new ClusterConfig(memberId, kinds)
        {
            MembershipProvider = membership, Remote = remote, PlacementStrategy = new OwnerPlacement(owner),
        });
        services.Attach(cluster);
        var app = await RemotingEndpoint.StartAsync(port, remote);
        await cluster.StartAsync();
        return new CoreWireNode(system, remote, cluster, paper, app);
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.ShutdownAsync();
        await Remote.DisposeAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await System.ShutdownAsync();
        Paper.Dispose();
    }
}
