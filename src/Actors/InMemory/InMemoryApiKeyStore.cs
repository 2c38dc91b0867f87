using ActorTrading.Actors.Ports;
using ActorTrading.Api.V1;

namespace ActorTrading.Actors.InMemory;

/// <summary>API keys in this process; stores only salted hashes, like the PostgreSQL store.</summary>
public sealed class InMemoryApiKeyStore : IApiKeyStore
{
    private sealed record Entry(string Principal, byte[] Salt, int Iterations, byte[] Hash)
    {
        public bool Revoked { get; set; }

        /// <summary>SHA-256 of the secret once PBKDF2 accepted it: later verifies cost one hash, not 10,000.</summary>
        public byte[]? Verified { get; set; }
    }

    private readonly Dictionary<string, Entry> _keys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (Role Role, string[] Accounts)> _principals = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public Task<IssuedApiKey> CreateAsync(string principal, Role role, IReadOnlyList<string> accountIds, CancellationToken cancellationToken = default)
    {
        ApiKeyArguments.Validate(principal, role, accountIds);
        string keyId = ApiKeySecrets.NewKeyId(), secret = ApiKeySecrets.NewSecret();
        var salt = ApiKeySecrets.NewSalt();
        var entry = new Entry(principal, salt, ApiKeySecrets.Iterations, ApiKeySecrets.Hash(secret, salt));
        var accounts = accountIds.Distinct(StringComparer.Ordinal).ToArray();
        lock (_gate)
        {
            _principals[principal] = (role, accounts);
            _keys[keyId] = entry;
        }
        return Task.FromResult(new IssuedApiKey(keyId, secret, principal, role, accounts));
    }

    public Task<ApiPrincipal?> VerifyAsync(string presentedKey, CancellationToken cancellationToken = default)
    {
        if (!ApiKeySecrets.TrySplit(presentedKey, out var keyId, out var secret)) return Task.FromResult<ApiPrincipal?>(null);
        Entry? entry;
        (Role Role, string[] Accounts) grants;
        lock (_gate)
        {
            if (!_keys.TryGetValue(keyId, out entry) || entry.Revoked) return Task.FromResult<ApiPrincipal?>(null);
            grants = _principals[entry.Principal];
        }
        var quick = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret));
        bool ok = entry.Verified is { } known
            ? System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(known, quick)
            : ApiKeySecrets.Verify(secret, entry.Salt, entry.Iterations, entry.Hash);
        if (ok) entry.Verified ??= quick;
        return Task.FromResult(ok ? new ApiPrincipal(keyId, entry.Principal, grants.Role, grants.Accounts) : null);
    }

    public Task<bool> RevokeAsync(string keyId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_keys.TryGetValue(keyId, out var entry) || entry.Revoked) return Task.FromResult(false);
            entry.Revoked = true;
            return Task.FromResult(true);
        }
    }
}
