namespace ActorTrading.Grpc;

/// <summary>The outcome of a call: a code and an optional human-readable detail (sent percent-encoded as grpc-message).</summary>
public readonly record struct Status(StatusCode StatusCode, string Detail)
{
    public static readonly Status DefaultSuccess = new(StatusCode.OK, "");

    public Status(StatusCode statusCode) : this(statusCode, "") { }

    public override string ToString() =>
        Detail.Length == 0 ? $"Status(StatusCode=\"{StatusCode}\")" : $"Status(StatusCode=\"{StatusCode}\", Detail=\"{Detail}\")";
}
