using ActorTrading.Host;
using ActorTrading.Host.Composition;

try
{
    await using var node = await NodeApplication.BuildAsync(args);
    await node.RunAsync();
    return 0;
}
catch (NodeConfigurationException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
catch (Exception e) when (e is ActorTrading.Storage.Postgres.StorageUnavailableException or ActorTrading.Storage.Postgres.SchemaTooNewException)
{
    Console.Error.WriteLine("ActorTrading node cannot start: " + e.Message);
    return 3;
}
