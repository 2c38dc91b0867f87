using System.Security.Cryptography;
using System.Text;
using ActorTrading.Actors.Ports;
using ActorTrading.Api.V1;

namespace ActorTrading.Host.Security;

/// <summary>The node's configured admin key (ACTORTRADING_ADMIN_KEY / Node:AdminKey), if any.</summary>
public sealed class AdminKey
{
    private readonly byte[]? _digest;

    public AdminKey(string? key)
    {
        if (!string.IsNullOrEmpty(key)) _digest = SHA256.HashData(Encoding.UTF8.GetBytes(key));
    }

    public bool IsConfigured => _digest is not null;

    public ApiPrincipal Principal { get; } = new("admin-key", "admin", Role.Admin, []);

    public bool Matches(string presented) =>
        _digest is not null && CryptographicOperations.FixedTimeEquals(_digest, SHA256.HashData(Encoding.UTF8.GetBytes(presented)));
}
