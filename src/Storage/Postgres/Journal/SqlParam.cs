using Npgsql;

namespace ActorTrading.Storage.Postgres.Journal;

/// <summary>Positional ($n) parameter helpers.</summary>
internal static class SqlParam
{
    public static NpgsqlBatchCommand Command(string sql, params NpgsqlParameter[] parameters)
    {
        var c = new NpgsqlBatchCommand(sql);
        c.Parameters.AddRange(parameters);
        return c;
    }

    public static NpgsqlParameter<T> Of<T>(T value) => new() { TypedValue = value };
}
