namespace ActorTrading.Storage.Tests.Infrastructure;

/// <summary>The real PostgreSQL and Redis the storage tests run against. Missing = the test FAILS (never skips).</summary>
public static class TestServices
{
    private const string Hint = "Storage tests need a real PostgreSQL and Redis: run them through scripts/test.sh, or start " +
                                "scripts/dev-services.sh and export the ConnectionStrings__Postgres / ConnectionStrings__Redis lines it prints.";

    public static string Postgres => Require("ConnectionStrings__Postgres");

    public static string Redis => Require("ConnectionStrings__Redis");

    public static string Require(string variable)
    {
        var value = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(value)) throw new InvalidOperationException($"{variable} is not set. {Hint}");
        return value;
    }

    /// <summary>A name unique to this run, safe as a schema name or key prefix.</summary>
    public static string UniqueName(string prefix) => $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 60)].ToLowerInvariant();
}
