using System.Threading.Channels;
using ActorTrading.Runtime;
using BenchmarkDotNet.Attributes;

namespace ActorTrading.Benchmarks.Runtime;

/// <summary>
/// Round trips between two actors with <see cref="InFlight"/> messages in flight, against the
/// same exchange between two tasks over System.Threading.Channels (baseline).
/// </summary>
[MemoryDiagnoser]
public class PingPongBenchmarks
{
    private const int RoundTrips = 20_000;
    private ActorSystem _system = null!;
    private PID _echo = null!;
    private object[] _pings = [];

    [Params(1, 100)]
    public int InFlight { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _system = new ActorSystem();
        _echo = _system.Root.Spawn(Props.FromFunc(c =>
        {
            if (c.Message is Ball ball) c.Send(ball.ReplyTo, ball);
            return Task.CompletedTask;
        }));
        _pings = new object[InFlight];
    }

    [GlobalCleanup]
    public void Cleanup() => _system.ShutdownAsync().GetAwaiter().GetResult();

    [Benchmark(Baseline = true, OperationsPerInvoke = RoundTrips)]
    public async Task Channels()
    {
        var toEcho = Channel.CreateUnbounded<int>(new UnboundedChannelOptions { SingleReader = true });
        var back = Channel.CreateUnbounded<int>(new UnboundedChannelOptions { SingleReader = true });
        var echo = Task.Run(async () =>
        {
            await foreach (var m in toEcho.Reader.ReadAllAsync()) back.Writer.TryWrite(m);
        });
        for (var i = 0; i < InFlight; i++) toEcho.Writer.TryWrite(i);
        for (var received = 0; received < RoundTrips;)
        {
            var m = await back.Reader.ReadAsync();
            if (++received <= RoundTrips - InFlight) toEcho.Writer.TryWrite(m);
        }
        toEcho.Writer.Complete();
        await echo;
    }

    [Benchmark(OperationsPerInvoke = RoundTrips)]
    public async Task Actors()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var received = 0;
        var sent = 0;
        var pinger = _system.Root.Spawn(Props.FromFunc(c =>
        {
            switch (c.Message)
            {
                case "go":
                    for (; sent < InFlight; sent++) c.Send(_echo, new Ball(c.Self));
                    break;
                case Ball ball:
                    if (++received == RoundTrips) done.SetResult();
                    else if (sent < RoundTrips) { sent++; c.Send(_echo, ball); }
                    break;
            }
            return Task.CompletedTask;
        }));
        _system.Root.Send(pinger, "go");
        await done.Task;
        _system.Root.Stop(pinger);
    }

    private sealed class Ball(PID replyTo)
    {
        public PID ReplyTo { get; } = replyTo;
    }
}
