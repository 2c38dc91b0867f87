namespace ActorTrading.Storage.Postgres;

/// <summary>PostgreSQL could not be reached at start (migration); names the host and what to check.</summary>
public sealed class StorageUnavailableException(string message, Exception inner) : Exception(message, inner);
