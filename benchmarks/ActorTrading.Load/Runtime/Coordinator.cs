using ActorTrading.Runtime;

namespace ActorTrading.Load.Runtime;

/// <summary>Spawns the subscribers, then runs rounds: broadcast to all, wait for every ack.</summary>
internal sealed class Coordinator(int children, int rounds, TaskCompletionSource<double[]> done) : IActor
{
    private readonly List<PID> _children = new();
    private readonly double[] _roundMs = new double[rounds];
    private int _round;
    private int _acks;
    private long _roundStart;

    public Task ReceiveAsync(IContext context)
    {
        switch (context.Message)
        {
            case "go":
                var props = Props.FromProducer(() => new Subscriber());
                for (var i = 0; i < children; i++) _children.Add(context.Spawn(props));
                StartRound(context);
                break;
            case Ack when ++_acks == children:
                _roundMs[_round] = System.Diagnostics.Stopwatch.GetElapsedTime(_roundStart).TotalMilliseconds;
                if (++_round == rounds) done.TrySetResult(_roundMs);
                else StartRound(context);
                break;
        }
        return Task.CompletedTask;
    }

    private void StartRound(IContext context)
    {
        _acks = 0;
        _roundStart = System.Diagnostics.Stopwatch.GetTimestamp();
        foreach (var child in _children) context.Send(child, Broadcast.Instance);
    }
}
