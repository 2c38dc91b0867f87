namespace ActorTrading.Storage.Postgres;

/// <summary>One group commit that succeeded: how much it carried and how long its round trip took (for metrics).</summary>
public readonly record struct JournalCommit(int Events, int Audits, TimeSpan Elapsed);
