using ActorTrading.Actors.Ports;
using ActorTrading.Storage.Postgres.Journal;
using Npgsql;

namespace ActorTrading.Storage.Postgres;

/// <summary>Broker credentials per gateway, encrypted with <see cref="CredentialCipher"/> (AES-GCM) before they reach PostgreSQL.</summary>
public sealed class PostgresBrokerCredentialStore(NpgsqlDataSource dataSource, CredentialCipher cipher) : IBrokerCredentialStore
{
    public async Task SaveAsync(string gatewayId, string credentials, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(gatewayId);
        ArgumentNullException.ThrowIfNull(credentials);
        var (nonce, ciphertext, tag) = cipher.Encrypt(credentials, gatewayId);
        await using var cmd = dataSource.CreateCommand("""
            INSERT INTO broker_credentials (gateway_id, nonce, ciphertext, tag) VALUES ($1, $2, $3, $4)
            ON CONFLICT (gateway_id) DO UPDATE SET nonce = excluded.nonce, ciphertext = excluded.ciphertext, tag = excluded.tag, updated = now()
            """);
        cmd.Parameters.Add(SqlParam.Of(gatewayId));
        cmd.Parameters.Add(SqlParam.Of(nonce));
        cmd.Parameters.Add(SqlParam.Of(ciphertext));
        cmd.Parameters.Add(SqlParam.Of(tag));
        await PostgresGuard.RunAsync(() => cmd.ExecuteNonQueryAsync(cancellationToken)).ConfigureAwait(false);
    }

    public async Task<string?> LoadAsync(string gatewayId, CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand("SELECT nonce, ciphertext, tag FROM broker_credentials WHERE gateway_id = $1");
        cmd.Parameters.Add(SqlParam.Of(gatewayId));
        return await PostgresGuard.RunAsync(async () =>
        {
            await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await r.ReadAsync(cancellationToken).ConfigureAwait(false)) return null;
            return cipher.Decrypt(r.GetFieldValue<byte[]>(0), r.GetFieldValue<byte[]>(1), r.GetFieldValue<byte[]>(2), gatewayId);
        }).ConfigureAwait(false);
    }
}
