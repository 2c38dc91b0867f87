using System.Security.Cryptography;
using System.Text;

namespace ActorTrading.Storage.Postgres;

/// <summary>
/// AES-256-GCM for broker credentials at rest. The key comes from the environment
/// (ACTORTRADING_CREDENTIALS_KEY, base64 of 32 bytes) and never reaches the database.
/// </summary>
public sealed class CredentialCipher
{
    public const string KeyVariable = "ACTORTRADING_CREDENTIALS_KEY";
    private readonly byte[] _key;

    public CredentialCipher(byte[] key)
    {
        if (key is not { Length: 32 }) throw new ArgumentException("the credentials key must be 32 bytes (AES-256)", nameof(key));
        _key = key.ToArray();
    }

    /// <summary>From ACTORTRADING_CREDENTIALS_KEY; a clear error when missing or malformed.</summary>
    public static CredentialCipher FromEnvironment()
    {
        var text = Environment.GetEnvironmentVariable(KeyVariable);
        if (string.IsNullOrWhiteSpace(text))
            throw new InvalidOperationException($"{KeyVariable} is not set: it must hold base64 of 32 random bytes (e.g. `openssl rand -base64 32`)");
        try { return new CredentialCipher(Convert.FromBase64String(text.Trim())); }
        catch (FormatException ex) { throw new InvalidOperationException($"{KeyVariable} is not valid base64", ex); }
        catch (ArgumentException ex) { throw new InvalidOperationException($"{KeyVariable} must decode to 32 bytes", ex); }
    }

    /// <summary>Encrypts with a fresh 12-byte nonce; <paramref name="associatedData"/> (e.g. the gateway id) binds the ciphertext to its row.</summary>
    public (byte[] Nonce, byte[] Ciphertext, byte[] Tag) Encrypt(string plaintext, string associatedData)
    {
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var cipher = new byte[plain.Length];
        var tag = new byte[AesGcm.TagByteSizes.MaxSize];
        using var aes = new AesGcm(_key, tag.Length);
        aes.Encrypt(nonce, plain, cipher, tag, Encoding.UTF8.GetBytes(associatedData));
        return (nonce, cipher, tag);
    }

    /// <exception cref="CryptographicException">wrong key, or the row was tampered with or moved.</exception>
    public string Decrypt(byte[] nonce, byte[] ciphertext, byte[] tag, string associatedData)
    {
        var plain = new byte[ciphertext.Length];
        using var aes = new AesGcm(_key, tag.Length);
        aes.Decrypt(nonce, ciphertext, tag, plain, Encoding.UTF8.GetBytes(associatedData));
        return Encoding.UTF8.GetString(plain);
    }
}
