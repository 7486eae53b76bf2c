using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using RealtimeCalendar.Core.GoogleSync;

namespace RealtimeCalendar.Aws.GoogleSync;

/// <summary>
/// Refresh tokens as SSM SecureString parameters (<c>{prefix}/{userId}</c>), encrypted with the AWS managed key
/// <c>aws/ssm</c>: standard parameters and that key cost nothing per month, unlike a customer managed key or
/// Secrets Manager.
/// </summary>
public sealed class SsmGoogleTokenStore(IAmazonSimpleSystemsManagement ssm, string parameterPrefix) : IGoogleTokenStore
{
    public Task PutAsync(string userId, string refreshToken, CancellationToken cancellationToken) =>
        ssm.PutParameterAsync(
            new PutParameterRequest
            {
                Name = NameFor(userId),
                Value = refreshToken,
                Type = ParameterType.SecureString,
                Overwrite = true,
                Tier = ParameterTier.Standard,
                Description = "RealtimeCalendar: Google refresh token of one user",
            },
            cancellationToken);

    public async Task<string?> GetAsync(string userId, CancellationToken cancellationToken)
    {
        try
        {
            var response = await ssm.GetParameterAsync(new GetParameterRequest { Name = NameFor(userId), WithDecryption = true }, cancellationToken);
            return response.Parameter?.Value;
        }
        catch (ParameterNotFoundException)
        {
            return null;
        }
    }

    public async Task DeleteAsync(string userId, CancellationToken cancellationToken)
    {
        try
        {
            await ssm.DeleteParameterAsync(new DeleteParameterRequest { Name = NameFor(userId) }, cancellationToken);
        }
        catch (ParameterNotFoundException)
        {
            // Already forgotten.
        }
    }

    // Parameter names allow [a-zA-Z0-9_.-/]; Cognito subs are UUIDs, anything else is encoded to stay inside that set.
    private string NameFor(string userId) =>
        $"{parameterPrefix.TrimEnd('/')}/{(userId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') ? userId : Convert.ToHexStringLower(System.Text.Encoding.UTF8.GetBytes(userId)))}";
}
