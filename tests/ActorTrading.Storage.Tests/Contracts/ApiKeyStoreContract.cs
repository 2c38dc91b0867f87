using ActorTrading.Api.V1;

namespace ActorTrading.Storage.Tests.Contracts;

/// <summary>What every IApiKeyStore must do.</summary>
public abstract class ApiKeyStoreContract : StorageContract
{
    private static string NewPrincipal() => "p-" + Guid.NewGuid().ToString("N")[..10];

    [Fact]
    public async Task CreateAsync_ThenVerify_ReturnsPrincipalRoleAndGrants()
    {
        var p = NewPrincipal();
        var key = await Store.ApiKeys.CreateAsync(p, Role.Trader, ["a1", "a2"]);

        var who = await Store.ApiKeys.VerifyAsync(key.Key);

        Assert.NotNull(who);
        Assert.Equal(p, who.Principal);
        Assert.Equal(Role.Trader, who.Role);
        Assert.Equal(key.KeyId, who.KeyId);
        Assert.True(who.CanAccess("a2"));
        Assert.False(who.CanAccess("a3"));
        Assert.DoesNotContain(key.Secret, key.ToString());
    }

    [Fact]
    public async Task VerifyAsync_WrongSecretOrMalformedOrUnknown_ReturnsNull()
    {
        var key = await Store.ApiKeys.CreateAsync(NewPrincipal(), Role.Viewer, []);

        Assert.Null(await Store.ApiKeys.VerifyAsync(key.KeyId + ".wrong"));
        Assert.Null(await Store.ApiKeys.VerifyAsync(key.KeyId + "." + key.Secret + "x"));
        Assert.Null(await Store.ApiKeys.VerifyAsync("no-dot"));
        Assert.Null(await Store.ApiKeys.VerifyAsync(""));
        Assert.Null(await Store.ApiKeys.VerifyAsync("ak_unknown.secret"));
        Assert.NotNull(await Store.ApiKeys.VerifyAsync(key.Key));
    }

    [Fact]
    public async Task RevokeAsync_VerifiedKey_NoLongerVerifies()
    {
        var key = await Store.ApiKeys.CreateAsync(NewPrincipal(), Role.Admin, []);
        Assert.NotNull(await Store.ApiKeys.VerifyAsync(key.Key));

        Assert.True(await Store.ApiKeys.RevokeAsync(key.KeyId));

        Assert.Null(await Store.ApiKeys.VerifyAsync(key.Key));
        Assert.False(await Store.ApiKeys.RevokeAsync(key.KeyId));
        Assert.False(await Store.ApiKeys.RevokeAsync("ak_unknown"));
    }

    [Fact]
    public async Task CreateAsync_SecondKeyForPrincipal_UpdatesGrantsForBoth()
    {
        var p = NewPrincipal();
        var first = await Store.ApiKeys.CreateAsync(p, Role.Trader, ["a1"]);
        var second = await Store.ApiKeys.CreateAsync(p, Role.LimitedTrader, ["a9"]);

        Assert.NotEqual(first.KeyId, second.KeyId);
        Assert.Equal(Role.LimitedTrader, (await Store.ApiKeys.VerifyAsync(second.Key))!.Role);
    }

    [Fact]
    public async Task CreateAsync_InvalidArguments_Throw()
    {
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.ApiKeys.CreateAsync("", Role.Admin, []));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.ApiKeys.CreateAsync("p", Role.Unspecified, []));
    }
}
