using System.Security.Cryptography;
using ActorTrading.Storage.Postgres;
using ActorTrading.Storage.Tests.Infrastructure;

namespace ActorTrading.Storage.Tests.Postgres;

public sealed class CredentialCipherTests : IAsyncLifetime
{
    private readonly PostgresSchema _schema = new();

    public Task InitializeAsync() => _schema.InitializeAsync();

    public Task DisposeAsync() => _schema.DisposeAsync();

    [Fact]
    public async Task SaveAsync_StoresOnlyCiphertext_AndWrongKeyCannotRead()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        await _schema.Storage.BrokerCredentials(new CredentialCipher(key)).SaveAsync("gw1", "api_secret=hunter2");

        await using var cmd = _schema.Storage.DataSource.CreateCommand("SELECT ciphertext FROM broker_credentials WHERE gateway_id = 'gw1'");
        var stored = (byte[])(await cmd.ExecuteScalarAsync())!;
        Assert.DoesNotContain("hunter2", System.Text.Encoding.UTF8.GetString(stored));

        await Assert.ThrowsAnyAsync<CryptographicException>(() =>
            _schema.Storage.BrokerCredentials(new CredentialCipher(RandomNumberGenerator.GetBytes(32))).LoadAsync("gw1"));
        Assert.Equal("api_secret=hunter2", await _schema.Storage.BrokerCredentials(new CredentialCipher(key)).LoadAsync("gw1"));
    }

    [Fact]
    public void Decrypt_RowMovedToAnotherGateway_Fails()
    {
        var cipher = new CredentialCipher(RandomNumberGenerator.GetBytes(32));
        var (nonce, text, tag) = cipher.Encrypt("s", "gw1");

        Assert.ThrowsAny<CryptographicException>(() => cipher.Decrypt(nonce, text, tag, "gw2"));
        Assert.Throws<ArgumentException>(() => new CredentialCipher(new byte[16]));
    }
}
