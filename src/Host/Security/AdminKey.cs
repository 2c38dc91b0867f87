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

    public bool Matches(string presented) => Matches(KeyDigest.Of(presented));

    /// <summary>Constant-time comparison of the presented key's digest with the admin key's.</summary>
    public bool Matches(in KeyDigest presented)
    {
        if (_digest is null) return false;
        Span<byte> bytes = stackalloc byte[32];
        presented.CopyTo(bytes);
        return CryptographicOperations.FixedTimeEquals(_digest, bytes);
    }
}
