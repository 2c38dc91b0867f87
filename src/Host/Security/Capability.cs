namespace ActorTrading.Host.Security;

/// <summary>What an rpc needs, from least to most. A role has every capability up to its own.</summary>
public enum Capability
{
    /// <summary>No key needed: health and reflection.</summary>
    Public,
    /// <summary>viewer and up: read what the principal's accounts hold; market data.</summary>
    Read,
    /// <summary>limited_trader and up: place, modify, cancel, close.</summary>
    Trade,
    /// <summary>trader and up: risk limits, halt/resume, strategies, signals.</summary>
    Manage,
    /// <summary>admin only: accounts, keys, cluster, publishing ticks.</summary>
    Admin,
}
