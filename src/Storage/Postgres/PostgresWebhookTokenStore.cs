using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace ActorTrading.Storage.Postgres;

/// <summary>
/// Webhook tokens of running strategies (table <c>webhook_tokens</c>, migration 0002): stored as SHA-256 hashes, so the
/// table never holds a usable token. Saved when a strategy starts, removed when it stops, resolved by any node.
/// </summary>
public sealed class PostgresWebhookTokenStore(NpgsqlDataSource dataSource)
{
    public async Task SaveAsync(string token, string accountId, string instance, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand(
            "INSERT INTO webhook_tokens (token_hash, account_id, instance) VALUES ($1, $2, $3) " +
            "ON CONFLICT (token_hash) DO UPDATE SET account_id = excluded.account_id, instance = excluded.instance");
        cmd.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = Hash(token) });
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = accountId });
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = instance });
        await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    public async Task RemoveAsync(string token, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("DELETE FROM webhook_tokens WHERE token_hash = $1");
        cmd.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = Hash(token) });
        await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    /// <summary>The account and strategy instance of a token, or null when no running strategy has it.</summary>
    public async Task<(string AccountId, string Instance)?> FindAsync(string token, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("SELECT account_id, instance FROM webhook_tokens WHERE token_hash = $1");
        cmd.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = Hash(token) });
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        return await reader.ReadAsync(ct).ConfigureAwait(false) ? (reader.GetString(0), reader.GetString(1)) : null;
    }

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
