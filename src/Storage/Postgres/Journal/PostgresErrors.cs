using System.Net.Sockets;
using Npgsql;

namespace ActorTrading.Storage.Postgres.Journal;

/// <summary>Sorts database failures: the server is gone, a transient race to retry, or bad data.</summary>
internal static class PostgresErrors
{
    public static bool IsUnavailable(Exception ex) => ex switch
    {
        PostgresException pg => pg.SqlState.StartsWith("08", StringComparison.Ordinal) || pg.SqlState.StartsWith("57P", StringComparison.Ordinal)
                                || pg.SqlState == "53300",
        NpgsqlException => true,     // I/O, broken connection, connect timeout
        SocketException or TimeoutException or IOException => true,
        _ => false,
    };

    /// <summary>Deadlock or serialization failure: the batch can simply run again.</summary>
    public static bool IsRetryable(Exception ex) => ex is PostgresException { SqlState: "40P01" or "40001" };

    /// <summary>An error of the driver itself, not an answer of the server (e.g. "Received unexpected backend message ...
    /// Please file a bug", thrown as a plain <see cref="Exception"/>).</summary>
    public static bool IsDriverFault(Exception ex) =>
        ex is not (PostgresException or NpgsqlException or OperationCanceledException)
        && ex.TargetSite?.DeclaringType?.Namespace?.StartsWith("Npgsql", StringComparison.Ordinal) == true;

    /// <summary>A statement rejected the data (e.g. an invalid character in a text value).</summary>
    public static bool IsDataError(Exception ex) => ex is PostgresException pg && !IsUnavailable(ex) && !IsRetryable(ex);
}
