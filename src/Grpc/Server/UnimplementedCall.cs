using Microsoft.AspNetCore.Http;

namespace ActorTrading.Grpc;

/// <summary>Answers a call no service handles: Trailers-Only (gRPC) or a trailer frame (gRPC-Web).</summary>
internal static class UnimplementedCall
{
    public static Task WriteAsync(HttpContext http, GrpcWireMode mode, ServerRuntime runtime, Status status)
    {
        var response = http.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.Headers[GrpcProtocol.AcceptEncodingHeader] = runtime.AcceptEncoding;
        var target = mode == GrpcWireMode.Grpc ? response.Headers : new HeaderDictionary();
        target[GrpcProtocol.StatusHeader] = ((int)status.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        target[GrpcProtocol.MessageHeader] = PercentEncoding.Encode(status.Detail);
        switch (mode)
        {
            case GrpcWireMode.Grpc:
                response.ContentType = GrpcProtocol.ContentType;
                return Task.CompletedTask;
            case GrpcWireMode.GrpcWebText:
                response.ContentType = GrpcProtocol.GrpcWebTextContentType;
                WebTrailerFrame.Write(response, WebTrailerFrame.Create(target), text: true);
                return Task.CompletedTask;
            default:
                response.ContentType = GrpcProtocol.GrpcWebContentType;
                WebTrailerFrame.Write(response, WebTrailerFrame.Create(target), text: false);
                return Task.CompletedTask;
        }
    }
}
