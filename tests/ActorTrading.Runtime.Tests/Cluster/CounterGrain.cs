using ActorTrading.Runtime.Messages;

namespace ActorTrading.Runtime.Tests.Cluster;

/// <summary>A virtual actor that counts what it receives and reports its identity and incarnation.</summary>
internal sealed class CounterGrain(List<string> log) : IActor
{
    private static int s_incarnations;
    private readonly int _incarnation = Interlocked.Increment(ref s_incarnations);
    private int _count;

    public Task ReceiveAsync(IContext context)
    {
        switch (context.Message)
        {
            case Started: lock (log) log.Add("activated " + context.ClusterIdentity); break;
            case Stopped: lock (log) log.Add("passivated " + context.ClusterIdentity); break;
            case "add": _count++; break;
            case "count": context.Respond(_count); break;
            case "who": context.Respond($"{context.ClusterIdentity}#{_incarnation}"); break;
        }
        return Task.CompletedTask;
    }
}
