namespace ActorTrading.Storage.Postgres;

/// <summary>How to reach PostgreSQL and how the journal batches.</summary>
public sealed record PostgresStorageOptions(string ConnectionString)
{
    /// <summary>Schema holding every table (tests use one schema per class).</summary>
    public string Schema { get; init; } = "public";

    /// <summary>
    /// The most events (plus audit records) one group commit writes. A commit's duration grows with its size, so this
    /// also bounds how long one append waits once a backlog has formed (see src/Storage/README.md).
    /// </summary>
    public int MaxBatchEvents { get; init; } = 4096;

    /// <summary>
    /// Group commits in flight at once: the journal runs this many lanes, each with its own connection and one batch
    /// in flight; an account always goes to the same lane, so each account's appends still commit in seq order.
    /// </summary>
    public int MaxInFlightBatches { get; init; } = DefaultMaxInFlightBatches;

    /// <summary>The default of <see cref="MaxInFlightBatches"/> (measured in benchmarks/RESULTS.md, Storage, session 3).</summary>
    public const int DefaultMaxInFlightBatches = 4;

    /// <summary>Called after every successful group commit (on the writer's thread: keep it cheap), e.g. for metrics.</summary>
    public Action<JournalCommit>? OnCommit { get; init; }

    /// <summary>
    /// How long an audit record waits for a group commit with account appends to ride in before the waiting audits
    /// commit on their own (zero: every audit goes straight to a lane, as before). Audit writes are off the call path.
    /// Measured in real time (<see cref="TimeProvider.System"/>), not <see cref="Time"/>.
    /// </summary>
    public TimeSpan AuditLinger { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// How long a background append (<see cref="Actors.Ports.IAccountJournal.AppendBackgroundAsync"/>: a broker's
    /// reports) waits for another append to commit with, in the same transaction, before it is written on its own
    /// (zero: at once, like any append). Bounds how much later than its own commit a fill can become durable.
    /// Real time, like <see cref="AuditLinger"/>.
    /// </summary>
    public TimeSpan BackgroundLinger { get; init; } = TimeSpan.FromMilliseconds(1);

    /// <summary>Audit records waiting to ride along beyond which they commit on their own at once.</summary>
    public int AuditBatchLimit { get; init; } = 512;

    /// <summary>Appends waiting for the writer beyond which AppendAsync waits (back-pressure).</summary>
    public int MaxPendingAppends { get; init; } = 100_000;

    /// <summary>Monthly partitions created ahead at each start.</summary>
    public int PartitionMonthsAhead { get; init; } = 3;

    /// <summary>Seconds to wait for a connection before an append fails as unavailable.</summary>
    public int ConnectTimeoutSeconds { get; init; } = 5;

    public TimeProvider Time { get; init; } = TimeProvider.System;
}
