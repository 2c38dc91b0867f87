namespace ActorTrading.Storage.Postgres;

/// <summary>How to reach PostgreSQL and how the journal batches.</summary>
public sealed record PostgresStorageOptions(string ConnectionString)
{
    /// <summary>Schema holding every table (tests use one schema per class).</summary>
    public string Schema { get; init; } = "public";

    /// <summary>The most events one group commit writes.</summary>
    public int MaxBatchEvents { get; init; } = 4096;

    /// <summary>
    /// Group commits in flight at once (on separate connections). Batches in flight never share an
    /// account, so each account's appends still commit in seq order.
    /// </summary>
    public int MaxInFlightBatches { get; init; } = 2;

    /// <summary>Appends waiting for the writer beyond which AppendAsync waits (back-pressure).</summary>
    public int MaxPendingAppends { get; init; } = 100_000;

    /// <summary>Monthly partitions created ahead at each start.</summary>
    public int PartitionMonthsAhead { get; init; } = 3;

    /// <summary>Seconds to wait for a connection before an append fails as unavailable.</summary>
    public int ConnectTimeoutSeconds { get; init; } = 5;

    public TimeProvider Time { get; init; } = TimeProvider.System;
}
