using ActorTrading.Actors.Ports;
using ActorTrading.Api.V1;
using ActorTrading.Storage.Postgres.Journal;
using Npgsql;

namespace ActorTrading.Storage.Postgres;

/// <summary>Principals and API keys in PostgreSQL; only salted PBKDF2 hashes of the secrets are stored.</summary>
public sealed class PostgresApiKeyStore(NpgsqlDataSource dataSource) : IApiKeyStore
{
    public async Task<IssuedApiKey> CreateAsync(string principal, Role role, IReadOnlyList<string> accountIds, CancellationToken cancellationToken = default)
    {
        ApiKeyArguments.Validate(principal, role, accountIds);
        string keyId = ApiKeySecrets.NewKeyId(), secret = ApiKeySecrets.NewSecret();
        var salt = ApiKeySecrets.NewSalt();
        var accounts = accountIds.Distinct(StringComparer.Ordinal).ToArray();
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(SqlParam.Command("""
            INSERT INTO principals (principal, role, account_ids) VALUES ($1, $2, $3)
            ON CONFLICT (principal) DO UPDATE SET role = excluded.role, account_ids = excluded.account_ids, updated = now()
            """, SqlParam.Of(principal), SqlParam.Of((short)role), SqlParam.Of(accounts)));
        batch.BatchCommands.Add(SqlParam.Command("INSERT INTO api_keys (key_id, principal, salt, iterations, hash) VALUES ($1, $2, $3, $4, $5)",
            SqlParam.Of(keyId), SqlParam.Of(principal), SqlParam.Of(salt), SqlParam.Of(ApiKeySecrets.Iterations),
            SqlParam.Of(ApiKeySecrets.Hash(secret, salt))));
        await PostgresGuard.RunAsync(() => batch.ExecuteNonQueryAsync(cancellationToken)).ConfigureAwait(false);
        return new IssuedApiKey(keyId, secret, principal, role, accounts);
    }

    public async Task<ApiPrincipal?> VerifyAsync(string presentedKey, CancellationToken cancellationToken = default)
    {
        if (!ApiKeySecrets.TrySplit(presentedKey, out var keyId, out var secret)) return null;
        var row = await LoadAsync(keyId, cancellationToken).ConfigureAwait(false);
        return row is { } r && ApiKeySecrets.Verify(secret, r.Salt, r.Iterations, r.Hash) ? r.Principal : null;
    }

    /// <summary>The stored (hashed) record of an active key, for the Redis cache.</summary>
    internal async Task<StoredApiKey?> LoadAsync(string keyId, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand("""
            SELECT k.salt, k.iterations, k.hash, p.principal, p.role, p.account_ids
            FROM api_keys k JOIN principals p ON p.principal = k.principal
            WHERE k.key_id = $1 AND k.revoked_at IS NULL
            """);
        cmd.Parameters.Add(SqlParam.Of(keyId));
        return await PostgresGuard.RunAsync(async () =>
        {
            await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
            if (!await reader.ReadAsync(ct).ConfigureAwait(false)) return (StoredApiKey?)null;
            return new StoredApiKey(reader.GetFieldValue<byte[]>(0), reader.GetInt32(1), reader.GetFieldValue<byte[]>(2),
                new ApiPrincipal(keyId, reader.GetString(3), (Role)reader.GetInt16(4), reader.GetFieldValue<string[]>(5)));
        }).ConfigureAwait(false);
    }

    public async Task<bool> RevokeAsync(string keyId, CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand("UPDATE api_keys SET revoked_at = now() WHERE key_id = $1 AND revoked_at IS NULL");
        cmd.Parameters.Add(SqlParam.Of(keyId));
        return await PostgresGuard.RunAsync(() => cmd.ExecuteNonQueryAsync(cancellationToken)).ConfigureAwait(false) == 1;
    }
}

/// <summary>What is stored for a key: the hash parameters and the principal it speaks for.</summary>
internal sealed record StoredApiKey(byte[] Salt, int Iterations, byte[] Hash, ApiPrincipal Principal);
