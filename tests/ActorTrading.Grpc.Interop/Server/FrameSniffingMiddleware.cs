using System.IO.Pipelines;
using ActorTrading.Grpc.Interop.Framing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ActorTrading.Grpc.Interop.Server;

/// <summary>
/// Runs before UseGrpc: puts a <see cref="FrameSniffingStream"/> under every application/grpc request body, so a
/// handler can ask whether request message N was compressed (<see cref="RequestFlags"/>).
/// </summary>
internal static class FrameSniffingMiddleware
{
    private static readonly object ItemKey = new();

    /// <summary>The flags recorded for the request of <paramref name="call"/>, or null when it was not sniffed.</summary>
    public static FrameFlags? RequestFlags(ServerCallContext call) =>
        call.HttpContext.Items.TryGetValue(ItemKey, out var value) ? value as FrameFlags : null;

    public static Task InvokeAsync(HttpContext http, RequestDelegate next)
    {
        var contentType = http.Request.ContentType;
        if (contentType is not null && contentType.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) &&
            !contentType.StartsWith("application/grpc-web", StringComparison.OrdinalIgnoreCase))
        {
            var flags = new FrameFlags();
            http.Items[ItemKey] = flags;
            var sniffed = new FrameSniffingStream(http.Request.Body, flags);
            http.Features.Set<IRequestBodyPipeFeature>(new SniffedBody(PipeReader.Create(sniffed, new StreamPipeReaderOptions(leaveOpen: true))));
        }

        return next(http);
    }

    private sealed class SniffedBody(PipeReader reader) : IRequestBodyPipeFeature
    {
        public PipeReader Reader { get; } = reader;
    }
}
