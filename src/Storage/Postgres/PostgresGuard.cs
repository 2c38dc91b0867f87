using ActorTrading.Actors.Ports;
using ActorTrading.Storage.Postgres.Journal;

namespace ActorTrading.Storage.Postgres;

/// <summary>Turns "the server is gone" into <see cref="JournalUnavailableException"/> for every store.</summary>
internal static class PostgresGuard
{
    public static async Task<T> RunAsync<T>(Func<Task<T>> action)
    {
        try { return await action().ConfigureAwait(false); }
        catch (Exception ex) when (PostgresErrors.IsUnavailable(ex))
        {
            throw new JournalUnavailableException($"PostgreSQL is unavailable: {ex.Message}", ex);
        }
    }
}
