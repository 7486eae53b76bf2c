using Amazon.CDK.Assertions;
using RealtimeCalendar.Deploy.Tests.Synthesis;

namespace RealtimeCalendar.Deploy.Tests.Identity;

[Collection(SynthesisCollection.Name)]
public sealed class UserPoolTests(SynthesizedStacks stacks)
{
    [Fact]
    public void Users_sign_in_with_their_email_and_cannot_sign_themselves_up()
    {
        stacks.Default.Template.HasResourceProperties("AWS::Cognito::UserPool", new Dictionary<string, object>
        {
            ["UsernameAttributes"] = new[] { "email" },
            ["AdminCreateUserConfig"] = Match.ObjectLike(new Dictionary<string, object> { ["AllowAdminCreateUserOnly"] = true }),
        });
    }

    [Fact]
    public void The_web_client_signs_in_with_a_password_and_refreshes_without_a_secret()
    {
        stacks.Default.Template.HasResourceProperties("AWS::Cognito::UserPoolClient", new Dictionary<string, object>
        {
            ["ExplicitAuthFlows"] = new[] { "ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH" },
            ["GenerateSecret"] = false,
            ["UserPoolId"] = new Dictionary<string, object> { ["Ref"] = stacks.Default.SingleIdOfType("AWS::Cognito::UserPool") },
        });
    }

    [Fact]
    public void The_user_pool_outlives_the_stack_like_the_events_it_owns()
    {
        var pool = stacks.Default.Resources[stacks.Default.SingleIdOfType("AWS::Cognito::UserPool")]!;
        Assert.Equal("Retain", (string?)pool["DeletionPolicy"]);
    }
}
