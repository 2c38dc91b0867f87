using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ActorTrading.Actors.Ports;
using ActorTrading.Api.V1;
using ActorTrading.Storage.Postgres;
using StackExchange.Redis;

namespace ActorTrading.Storage.Redis;

/// <summary>
/// API keys from PostgreSQL with a Redis cache in front: a key verified once (PBKDF2) is cached for
/// <see cref="RedisStorageOptions.ApiKeyCacheTtl"/> as the SHA-256 of its secret plus its principal,
/// so later requests cost one GET and one hash. Revoking deletes the entry at once; any stale copy
/// dies within the TTL. Without Redis every verify goes to PostgreSQL and the store reports degraded.
/// </summary>
public sealed class CachedApiKeyStore(PostgresApiKeyStore store, RedisConnection redis) : IApiKeyStore, IDegradable
{
    private sealed record CacheEntry(string SecretSha256, string Principal, int Role, string[] AccountIds);

    public bool IsDegraded => redis.IsDegraded;

    public Task<IssuedApiKey> CreateAsync(string principal, Role role, IReadOnlyList<string> accountIds, CancellationToken cancellationToken = default) =>
        store.CreateAsync(principal, role, accountIds, cancellationToken);

    public async Task<ApiPrincipal?> VerifyAsync(string presentedKey, CancellationToken cancellationToken = default)
    {
        if (!ApiKeySecrets.TrySplit(presentedKey, out var keyId, out var secret)) return null;
        var secretHash = Sha256(secret);
        var cached = await TryGetAsync(keyId).ConfigureAwait(false);
        if (cached is not null)
            return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(cached.SecretSha256), Encoding.ASCII.GetBytes(secretHash))
                ? new ApiPrincipal(keyId, cached.Principal, (Role)cached.Role, cached.AccountIds)
                : null;

        var stored = await store.LoadAsync(keyId, cancellationToken).ConfigureAwait(false);
        if (stored is null || !ApiKeySecrets.Verify(secret, stored.Salt, stored.Iterations, stored.Hash)) return null;
        var p = stored.Principal;
        await TrySetAsync(keyId, new CacheEntry(secretHash, p.Principal, (int)p.Role, p.AccountIds.ToArray())).ConfigureAwait(false);
        return p;
    }

    public async Task<bool> RevokeAsync(string keyId, CancellationToken cancellationToken = default)
    {
        var revoked = await store.RevokeAsync(keyId, cancellationToken).ConfigureAwait(false);
        try
        {
            await redis.Database.KeyDeleteAsync(CacheKey(keyId)).ConfigureAwait(false);
            redis.MarkOk();
        }
        catch (Exception ex) when (RedisConnection.IsUnavailable(ex))
        {
            redis.MarkFailed();   // the cached copy expires within the TTL
        }
        return revoked;
    }

    private async Task<CacheEntry?> TryGetAsync(string keyId)
    {
        if (!redis.Multiplexer.IsConnected) { redis.MarkFailed(); return null; }
        try
        {
            var v = await redis.Database.StringGetAsync(CacheKey(keyId)).ConfigureAwait(false);
            redis.MarkOk();
            return v.IsNull ? null : JsonSerializer.Deserialize<CacheEntry>((string)v!);
        }
        catch (Exception ex) when (RedisConnection.IsUnavailable(ex) || ex is JsonException)
        {
            if (ex is not JsonException) redis.MarkFailed();
            return null;
        }
    }

    private async Task TrySetAsync(string keyId, CacheEntry entry)
    {
        if (!redis.Multiplexer.IsConnected) return;
        try
        {
            await redis.Database.StringSetAsync(CacheKey(keyId), JsonSerializer.Serialize(entry), redis.Options.ApiKeyCacheTtl).ConfigureAwait(false);
            redis.MarkOk();
        }
        catch (Exception ex) when (RedisConnection.IsUnavailable(ex))
        {
            redis.MarkFailed();
        }
    }

    private RedisKey CacheKey(string keyId) => redis.Key("apikey:" + keyId);

    private static string Sha256(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
