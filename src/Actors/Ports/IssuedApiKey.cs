using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Ports;

/// <summary>A newly issued key. <see cref="Key"/> ("keyId.secret") is the bearer token; it is not stored anywhere.</summary>
public sealed record IssuedApiKey(string KeyId, string Secret, string Principal, Role Role, IReadOnlyList<string> AccountIds)
{
    public string Key => KeyId + "." + Secret;

    public override string ToString() => $"IssuedApiKey {{ KeyId = {KeyId}, Principal = {Principal}, Role = {Role} }}";
}
