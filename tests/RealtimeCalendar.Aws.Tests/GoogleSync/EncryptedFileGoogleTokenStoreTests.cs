using System.Security.Cryptography;
using System.Text;
using RealtimeCalendar.Aws.GoogleSync;

namespace RealtimeCalendar.Aws.Tests.GoogleSync;

public sealed class EncryptedFileGoogleTokenStoreTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "rc-token-test-" + Guid.NewGuid().ToString("N"));

    private string KeyFile => Path.Combine(directory, "key");

    [Fact]
    public async Task Token_round_trips_and_is_not_stored_in_plain_text()
    {
        var store = new EncryptedFileGoogleTokenStore(directory, KeyFile);

        await store.PutAsync("user-1", "1//refresh-secret-value", default);

        Assert.Equal("1//refresh-secret-value", await store.GetAsync("user-1", default));
        foreach (var file in Directory.GetFiles(directory))
            Assert.DoesNotContain("refresh-secret-value", Encoding.UTF8.GetString(await File.ReadAllBytesAsync(file)), StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(KeyFile));
    }

    [Fact]
    public async Task Another_store_on_the_same_key_reads_it_and_deleting_forgets_it()
    {
        await new EncryptedFileGoogleTokenStore(directory, KeyFile).PutAsync("user-1", "token", default);
        var reopened = new EncryptedFileGoogleTokenStore(directory, KeyFile);

        Assert.Equal("token", await reopened.GetAsync("user-1", default));
        await reopened.DeleteAsync("user-1", default);
        Assert.Null(await reopened.GetAsync("user-1", default));
    }

    [Fact]
    public async Task A_token_file_moved_to_another_user_does_not_decrypt()
    {
        var store = new EncryptedFileGoogleTokenStore(directory, KeyFile);
        await store.PutAsync("alice", "alice-token", default);
        await store.PutAsync("mallory", "mallory-token", default);
        var files = Directory.GetFiles(directory, "*.token");
        var alice = files.Single(f => f.Contains(Convert.ToHexStringLower(SHA256.HashData("alice"u8)), StringComparison.Ordinal));
        var mallory = files.Single(f => f != alice);
        File.Copy(alice, mallory, overwrite: true);

        await Assert.ThrowsAnyAsync<CryptographicException>(() => store.GetAsync("mallory", default));
    }

    public void Dispose()
    {
        if (Directory.Exists(directory))
            Directory.Delete(directory, recursive: true);
    }
}
