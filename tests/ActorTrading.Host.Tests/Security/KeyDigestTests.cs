using System.Security.Cryptography;
using System.Text;
using ActorTrading.Host.Security;

namespace ActorTrading.Host.Tests.Security;

public sealed class KeyDigestTests
{
    [Theory]
    [InlineData("k")]
    [InlineData("load-admin-key")]
    [InlineData("ключ-🔑-with-non-ascii")]
    public void Of_AnyKey_IsTheSha256OfItsUtf8Bytes(string key)
    {
        Span<byte> bytes = stackalloc byte[32];
        KeyDigest.Of(key).CopyTo(bytes);
        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(key)), bytes.ToArray());
    }

    [Fact]
    public void Of_KeyLongerThanTheStackBuffer_StillHashesIt()
    {
        var key = new string('€', KeyDigest.MaxStackKeyLength * 2);
        Span<byte> bytes = stackalloc byte[32];
        KeyDigest.Of(key).CopyTo(bytes);
        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(key)), bytes.ToArray());
    }

    [Fact]
    public void Equals_SameKeySameDigest_DifferentKeyDifferentDigest()
    {
        Assert.Equal(KeyDigest.Of("abc"), KeyDigest.Of("abc"));
        Assert.NotEqual(KeyDigest.Of("abc"), KeyDigest.Of("abd"));
    }

    [Fact]
    public void AdminKeyMatches_OnlyTheConfiguredKey()
    {
        var admin = new AdminKey("secret-admin");
        Assert.True(admin.Matches("secret-admin"));
        Assert.True(admin.Matches(KeyDigest.Of("secret-admin")));
        Assert.False(admin.Matches("secret-admin "));
        Assert.False(new AdminKey(null).Matches(KeyDigest.Of("")));
    }
}
