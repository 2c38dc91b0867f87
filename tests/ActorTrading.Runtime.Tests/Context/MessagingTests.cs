using ActorTrading.Runtime.Events;

namespace ActorTrading.Runtime.Tests.Context;

public sealed class MessagingTests
{
    [Fact]
    public async Task Forward_ToAnotherActor_KeepsOriginalSender()
    {
        var d = new Deterministic();
        var responder = d.Root.Spawn(Props.FromFunc(c =>
        {
            if (c.Message is Ask ask) c.Respond(new Answer("from responder: " + ask.Text));
            return Task.CompletedTask;
        }));
        var forwarder = d.Root.Spawn(Props.FromFunc(c =>
        {
            if (c.Message is Ask) c.Forward(responder);
            return Task.CompletedTask;
        }));
        var answer = d.Root.RequestAsync<Answer>(forwarder, new Ask("q"), CancellationToken.None);
        d.Run();
        Assert.Equal("from responder: q", (await answer.Guarded()).Text);
    }

    [Fact]
    public void Respond_NoSender_GoesToDeadLetters()
    {
        var d = new Deterministic();
        var dead = new List<DeadLetterEvent>();
        d.System.EventStream.Subscribe<DeadLetterEvent>(dead.Add);
        var pid = d.Root.Spawn(Props.FromFunc(c =>
        {
            if (c.Message is Ask) c.Respond(new Answer("nobody listens"));
            return Task.CompletedTask;
        }));
        d.Root.Send(pid, new Ask("q"));
        d.Run();
        Assert.IsType<Answer>(Assert.Single(dead).Message);
    }

    [Fact]
    public async Task Request_FromActor_SenderIsSelf()
    {
        var d = new Deterministic();
        var probe = new Probe();
        var echo = d.Root.Spawn(Props.FromFunc(c =>
        {
            if (c.Message is Ask ask) c.Respond(new Answer(c.Sender!.Id));
            return Task.CompletedTask;
        }));
        var asker = d.Root.SpawnNamed(ProbeActor.Props(probe, c => { if (c.Message is "go") c.Request(echo, new Ask("?")); }), "asker");
        d.Root.Send(asker, "go");
        d.Run();
        Assert.Equal("asker", (await probe.FishAsync<Answer>()).Text);
    }

    /// <summary>Eight producers on their own threads racing into one mailbox. 200,000 each: at a million each the 8 M
    /// messages took over a minute on a loaded 2-core machine; the races come from the producers, not the count.</summary>
    [Fact]
    public async Task Send_EightRacingProducers_NoMessageLostOrDuplicated()
    {
        const int producers = 8;
        const int perProducer = 200_000;
        var next = new long[producers];
        long total = 0;
        var done = Signals.NewSignal();
        var failure = Signals.NewSignal<string>();
        var system = new ActorSystem();
        var pid = system.Root.Spawn(Props.FromFunc(c =>
        {
            if (c.Message is Numbered n)
            {
                if (next[n.Sender] != n.Sequence) failure.TrySetResult($"producer {n.Sender}: got {n.Sequence}, expected {next[n.Sender]}");
                next[n.Sender] = n.Sequence + 1;
                if (++total == producers * (long)perProducer) done.TrySetResult();
            }
            return Task.CompletedTask;
        }));
        var messages = Enumerable.Range(0, producers)
            .Select(p => Enumerable.Range(0, perProducer).Select(i => new Numbered(p, i)).ToArray()).ToArray();
        var producing = Enumerable.Range(0, producers).Select(p => Task.Factory.StartNew(() =>
        {
            foreach (var message in messages[p]) system.Root.Send(pid, message);
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();
        await Task.WhenAll(producing).WaitAsync(TimeSpan.FromSeconds(60));
        var finished = await Task.WhenAny(done.Task, failure.Task).WaitAsync(TimeSpan.FromSeconds(60));
        if (finished == failure.Task) Assert.Fail(await failure.Task);
        Assert.Same(done.Task, finished);
        Assert.All(next, n => Assert.Equal(perProducer, n));
    }
}
