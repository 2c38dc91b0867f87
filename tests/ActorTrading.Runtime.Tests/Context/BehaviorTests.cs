namespace ActorTrading.Runtime.Tests.Context;

public sealed class BehaviorTests
{
    private sealed class Door : IActor
    {
        private readonly Behavior _behavior;
        public Door() => _behavior = new Behavior(Closed);
        public Task ReceiveAsync(IContext context) => _behavior.ReceiveAsync(context);

        private Task Closed(IContext c)
        {
            if (c.Message is "state") c.Respond("closed");
            if (c.Message is "open") _behavior.Become(Opened);
            if (c.Message is "peek") _behavior.BecomeStacked(Peeking);
            return Task.CompletedTask;
        }

        private Task Opened(IContext c)
        {
            if (c.Message is "state") c.Respond("opened");
            if (c.Message is "close") _behavior.Become(Closed);
            return Task.CompletedTask;
        }

        private Task Peeking(IContext c)
        {
            if (c.Message is "state") c.Respond("peeking");
            if (c.Message is "done") _behavior.UnbecomeStacked();
            return Task.CompletedTask;
        }
    }

    private static async Task<string> State(Deterministic d, PID pid)
    {
        var state = d.Root.RequestAsync<string>(pid, "state", CancellationToken.None);
        d.Run();
        return await state;
    }

    [Fact]
    public async Task Become_AndBecomeStacked_SwitchAndReturn()
    {
        var d = new Deterministic();
        var door = d.Root.Spawn(Props.FromProducer(() => new Door()));
        Assert.Equal("closed", await State(d, door));
        d.Root.Send(door, "peek");
        Assert.Equal("peeking", await State(d, door));
        d.Root.Send(door, "done");
        Assert.Equal("closed", await State(d, door));
        d.Root.Send(door, "open");
        Assert.Equal("opened", await State(d, door));
    }

    [Fact]
    public void UnbecomeStacked_NothingStacked_Throws() =>
        Assert.Throws<InvalidOperationException>(() => new Behavior(_ => Task.CompletedTask).UnbecomeStacked());
}
