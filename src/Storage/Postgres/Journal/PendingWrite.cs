namespace ActorTrading.Storage.Postgres.Journal;

/// <summary>Something waiting for the group-commit writer: an account's append or an audit record.</summary>
internal abstract class PendingWrite
{
    /// <summary>Completes once the write is committed (or fails with why it was not).</summary>
    public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
