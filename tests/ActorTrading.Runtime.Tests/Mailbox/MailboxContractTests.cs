using ActorTrading.Runtime.Dispatch;
using ActorTrading.Runtime.Mailbox;

namespace ActorTrading.Runtime.Tests.Mailbox;

/// <summary>What every mailbox guarantees, run against each implementation below.</summary>
public abstract class MailboxContractTests
{
    protected abstract MailboxBase Create();

    private (MailboxBase Mailbox, RecordingInvoker Invoker, DeterministicDispatcher Dispatcher) Setup(int throughput = 300)
    {
        var mailbox = Create();
        var invoker = new RecordingInvoker();
        var dispatcher = new DeterministicDispatcher(throughput);
        mailbox.RegisterHandlers(invoker, dispatcher);
        return (mailbox, invoker, dispatcher);
    }

    [Fact]
    public void Run_SystemAndUserMessagesQueued_SystemMessagesFirst()
    {
        var (mailbox, invoker, dispatcher) = Setup();
        mailbox.PostUserMessage("u1");
        mailbox.PostUserMessage("u2");
        mailbox.PostSystemMessage("s1");
        dispatcher.RunUntilIdle();
        Assert.Equal(["system:s1", "user:u1", "user:u2"], invoker.Log);
    }

    [Fact]
    public void Run_ManyUserMessages_DeliveredInPostingOrder()
    {
        var (mailbox, invoker, dispatcher) = Setup();
        for (var i = 0; i < 100; i++) mailbox.PostUserMessage("m" + i);
        dispatcher.RunUntilIdle();
        Assert.Equal(Enumerable.Range(0, 100).Select(i => "user:m" + i), invoker.Log);
    }

    [Fact]
    public void Post_WhileScheduled_SchedulesOnlyOnce()
    {
        var (mailbox, _, dispatcher) = Setup();
        mailbox.PostUserMessage("a");
        mailbox.PostUserMessage("b");
        mailbox.PostSystemMessage("s");
        Assert.Equal(1, dispatcher.Pending);
    }

    [Fact]
    public void Run_MoreThanThroughput_YieldsAndReschedules()
    {
        var (mailbox, invoker, dispatcher) = Setup(throughput: 2);
        for (var i = 0; i < 5; i++) mailbox.PostUserMessage("m" + i);
        Assert.True(dispatcher.RunOne());
        Assert.Equal(2, invoker.Log.Count);
        Assert.Equal(1, dispatcher.Pending);
        dispatcher.RunUntilIdle();
        Assert.Equal(5, invoker.Log.Count);
    }

    [Fact]
    public void Run_SystemMessageArrivesDuringBatch_HandledBeforeNextUserMessage()
    {
        var (mailbox, invoker, dispatcher) = Setup();
        invoker.OnUser = m =>
        {
            if ((string)m == "u1") mailbox.PostSystemMessage("s");
            return Task.CompletedTask;
        };
        mailbox.PostUserMessage("u1");
        mailbox.PostUserMessage("u2");
        dispatcher.RunUntilIdle();
        Assert.Equal(["user:u1", "system:s", "user:u2"], invoker.Log);
    }

    [Fact]
    public void Suspend_UserMessagesWait_SystemMessagesStillRun()
    {
        var (mailbox, invoker, dispatcher) = Setup();
        mailbox.Suspend();
        mailbox.PostUserMessage("u");
        mailbox.PostSystemMessage("s");
        dispatcher.RunUntilIdle();
        Assert.Equal(["system:s"], invoker.Log);
        mailbox.Resume();
        mailbox.PostSystemMessage("s2");
        dispatcher.RunUntilIdle();
        Assert.Equal(["system:s", "system:s2", "user:u"], invoker.Log);
    }

    [Fact]
    public async Task Run_HandlerCompletesLater_NextMessageWaitsForIt()
    {
        var (mailbox, invoker, dispatcher) = Setup();
        var gate = new TaskCompletionSource();
        invoker.OnUser = m => (string)m == "slow" ? gate.Task : Task.CompletedTask;
        mailbox.PostUserMessage("slow");
        mailbox.PostUserMessage("next");
        dispatcher.RunUntilIdle();
        Assert.Equal(["user:slow"], invoker.Log);
        // Completed off the test's synchronization context, the mailbox's continuation runs inline
        // and schedules the mailbox again before SetResult returns.
        await Task.Run(gate.SetResult);
        Assert.Equal(1, dispatcher.Pending);
        dispatcher.RunUntilIdle();
        Assert.Equal(["user:slow", "user:next"], invoker.Log);
    }

    [Fact]
    public void Run_HandlerFails_EscalatesAndContinues()
    {
        var (mailbox, invoker, dispatcher) = Setup();
        invoker.OnUser = m => (string)m == "bad" ? Task.FromException(new InvalidOperationException("boom")) : Task.CompletedTask;
        mailbox.PostUserMessage("bad");
        dispatcher.RunUntilIdle();
        Assert.Equal(["user:bad", "failure:boom"], invoker.Log);
    }

    [Fact]
    public void Count_AfterPostsAndRun_TracksWaitingMessages()
    {
        var (mailbox, _, dispatcher) = Setup();
        mailbox.PostUserMessage("a");
        mailbox.PostUserMessage("b");
        Assert.Equal(2, mailbox.Count);
        dispatcher.RunUntilIdle();
        Assert.Equal(0, mailbox.Count);
    }
}
