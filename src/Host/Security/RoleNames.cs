using ActorTrading.Api.V1;

namespace ActorTrading.Host.Security;

/// <summary>The role names of API.md (admin, trader, limited_trader, viewer).</summary>
public static class RoleNames
{
    public static string Of(Role role) => role switch
    {
        Role.Admin => "admin",
        Role.Trader => "trader",
        Role.LimitedTrader => "limited_trader",
        Role.Viewer => "viewer",
        _ => "none",
    };
}
