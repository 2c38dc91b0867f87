using ActorTrading.Runtime;

namespace ActorTrading.Load.Runtime;

/// <summary>Keeps <c>inflight</c> pings going to its echo until <c>roundTrips</c> answers came back.</summary>
internal sealed class Pinger(PID echo, long roundTrips, int inflight, TaskCompletionSource done) : IActor
{
    private long _sent;
    private long _received;

    public Task ReceiveAsync(IContext context)
    {
        switch (context.Message)
        {
            case Ping ping:
                if (++_received == roundTrips) done.TrySetResult();
                else if (_sent < roundTrips) { _sent++; context.Send(echo, ping); }
                break;
            case Go:
                for (var i = 0; i < inflight && _sent < roundTrips; i++, _sent++) context.Send(echo, new Ping(context.Self));
                break;
        }
        return Task.CompletedTask;
    }
}
