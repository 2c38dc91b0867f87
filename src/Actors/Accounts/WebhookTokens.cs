using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace ActorTrading.Actors.Accounts;

/// <summary>Webhook tokens of strategy instances: 32 random bytes, base64url; only the SHA-256 hex is journaled.</summary>
public static class WebhookTokens
{
    public static string Create() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
