using ActorTrading.Runtime.Messages;

namespace ActorTrading.Runtime.Tests.Supervision;

/// <summary>Counts messages, fails on <see cref="Fail"/>, logs its lifecycle with its instance number.</summary>
internal sealed class FailingActor(List<string> log, string name) : IActor
{
    private static int s_instances;
    private readonly int _instance = Interlocked.Increment(ref s_instances);
    private int _count;

    public Task ReceiveAsync(IContext context)
    {
        switch (context.Message)
        {
            case Started: log.Add($"{name} started"); break;
            case Restarting: log.Add($"{name} restarting"); break;
            case Stopping: log.Add($"{name} stopping"); break;
            case Stopped: log.Add($"{name} stopped"); break;
            case Fail fail: throw new InvalidOperationException(fail.Why);
            case string s when s == "count": context.Respond(++_count); break;
            case string s when s == "instance": context.Respond(_instance); break;
        }
        return Task.CompletedTask;
    }

    public static Props Props(List<string> log, string name) => Runtime.Props.FromProducer(() => new FailingActor(log, name));
}
