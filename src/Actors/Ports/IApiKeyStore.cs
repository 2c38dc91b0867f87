using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Ports;

/// <summary>
/// API keys. A key is presented as <c>"&lt;keyId&gt;.&lt;secret&gt;"</c>; only a salted hash of the secret is
/// stored, so the secret is shown once, by <see cref="CreateAsync"/>.
/// </summary>
public interface IApiKeyStore
{
    /// <summary>Creates (or updates the role and grants of) <paramref name="principal"/> and issues a new key for it.</summary>
    Task<IssuedApiKey> CreateAsync(string principal, Role role, IReadOnlyList<string> accountIds, CancellationToken cancellationToken = default);

    /// <summary>The principal behind <paramref name="presentedKey"/>, or null when the key is unknown, revoked or wrong.</summary>
    Task<ApiPrincipal?> VerifyAsync(string presentedKey, CancellationToken cancellationToken = default);

    /// <summary>Revokes a key; false when no such active key exists.</summary>
    Task<bool> RevokeAsync(string keyId, CancellationToken cancellationToken = default);
}
