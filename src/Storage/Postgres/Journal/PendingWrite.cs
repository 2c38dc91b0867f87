namespace ActorTrading.Storage.Postgres.Journal;

/// <summary>Something waiting for the group-commit writer: an account's append or an audit record.</summary>
internal abstract class PendingWrite
{
    /// <summary>Completes once the write is committed (or fails with why it was not).</summary>
    public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>When it was queued (<see cref="System.Diagnostics.Stopwatch"/> ticks), for <see cref="JournalCommit.QueueWait"/>.</summary>
    public long QueuedAt { get; } = System.Diagnostics.Stopwatch.GetTimestamp();
}
