using System.Security.Cryptography;
using RealtimeCalendar.Local.Hosting;

namespace RealtimeCalendar.Benchmarks.Workload;

/// <summary>Signs users up in the local Cognito pool and signs them in, the way the browser gets its tokens.</summary>
public static class BenchmarkUsers
{
    /// <summary>cognito-local keeps its pool in one JSON file; a few requests at a time keep it from queueing up.</summary>
    private const int Concurrency = 4;

    public static async Task<IReadOnlyList<BenchmarkUser>> CreateAsync(LocalCloud cloud, int count, CancellationToken cancellationToken)
    {
        var users = new BenchmarkUser[count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, count), parallel, async (index, token) =>
        {
            var email = $"bench-{index}-{Guid.NewGuid():N}@example.com";
            var password = "Pw-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8)) + "-a1";
            var userId = await cloud.Cognito.CreateConfirmedUserAsync(cloud.UserPool.UserPoolId, cloud.UserPool.ClientId, email, password, token);
            var tokens = await cloud.SignInAsync(email, password, token);
            users[index] = new BenchmarkUser(index, userId, email, tokens.AccessToken);
        });
        return users;
    }
}
