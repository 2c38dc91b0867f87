using Microsoft.Extensions.Logging;

namespace ActorTrading.Grpc;

/// <summary>The frozen per-server settings every call reads (built once from <see cref="GrpcServerOptions"/>).</summary>
internal sealed class ServerRuntime
{
    public ServerRuntime(GrpcServerOptions options, ILogger logger, TimeProvider timeProvider)
    {
        TimeProvider = timeProvider;
        MaxReceiveMessageSize = options.MaxReceiveMessageSize;
        MaxSendMessageSize = options.MaxSendMessageSize;
        Providers = options.CompressionProviders.ToArray();
        AcceptEncoding = CompressionProviders.AcceptEncoding(Providers);
        EnableDetailedErrors = options.EnableDetailedErrors;
        EnableGrpcWeb = options.EnableGrpcWeb;
        Logger = logger;
        if (options.ResponseCompressionAlgorithm is { } name)
        {
            ResponseCompression = CompressionProviders.Find(Providers, name)
                ?? throw new InvalidOperationException($"ResponseCompressionAlgorithm '{name}' is not one of the CompressionProviders ({AcceptEncoding}).");
        }
    }

    public int MaxReceiveMessageSize { get; }

    public int MaxSendMessageSize { get; }

    public IReadOnlyList<ICompressionProvider> Providers { get; }

    public string AcceptEncoding { get; }

    public ICompressionProvider? ResponseCompression { get; }

    public bool EnableDetailedErrors { get; }

    public bool EnableGrpcWeb { get; }

    public ILogger Logger { get; }

    public TimeProvider TimeProvider { get; }
}
