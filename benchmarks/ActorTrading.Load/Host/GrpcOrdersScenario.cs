using System.Diagnostics;
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
/// ConnectionStrings__Postgres/Redis set). Besides the client's cpu_us_per_call it reports the node's CPU per order
/// (node_cpu_us_per_order, from the node process's CPU time over the measured orders; with --target give --node-pid).
/// </summary>
public sealed class GrpcOrdersScenario : IScenario
{
    public string Name => "grpc-orders";

    public string Usage => "--orders 50000 --inflight 1 --warmup 2000 --accounts 1000 [--target 127.0.0.1:5000 --key <admin key> [--node-pid <pid>]] [--durable] [--host-dll src/Host/bin/Release/net10.0/ActorTrading.Host.dll]";

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
        var nodePid = args.Int("node-pid", 0);
        await using var node = target.Length == 0 ? await NodeLauncher.StartAsync(hostDll, durable, progress, ct) : null;
        using var nodeProcess = node is not null ? Process.GetProcessById(node.ProcessId) : nodePid > 0 ? Process.GetProcessById(nodePid) : null;
        using var channel = GrpcChannel.ForAddress("http://" + (node?.Target ?? target));
        var client = new GrpcClient(channel);
        var sessions = new OrderSession[accounts];
        for (var i = 0; i < accounts; i++) sessions[i] = await OrderSession.OpenAsync(client, key, ct);
        var outcomes = new OrderOutcomes();
        var next = -1L;
        progress.WriteLine($"{accounts} accounts; {warmup} warm-up orders, then {orders} with {inflight} in flight, round robin over the accounts");
        Func<Task> place = async () => outcomes.Count(await sessions[(int)((ulong)Interlocked.Increment(ref next) % (ulong)accounts)].PlaceAsync(ct));
        await ClosedLoop.MeasureAsync(warmup, 0, inflight, place, progress, ct);
        var nodeCpu = NodeCpu(nodeProcess);
        var result = await ClosedLoop.MeasureAsync(orders, 0, inflight, place, progress, ct);
        nodeCpu = NodeCpu(nodeProcess) - nodeCpu;
        progress.WriteLine($"acks: {outcomes}");
        if (nodeProcess is not null) result.Add("node_cpu_us_per_order", nodeCpu.TotalMicroseconds / Math.Max(1, orders));
        return result
            .Add("orders_per_sec", result.Values.First(v => v.Key == "calls_per_sec").Value)
            .Add("accepted", outcomes.Accepted)
            .Add("denied", outcomes.Denied)
            .Add("node", target.Length > 0 ? "external" : durable ? "durable" : "embedded");
    }

    /// <summary>The node process's CPU time so far (user + system, all threads), or zero without a known node process.</summary>
    private static TimeSpan NodeCpu(Process? node)
    {
        if (node is null) return TimeSpan.Zero;
        node.Refresh();
        return node.TotalProcessorTime;
    }
}
