using ActorTrading.Runtime.Cluster;
using ClusterNode = ActorTrading.Runtime.Cluster.Cluster;

namespace ActorTrading.Runtime.Tests.Cluster;

/// <summary>
/// ReenterAfter on a cluster RequestAsync under the DeterministicDispatcher. Defined behaviour: the request, the virtual
/// actor's activation and its answer run inside RunUntilIdle, and the caller keeps processing other messages meanwhile.
/// The answer completes the request's future, whose continuations run asynchronously (thread pool, by design: an awaiting
/// caller must never run inside the answering actor); so the continuation is posted to the caller's mailbox from the pool,
/// after that RunUntilIdle may have returned, and runs on the caller at the next Run — never concurrently, never lost.
/// A replay that needs it in the same step waits for the dispatcher to have work again (as below).
/// </summary>
public sealed class ClusterReenterTests
{
    [Fact]
    public async Task ReenterAfter_ClusterRequest_OtherMessagesFirstThenContinuationAtTheNextRun()
    {
        var d = new Deterministic();
        var log = new List<string>();
        var cluster = new ClusterNode(d.System, new ClusterConfig("node-1", new ClusterKind("counter", Props.FromProducer(() => new CounterGrain([])))));
        await cluster.StartAsync();
        var id = new ClusterIdentity("counter", "A");
        var caller = d.Root.Spawn(Props.FromFunc(c =>
        {
            switch (c.Message)
            {
                case "go":
                    cluster.Send(id, "add");
                    c.ReenterAfter(cluster.RequestAsync<int>(id, "count", CancellationToken.None), t =>
                    {
                        log.Add("count " + t.Result);
                        return Task.CompletedTask;
                    });
                    break;
                case "other": log.Add("other"); break;
            }
            return Task.CompletedTask;
        }));
        d.Run();
        d.Root.Send(caller, "go");
        d.Root.Send(caller, "other");
        d.Run();
        Assert.Equal("other", log[0]);
        Assert.True(SpinWait.SpinUntil(() => log.Count > 1 || d.Dispatcher.Pending > 0, Probe.Guard), "the continuation was never posted");
        d.Run();
        Assert.Equal(["other", "count 1"], log);
    }
}
