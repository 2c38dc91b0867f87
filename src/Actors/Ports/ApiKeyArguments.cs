using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Ports;

/// <summary>Argument rules every <see cref="IApiKeyStore"/> enforces the same way.</summary>
public static class ApiKeyArguments
{
    public static void Validate(string principal, Role role, IReadOnlyList<string> accountIds)
    {
        if (string.IsNullOrWhiteSpace(principal) || principal.Length > 128)
            throw new ArgumentException("principal must be 1..128 characters", nameof(principal));
        if (role == Role.Unspecified || !Enum.IsDefined(role))
            throw new ArgumentException("role is required", nameof(role));
        ArgumentNullException.ThrowIfNull(accountIds);
        if (accountIds.Any(string.IsNullOrEmpty)) throw new ArgumentException("account ids must not be empty", nameof(accountIds));
    }
}
