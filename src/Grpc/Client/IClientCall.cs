namespace ActorTrading.Grpc;

/// <summary>What every call object exposes besides its messages.</summary>
internal interface IClientCall : IDisposable
{
    Task<Metadata> ResponseHeadersAsync();

    Status GetStatus();

    Metadata GetTrailers();
}
