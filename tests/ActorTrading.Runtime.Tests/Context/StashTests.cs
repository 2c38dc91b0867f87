namespace ActorTrading.Runtime.Tests.Context;

public sealed class StashTests
{
    [Fact]
    public void UnstashAll_AfterBecomingReady_StashedReplayedInOrderBeforeNewerMessages()
    {
        var d = new Deterministic();
        var handled = new List<string>();
        var ready = false;
        var pid = d.Root.Spawn(Props.FromFunc(c =>
        {
            switch (c.Message)
            {
                case "ready":
                    ready = true;
                    c.UnstashAll();
                    break;
                case string s when !ready:
                    c.Stash();
                    break;
                case string s:
                    handled.Add(s);
                    break;
            }
            return Task.CompletedTask;
        }));
        d.Root.Send(pid, "a");
        d.Root.Send(pid, "b");
        d.Root.Send(pid, "ready");
        d.Root.Send(pid, "c");
        d.Run();
        Assert.Equal(["a", "b", "c"], handled);
    }

    [Fact]
    public async Task Stash_Request_ReplayedWithItsSender()
    {
        var d = new Deterministic();
        var ready = false;
        var pid = d.Root.Spawn(Props.FromFunc(c =>
        {
            switch (c.Message)
            {
                case Ask when !ready: c.Stash(); break;
                case Ask ask: c.Respond(new Answer(ask.Text)); break;
                case "ready": ready = true; c.UnstashAll(); break;
            }
            return Task.CompletedTask;
        }));
        var answer = d.Root.RequestAsync<Answer>(pid, new Ask("later"), CancellationToken.None);
        d.Run();
        Assert.False(answer.IsCompleted);
        d.Root.Send(pid, "ready");
        d.Run();
        Assert.Equal("later", (await answer.Guarded()).Text);
    }
}
