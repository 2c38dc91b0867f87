using System.Buffers;
using System.IO.Pipelines;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace ActorTrading.Grpc;

/// <summary>
/// gRPC (h2c prior knowledge) and gRPC-Web over HTTP/1.1 on ONE cleartext port. Kestrel alone cannot: on a non-TLS
/// <see cref="HttpProtocols.Http1AndHttp2"/> endpoint it always picks HTTP/1.1 ("ambiguous without ALPN") and answers
/// an HTTP/2 preface with GOAWAY HTTP_1_1_REQUIRED. This connection middleware peeks (without consuming) the first
/// bytes; when they are the 24-byte HTTP/2 preface it presents the connection to Kestrel as if ALPN had chosen h2, so
/// Kestrel runs HTTP/2 on it; anything else stays HTTP/1.1.
/// </summary>
public static class CleartextProtocolSniffing
{
    private static ReadOnlySpan<byte> Preface => "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"u8;

    /// <summary>Use on a cleartext listener: <c>k.Listen(ip, port, l =&gt; l.UseGrpcCleartextSharedPort())</c>.</summary>
    /// <param name="prefaceTimeout">how long a new connection may stay silent before its first bytes decide the protocol
    /// (default 30 s, Kestrel's request-headers timeout); a connection that says nothing for that long is closed, so idle
    /// sockets cannot pin connection slots before Kestrel's own timeouts apply.</param>
    public static ListenOptions UseGrpcCleartextSharedPort(this ListenOptions listenOptions, TimeSpan? prefaceTimeout = null)
    {
        var timeout = prefaceTimeout ?? TimeSpan.FromSeconds(30);
        if (timeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(prefaceTimeout), timeout, "must be positive");
        listenOptions.Protocols = HttpProtocols.Http1AndHttp2;
        // The connection looks TLS to Kestrel's protocol choice; let the request keep its real :scheme (http).
        listenOptions.KestrelServerOptions.AllowAlternateSchemes = true;
        listenOptions.Use(next => async context =>
        {
            var input = context.Transport.Input;
            using var silence = CancellationTokenSource.CreateLinkedTokenSource(context.ConnectionClosed);
            silence.CancelAfter(timeout);
            while (true)
            {
                ReadResult result;
                try { result = await input.ReadAsync(silence.Token).ConfigureAwait(false); }
                catch (OperationCanceledException) { return; } // silent (or gone) before deciding: close it

                var buffer = result.Buffer;
                var decided = buffer.Length >= Preface.Length || result.IsCompleted || !StartsLikePreface(buffer);
                if (decided)
                {
                    var isHttp2 = buffer.Length >= Preface.Length && StartsLikePreface(buffer.Slice(0, Preface.Length));
                    input.AdvanceTo(buffer.Start);
                    if (isHttp2)
                    {
                        context.Features.Set<ITlsConnectionFeature>(PriorKnowledge.Instance);
                        context.Features.Set<ITlsApplicationProtocolFeature>(PriorKnowledge.Instance);
                    }

                    break;
                }

                input.AdvanceTo(buffer.Start, buffer.End);
            }

            await next(context).ConfigureAwait(false);
        });
        return listenOptions;
    }

    private static bool StartsLikePreface(ReadOnlySequence<byte> buffer)
    {
        Span<byte> head = stackalloc byte[24];
        var length = (int)Math.Min(buffer.Length, head.Length);
        buffer.Slice(0, length).CopyTo(head);
        return head[..length].SequenceEqual(Preface[..length]);
    }

    private sealed class PriorKnowledge : ITlsConnectionFeature, ITlsApplicationProtocolFeature
    {
        public static readonly PriorKnowledge Instance = new();

        public X509Certificate2? ClientCertificate { get => null; set => throw new NotSupportedException(); }

        private static readonly byte[] H2 = "h2"u8.ToArray();

        public ReadOnlyMemory<byte> ApplicationProtocol => H2;

        public Task<X509Certificate2?> GetClientCertificateAsync(CancellationToken cancellationToken) => Task.FromResult<X509Certificate2?>(null);
    }
}
