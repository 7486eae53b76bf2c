namespace RealtimeCalendar.Deploy.Secrets;

/// <summary>
/// An SSM Parameter Store SecureString the operator creates by hand (CloudFormation cannot create SecureStrings,
/// and a value in a template would be readable by anyone who can read the stack). Functions get its name in
/// <see cref="EnvironmentVariable"/> and read the value at run time.
/// </summary>
public sealed record SecretParameter(string Name, string EnvironmentVariable)
{
    /// <summary>The name without its leading slash, as it appears in the parameter's ARN.</summary>
    public string ArnResourceName => Name.TrimStart('/');
}
