namespace ActorTrading.Storage.Postgres;

/// <summary>The database was migrated by a newer ActorTrading than this one: refuse to run against it.</summary>
public sealed class SchemaTooNewException(int databaseVersion, int codeVersion)
    : Exception($"the database schema is at version {databaseVersion} but this ActorTrading knows versions up to {codeVersion}: " +
                "upgrade this node (never run an older node against a newer schema)")
{
    public int DatabaseVersion { get; } = databaseVersion;
    public int CodeVersion { get; } = codeVersion;
}
