using System.Security.Cryptography;

namespace ActorTrading.Actors.Ports;

/// <summary>
/// Key generation and hashing shared by every <see cref="IApiKeyStore"/>: PBKDF2/SHA-256 with a
/// random 16-byte salt. The secret is 32 random bytes, so a modest iteration count suffices.
/// </summary>
public static class ApiKeySecrets
{
    public const int Iterations = 10_000;
    private const int HashBytes = 32;

    public static string NewKeyId() => "ak_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    public static string NewSecret() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static byte[] NewSalt() => RandomNumberGenerator.GetBytes(16);

    public static byte[] Hash(string secret, byte[] salt, int iterations = Iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(secret, salt, iterations, HashAlgorithmName.SHA256, HashBytes);

    public static bool Verify(string secret, byte[] salt, int iterations, byte[] expectedHash) =>
        CryptographicOperations.FixedTimeEquals(Hash(secret, salt, iterations), expectedHash);

    /// <summary>Splits "keyId.secret"; false when malformed.</summary>
    public static bool TrySplit(string presentedKey, out string keyId, out string secret)
    {
        keyId = secret = "";
        if (string.IsNullOrEmpty(presentedKey) || presentedKey.Length > 256) return false;
        int dot = presentedKey.IndexOf('.');
        if (dot <= 0 || dot == presentedKey.Length - 1) return false;
        keyId = presentedKey[..dot];
        secret = presentedKey[(dot + 1)..];
        return true;
    }
}
