using ActorTrading.Api.V1;
using ActorTrading.Grpc;
using ActorTrading.Load.Grpc;

namespace ActorTrading.Load.Host;

/// <summary>
/// PlaceOrder through a node: gRPC, authentication, validation, the account actor, risk, the journal (durable when the
/// node is) and the gateway to the paper broker; the latency is until the OrderAck (ACCEPTED once journaled). Market
/// orders of 1 share alternate BUY/SELL on NSE:TCS so the position stays flat. Orders go round robin over --accounts
/// accounts: the actors keep every account at 10 orders/s (burst 10) whatever Node:Risk:OrdersPerSecond says (the
/// setting is not kept in the account's journaled limits), so a run needs enough accounts to stay under it. Against a running node (--target, --key:
/// start it with NodeLauncher.LoadSettings) or one it starts itself (embedded, or durable with --durable and
/// ConnectionStrings__Postgres/Redis set).
/// </summary>
public sealed class GrpcOrdersScenario : IScenario
{
    public string Name => "grpc-orders";

    public string Usage => "--orders 50000 --inflight 1 --warmup 2000 --accounts 1000 [--target 127.0.0.1:5000 --key <admin key>] [--durable] [--host-dll src/Host/bin/Release/net10.0/ActorTrading.Host.dll]";

    public async Task<ScenarioResult> RunAsync(ScenarioArgs args, TextWriter progress, CancellationToken ct)
    {
        var orders = args.Int("orders", 50_000);
        var inflight = args.Int("inflight", 1);
        var warmup = args.Int("warmup", 2_000);
        var target = args.Str("target", "");
        var key = args.Str("key", NodeLauncher.AdminKey);
        var durable = args.Flag("durable");
        var accounts = args.Int("accounts", 1000);
        var hostDll = args.Str("host-dll", Path.Combine("src", "Host", "bin", "Release", "net10.0", "ActorTrading.Host.dll"));
        await using var node = target.Length == 0 ? await NodeLauncher.StartAsync(hostDll, durable, progress, ct) : null;
        using var channel = GrpcChannel.ForAddress("http://" + (node?.Target ?? target));
        var client = new GrpcClient(channel);
        var sessions = new OrderSession[accounts];
        for (var i = 0; i < accounts; i++) sessions[i] = await OrderSession.OpenAsync(client, key, ct);
        var outcomes = new OrderOutcomes();
        var next = -1L;
        progress.WriteLine($"{accounts} accounts; {warmup} warm-up orders, then {orders} with {inflight} in flight, round robin over the accounts");
        var result = await ClosedLoop.MeasureAsync(orders, warmup, inflight,
            async () => outcomes.Count(await sessions[(int)((ulong)Interlocked.Increment(ref next) % (ulong)accounts)].PlaceAsync(ct)), progress, ct);
        progress.WriteLine($"acks: {outcomes}");
        return result
            .Add("orders_per_sec", result.Values.First(v => v.Key == "calls_per_sec").Value)
            .Add("accepted", outcomes.Accepted)
            .Add("denied", outcomes.Denied)
            .Add("node", target.Length > 0 ? "external" : durable ? "durable" : "embedded");
    }
}
