using System.Collections.Concurrent;
using ActorTrading.Actors.Ports;
using ActorTrading.Api.V1;
using ActorTrading.Host.Composition;

namespace ActorTrading.Host.Security;

/// <summary>
/// Turns a bearer key into a principal: the node's admin key (constant-time comparison), or a key of the
/// <see cref="IApiKeyStore"/>. Verified keys are remembered for <see cref="CacheTtl"/> (by SHA-256 of the key, <see cref="KeyDigest"/>) so the
/// hot path does not pay the store's PBKDF2 or a database round trip per call; a revoked key stops working within it.
/// </summary>
public sealed class ApiKeyAuthenticator(NodeStorage storage, AdminKey adminKey, TimeProvider time)
{
    public static readonly TimeSpan CacheTtl = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<KeyDigest, (ApiPrincipal Principal, DateTimeOffset Expires)> _cache = new();

    public async ValueTask<ApiPrincipal?> AuthenticateAsync(string presentedKey, CancellationToken ct)
    {
        if (presentedKey.Length == 0 || presentedKey.Length > 512) return null;
        var digest = KeyDigest.Of(presentedKey);   // hashed once per call, on the stack
        if (adminKey.Matches(digest)) return adminKey.Principal;
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(digest, out var cached) && cached.Expires > now) return cached.Principal;
        var principal = await storage.ApiKeys.VerifyAsync(presentedKey, ct).ConfigureAwait(false);
        if (principal is null || principal.Role == Role.Unspecified)
        {
            _cache.TryRemove(digest, out _);
            return null;
        }
        if (_cache.Count > 100_000) _cache.Clear();
        _cache[digest] = (principal, now + CacheTtl);
        return principal;
    }
}
