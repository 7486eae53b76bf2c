using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using RealtimeCalendar.Core.Secrets;

namespace RealtimeCalendar.Aws.Parameters;

/// <summary>
/// A secret kept as an SSM Parameter Store SecureString (encrypted under the free AWS-managed key). Read once per
/// function instance and cached; a missing parameter is re-checked after <see cref="MissingRecheck"/> so an operator
/// who creates it later does not have to redeploy.
/// </summary>
public sealed class SsmSecureStringSource(IAmazonSimpleSystemsManagement ssm, string parameterName, TimeProvider time) : ISecretSource
{
    public static readonly TimeSpan MissingRecheck = TimeSpan.FromMinutes(1);

    private string? value;
    private DateTimeOffset? missingSince;

    // Two first calls racing may both read the parameter; that costs one extra free API call, not a lock.
    public async Task<string?> GetAsync(CancellationToken cancellationToken)
    {
        if (value is not null)
            return value;
        if (missingSince is { } since && time.GetUtcNow() - since < MissingRecheck)
            return null;

        string? read;
        try
        {
            var response = await ssm.GetParameterAsync(new GetParameterRequest { Name = parameterName, WithDecryption = true }, cancellationToken);
            read = string.IsNullOrWhiteSpace(response.Parameter.Value) ? null : response.Parameter.Value;
        }
        catch (ParameterNotFoundException)
        {
            read = null;
        }

        missingSince = read is null ? time.GetUtcNow() : null;
        value = read;
        return read;
    }
}
