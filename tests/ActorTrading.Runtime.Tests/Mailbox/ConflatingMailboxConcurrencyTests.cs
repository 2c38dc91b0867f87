using ActorTrading.Runtime.Dispatch;
using ActorTrading.Runtime.Mailbox;

namespace ActorTrading.Runtime.Tests.Mailbox;

/// <summary>The lock-free conflating mailbox: concurrent senders, keys beyond its small array, pruned keys.</summary>
public sealed class ConflatingMailboxConcurrencyTests
{
    private sealed record Msg(int Sender, int Key, int Seq);

    private static (ConflatingMailbox Mailbox, List<object> Seen, DeterministicDispatcher Dispatcher) Setup()
    {
        // Keys are boxed ints: a new box per call, so slots are found by Equals, not by reference.
        var mailbox = new ConflatingMailbox(m => m is Msg x && x.Key >= 0 ? x.Key : null);
        var seen = new List<object>();
        var invoker = new RecordingInvoker { OnUser = m => { seen.Add(m); return Task.CompletedTask; } };
        var dispatcher = new DeterministicDispatcher();
        mailbox.RegisterHandlers(invoker, dispatcher);
        return (mailbox, seen, dispatcher);
    }

    [Fact]
    public async Task Post_FourSendersWhileReaderRuns_PerSenderOrderKeptAndEachKeysLastMessageDelivered()
    {
        const int Senders = 4, Keys = 3, PerSender = 20_000;
        var (mailbox, seen, dispatcher) = Setup();
        using var go = new ManualResetEventSlim();
        var senders = Enumerable.Range(0, Senders).Select(s => Task.Run(() =>
        {
            go.Wait();
            for (var i = 0; i < PerSender; i++) mailbox.PostUserMessage(new Msg(s, i % (Keys + 1) == Keys ? -1 : i % (Keys + 1), i));
        })).ToArray();
        go.Set();
        var all = Task.WhenAll(senders);
        while (!all.IsCompleted) dispatcher.RunUntilIdle();
        await all.WaitAsync(TimeSpan.FromSeconds(30));
        dispatcher.RunUntilIdle();

        var messages = seen.Cast<Msg>().ToList();
        foreach (var group in messages.GroupBy(m => (m.Sender, m.Key)))
        {
            var seqs = group.Select(m => m.Seq).ToList();
            Assert.True(seqs.Zip(seqs.Skip(1)).All(p => p.First < p.Second), $"sender {group.Key.Sender} key {group.Key.Key} out of order");
        }
        // Unkeyed messages are never conflated: every one arrives.
        for (var s = 0; s < Senders; s++) Assert.Equal(PerSender / (Keys + 1), messages.Count(m => m.Sender == s && m.Key == -1));
        // The last message delivered for a key is some sender's last message for it (nothing newer is lost).
        var lastSeqOfKey = Enumerable.Range(0, Keys).ToDictionary(k => k, k => Enumerable.Range(0, PerSender).Last(i => i % (Keys + 1) == k));
        for (var k = 0; k < Keys; k++) Assert.Equal(lastSeqOfKey[k], messages.Last(m => m.Key == k).Seq);
        Assert.Equal(0, mailbox.Count);
    }

    [Fact]
    public void Post_MoreKeysThanTheSmallArray_EachKeyConflatedInItsFirstPosition()
    {
        var (mailbox, seen, dispatcher) = Setup();
        for (var round = 0; round < 3; round++)
            for (var k = 0; k < 20; k++) mailbox.PostUserMessage(new Msg(0, k, round));
        Assert.Equal(20, mailbox.Count);
        dispatcher.RunUntilIdle();
        Assert.Equal(Enumerable.Range(0, 20).Select(k => new Msg(0, k, 2)), seen.Cast<Msg>());
    }

    [Fact]
    public void Run_ManyDistinctKeysThenEmpty_KeysForgottenAndStillConflatedAfterwards()
    {
        var (mailbox, seen, dispatcher) = Setup();
        for (var k = 0; k < 600; k++) mailbox.PostUserMessage(new Msg(0, k, 0));
        dispatcher.RunUntilIdle(); // the queue ran empty with 600 keys known: the keys beyond the array are forgotten
        Assert.Equal(600, seen.Count);
        seen.Clear();

        mailbox.PostUserMessage(new Msg(0, 500, 1));
        mailbox.PostUserMessage(new Msg(0, 3, 1));
        mailbox.PostUserMessage(new Msg(0, 500, 2));
        mailbox.PostUserMessage(new Msg(0, 3, 2));
        dispatcher.RunUntilIdle();
        Assert.Equal(new object[] { new Msg(0, 500, 2), new Msg(0, 3, 2) }, seen);
    }
}
